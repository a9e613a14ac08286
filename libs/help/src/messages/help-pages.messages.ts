import { defineMessages } from '@app/core';

/**
 * The public help, privacy, accessibility and contact pages. The figures of the privacy notice
 * are parameters filled from the configuration ({days}, {minutes}, {hours}), never written here.
 */
export const HELP_PAGES_MESSAGES = defineMessages({
  area: 'public',
  sq: {
    'help.field.phone': 'Telefoni',
    'help.field.email': 'Email',
    'help.field.address': 'Adresa',
    'help.field.website': 'Faqja në internet',
    'help.field.none': 'Për momentin nuk ka kontakt të shënuar këtu.',

    'help.title': 'Ndihmë dhe mbështetje',
    'help.lead':
      'Nuk keni pse ta bëni këtë vetëm. Këto organizata dhe ndërmjetës komunitarë i ndihmojnë romët, ashkalitë dhe egjiptianët të raportojnë diskriminimin. Ata mund ta plotësojnë raportin bashkë me ju.',
    'help.emergency.title': 'Jeni në rrezik tani?',
    'help.emergency.text':
      'Nëse ju ose dikush tjetër jeni në rrezik, thirrni tani numrin e emergjencës. Kjo platformë nuk është shërbim emergjence dhe nuk përgjigjet menjëherë.',
    'help.organisations.title': 'Organizatat që ndihmojnë',
    'help.mediators.title': 'Ndërmjetësit komunitarë',
    'help.mediators.text':
      'Një ndërmjetës komunitar e njeh komunitetin tuaj dhe institucionet. Ai ose ajo mund t’ju shpjegojë të drejtat tuaja, t’ju ndihmojë ta shkruani raportin dhe të vijë me ju në një institucion.',
    'help.mediators.none':
      'Pyetni zyrën komunale për komunitete dhe kthim në komunën tuaj për ndërmjetësin komunitar të zonës suaj.',
    'help.on_behalf':
      'Një ndërmjetës ose një organizatë mund ta dërgojë raportin edhe për ju. Ata shohin statusin e rastit, por mesazhet vetëm nëse ju pajtoheni.',
    'help.disagree.title': 'Nëse nuk pajtoheni me një vendim',
    'help.disagree.text':
      'Mund t’u drejtoheni edhe këtyre institucioneve. Kjo nuk varet nga kjo platformë dhe mund ta bëni në çdo kohë.',
    'help.report': 'Raporto diskriminimin',

    'help.privacy.title': 'Privatësia: çfarë ndodh me të dhënat tuaja',
    'help.privacy.lead':
      'Këtu shpjegojmë me fjalë të thjeshta kush e sheh atë që na tregoni, sa kohë e ruajmë dhe çfarë mund të bëni ju. Për të dhënat tuaja përgjigjet Zyra për Qeverisje të Mirë në Zyrën e Kryeministrit.',
    'help.privacy.anonymous.title': 'Mund të mbeteni anonim',
    'help.privacy.anonymous.text':
      'Nuk keni pse të jepni emrin ose kontaktin tuaj. Nëse i jepni, ato ruhen të enkriptuara: një kopje e bazës së të dhënave vetëm nuk i tregon.',
    'help.privacy.who.title': 'Kush sheh çfarë',
    'help.privacy.who.staff':
      'Punonjësit e platformës në Zyrën për Qeverisje të Mirë e shohin gjithë raportin tuaj, edhe emrin dhe kontaktin. Çdo herë që e hapin emrin ose kontaktin tuaj, kjo shënohet.',
    'help.privacy.who.expert':
      'Eksperti ligjor që merret me rastin tuaj e sheh gjithë raportin dhe kontaktin tuaj, për ta shqyrtuar rastin dhe për t’ju bërë pyetje. Çdo shikim i emrit tuaj shënohet.',
    'help.privacy.who.group':
      'Grupi Teknik (institucionet që takohen disa herë në vit për të shqyrtuar rastet) sheh vetëm një përmbledhje të shkruar nga eksperti ligjor, pa emrin dhe kontaktin tuaj.',
    'help.privacy.who.institution':
      'Institucioni që duhet të veprojë (për shembull një shkollë ose një komunë) merr vetëm përmbledhjen e ekspertit ligjor. Fjalët tuaja dhe emrin tuaj i merr vetëm nëse ju pajtoheni në raport.',
    'help.privacy.who.nobody':
      'Askush tjetër. Nuk i shesim dhe nuk i publikojmë të dhënat tuaja. Statistikat publike vetëm numërojnë rastet; nuk tregojnë asnjë rast dhe asnjë person.',
    'help.privacy.keep.title': 'Sa kohë i ruajmë të dhënat tuaja',
    'help.privacy.keep.retention':
      '{days} ditë pasi rasti juaj përfundon (i zgjidhur, nuk është diskriminim, ose i mbyllur), ne e fshijmë emrin, kontaktin, përshkrimin, mesazhet dhe dëshmitë tuaja. Mbajmë vetëm numrat për statistikat.',
    'help.privacy.keep.daily': 'Fshirja bëhet vetë; nuk keni nevojë ta kërkoni.',
    'help.privacy.keep.session':
      'Kur e ndiqni rastin me numrin e referencës dhe kodin e pranimit, dilni vetë pas {minutes} minutash pa aktivitet, dhe gjithmonë {hours} orë pas hyrjes. Kjo ju mbron në një telefon që e përdorin edhe të tjerët.',
    'help.privacy.rights.title': 'Të drejtat tuaja',
    'help.privacy.rights.withdraw':
      'Ta tërhiqni raportin, në faqen “Ndiq rastin tënd”, sa kohë që nuk ka shkuar ende në Grupin Teknik dhe nuk ka marrë përfundim.',
    'help.privacy.rights.erase':
      'T’i fshini të dhënat tuaja personale menjëherë, kur e tërhiqni raportin ose kur rasti ka përfunduar, në të njëjtën faqe.',
    'help.privacy.rights.access':
      'Të pyesni cilat të dhëna kemi për ju dhe të kërkoni t’i korrigjojmë: shkruani Zyrës (shihni Kontaktin).',
    'help.privacy.rights.complain':
      'Të ankoheni në Agjencinë për Informim dhe Privatësi, nëse mendoni se i trajtojmë gabim të dhënat tuaja. Agjencia është e pavarur nga ne.',
    'help.privacy.authority.title': 'Ku të ankoheni',
    'help.privacy.controller.title': 'Kush përgjigjet për të dhënat tuaja',

    'help.accessibility.title': 'Deklarata e qasshmërisë',
    'help.accessibility.lead':
      'Duam që kjo platformë të jetë e përdorshme për të gjithë: edhe në një telefon të lirë dhe me internet të dobët, me lexues ekrani, vetëm me tastierë ose me shkronja të mëdha.',
    'help.accessibility.standard.title': 'Standardi',
    'help.accessibility.standard.text':
      'Kjo faqe synon të plotësojë Udhëzimet për Qasshmërinë e Përmbajtjes në Ueb (WCAG) 2.1, niveli AA.',
    'help.accessibility.tested.title': 'Si e kontrollojmë',
    'help.accessibility.tested.axe':
      'Çdo faqe publike kontrollohet automatikisht me axe-core, në të katër gjuhët, në ekranin e një telefoni 360 × 740, dhe nuk lejohet asnjë gabim.',
    'help.accessibility.tested.keyboard':
      'Raporti plotësohet dhe dërgohet vetëm me tastierë, dhe edhe pa JavaScript.',
    'help.accessibility.tested.light':
      'Faqet janë të lehta: nuk ngarkojnë asgjë nga faqe të tjera dhe punojnë pa JavaScript.',
    'help.accessibility.limits.title': 'Kufizimet e njohura',
    'help.accessibility.limits.users':
      'Faqja ende nuk është provuar nga njerëz që përdorin çdo ditë lexues ekrani.',
    'help.accessibility.limits.evidence':
      'Dëshmitë që ngarkoni (fotografi, dokumente) nuk i bëjmë ne të qasshme.',
    'help.accessibility.limits.romani':
      'Tekstet në gjuhën rome janë të reja. Na tregoni nëse diçka nuk kuptohet.',
    'help.accessibility.report.title': 'Raportoni një problem',
    'help.accessibility.report.text':
      'Nëse diçka nuk ju punon, na tregoni: shkruani ose telefononi Zyrës (kontaktet më poshtë). Thoni cila faqe ishte dhe çfarë provuat të bënit.',
    'help.accessibility.report.ombudsperson':
      'Nëse nuk jeni të kënaqur me përgjigjen tonë, mund t’i drejtoheni Institucionit të Avokatit të Popullit.',

    'help.contact.title': 'Kontakti',
    'help.contact.lead': 'Platformën e mban Zyra për Qeverisje të Mirë në Zyrën e Kryeministrit.',
    'help.contact.case.title': 'Për rastin tuaj',
    'help.contact.case.text':
      'Për të pyetur për rastin tuaj ose për të dërguar informata të reja, përdorni faqen “Ndiq rastin tënd” me numrin e referencës dhe kodin e pranimit. Mos i dërgoni detajet e rastit me email: emaili nuk është i enkriptuar.',
    'help.contact.case.link': 'Ndiq rastin tënd',
    'help.contact.office.title': 'Zyra',
    'help.contact.emergency.title': 'Jeni në rrezik tani?',
    'help.contact.help.text': 'Ju duhet ndihmë me raportin?',
    'help.contact.help.link': 'Organizatat dhe ndërmjetësit që ndihmojnë',
  },
  sr: {
    'help.field.phone': 'Telefon',
    'help.field.email': 'E-pošta',
    'help.field.address': 'Adresa',
    'help.field.website': 'Internet stranica',
    'help.field.none': 'Trenutno ovde nema upisanog kontakta.',

    'help.title': 'Pomoć i podrška',
    'help.lead':
      'Ne morate kroz ovo prolaziti sami. Ove organizacije i posrednici iz zajednice pomažu Romima, Aškalijama i Egipćanima da prijave diskriminaciju. Mogu da popune prijavu zajedno sa vama.',
    'help.emergency.title': 'Da li ste sada u opasnosti?',
    'help.emergency.text':
      'Ako ste vi ili neko drugi u opasnosti, odmah pozovite broj za hitne slučajeve. Ova platforma nije služba za hitne slučajeve i ne odgovara odmah.',
    'help.organisations.title': 'Organizacije koje pomažu',
    'help.mediators.title': 'Posrednici iz zajednice',
    'help.mediators.text':
      'Posrednik iz zajednice poznaje vašu zajednicu i institucije. Može da vam objasni vaša prava, pomogne da napišete prijavu i pođe sa vama u instituciju.',
    'help.mediators.none':
      'Pitajte opštinsku kancelariju za zajednice i povratak u vašoj opštini za posrednika iz zajednice u vašem kraju.',
    'help.on_behalf':
      'Posrednik ili organizacija može i da pošalje prijavu umesto vas. Tada vidi status slučaja, a poruke samo ako se vi složite.',
    'help.disagree.title': 'Ako se ne slažete sa odlukom',
    'help.disagree.text':
      'Možete se obratiti i ovim institucijama. To ne zavisi od ove platforme i možete to učiniti u bilo kom trenutku.',
    'help.report': 'Prijavite diskriminaciju',

    'help.privacy.title': 'Privatnost: šta se dešava sa vašim podacima',
    'help.privacy.lead':
      'Ovde jednostavnim rečima objašnjavamo ko vidi ono što nam kažete, koliko dugo to čuvamo i šta vi možete da uradite. Za vaše podatke odgovorna je Kancelarija za dobro upravljanje u Kancelariji premijera.',
    'help.privacy.anonymous.title': 'Možete ostati anonimni',
    'help.privacy.anonymous.text':
      'Ne morate da navedete ime ni kontakt. Ako ih navedete, čuvaju se šifrovani: sama kopija baze podataka ih ne otkriva.',
    'help.privacy.who.title': 'Ko šta vidi',
    'help.privacy.who.staff':
      'Službenici platforme u Kancelariji za dobro upravljanje vide celu vašu prijavu, i ime i kontakt. Svaki put kada otvore vaše ime ili kontakt, to se beleži.',
    'help.privacy.who.expert':
      'Pravni stručnjak kome je vaš slučaj dodeljen vidi celu prijavu i vaš kontakt, da bi razmotrio slučaj i postavio vam pitanja. Svaki uvid u vaše ime se beleži.',
    'help.privacy.who.group':
      'Tehnička grupa (institucije koje se sastaju nekoliko puta godišnje da razmotre slučajeve) vidi samo sažetak koji je napisao pravni stručnjak, bez vašeg imena i kontakta.',
    'help.privacy.who.institution':
      'Institucija koja treba da deluje (na primer škola ili opština) dobija samo sažetak pravnog stručnjaka. Vaše reči i vaše ime dobija samo ako se vi u prijavi složite.',
    'help.privacy.who.nobody':
      'Niko drugi. Vaše podatke ne prodajemo i ne objavljujemo. Javna statistika samo broji slučajeve; ne prikazuje nijedan slučaj ni osobu.',
    'help.privacy.keep.title': 'Koliko dugo čuvamo vaše podatke',
    'help.privacy.keep.retention':
      '{days} dana nakon što se vaš slučaj završi (rešen, nije diskriminacija ili zatvoren), brišemo vaše ime, kontakt, opis, poruke i dokaze. Zadržavamo samo brojeve za statistiku.',
    'help.privacy.keep.daily': 'Brisanje se obavlja samo od sebe; ne morate to da tražite.',
    'help.privacy.keep.session':
      'Kada pratite slučaj pomoću oznake slučaja i koda potvrde, automatski ste odjavljeni posle {minutes} minuta bez aktivnosti, i uvek {hours} sati posle prijave. To vas štiti na telefonu koji koriste i drugi.',
    'help.privacy.rights.title': 'Vaša prava',
    'help.privacy.rights.withdraw':
      'Da povučete prijavu, na stranici „Pratite svoj slučaj”, dok još nije otišla Tehničkoj grupi i nije dobila ishod.',
    'help.privacy.rights.erase':
      'Da odmah izbrišete svoje lične podatke, kada povučete prijavu ili kada je slučaj završen, na istoj stranici.',
    'help.privacy.rights.access':
      'Da pitate koje podatke o vama imamo i da tražite da ih ispravimo: pišite Kancelariji (vidi Kontakt).',
    'help.privacy.rights.complain':
      'Da se žalite Agenciji za informisanje i privatnost ako mislite da pogrešno postupamo sa vašim podacima. Agencija je nezavisna od nas.',
    'help.privacy.authority.title': 'Gde da se žalite',
    'help.privacy.controller.title': 'Ko je odgovoran za vaše podatke',

    'help.accessibility.title': 'Izjava o pristupačnosti',
    'help.accessibility.lead':
      'Želimo da ovu platformu mogu da koriste svi: i na jeftinom telefonu i sa slabim internetom, sa čitačem ekrana, samo tastaturom ili sa velikim slovima.',
    'help.accessibility.standard.title': 'Standard',
    'help.accessibility.standard.text':
      'Ovaj sajt teži da ispuni Smernice za pristupačnost veb sadržaja (WCAG) 2.1, nivo AA.',
    'help.accessibility.tested.title': 'Kako proveravamo',
    'help.accessibility.tested.axe':
      'Svaka javna stranica se automatski proverava alatom axe-core, na sva četiri jezika, na ekranu telefona 360 × 740, i nijedna greška nije dozvoljena.',
    'help.accessibility.tested.keyboard':
      'Prijava se popunjava i šalje samo tastaturom, kao i bez JavaScript-a.',
    'help.accessibility.tested.light':
      'Stranice su lagane: ne učitavaju ništa sa drugih sajtova i rade bez JavaScript-a.',
    'help.accessibility.limits.title': 'Poznata ograničenja',
    'help.accessibility.limits.users':
      'Sajt još nisu isprobali ljudi koji svakodnevno koriste čitač ekrana.',
    'help.accessibility.limits.evidence':
      'Dokaze koje otpremite (fotografije, dokumente) mi ne činimo pristupačnim.',
    'help.accessibility.limits.romani':
      'Tekstovi na romskom jeziku su novi. Javite nam ako nešto nije jasno.',
    'help.accessibility.report.title': 'Prijavite problem',
    'help.accessibility.report.text':
      'Ako vam nešto ne radi, javite nam: pišite ili pozovite Kancelariju (kontakti ispod). Recite koja je stranica bila i šta ste pokušali da uradite.',
    'help.accessibility.report.ombudsperson':
      'Ako niste zadovoljni našim odgovorom, možete se obratiti Instituciji Ombudsmana.',

    'help.contact.title': 'Kontakt',
    'help.contact.lead': 'Platformu vodi Kancelarija za dobro upravljanje u Kancelariji premijera.',
    'help.contact.case.title': 'O vašem slučaju',
    'help.contact.case.text':
      'Da pitate o svom slučaju ili pošaljete nove informacije, koristite stranicu „Pratite svoj slučaj” sa oznakom slučaja i kodom potvrde. Ne šaljite detalje slučaja e-poštom: e-pošta nije šifrovana.',
    'help.contact.case.link': 'Pratite svoj slučaj',
    'help.contact.office.title': 'Kancelarija',
    'help.contact.emergency.title': 'Da li ste sada u opasnosti?',
    'help.contact.help.text': 'Potrebna vam je pomoć sa prijavom?',
    'help.contact.help.link': 'Organizacije i posrednici koji pomažu',
  },
  en: {
    'help.field.phone': 'Phone',
    'help.field.email': 'Email',
    'help.field.address': 'Address',
    'help.field.website': 'Website',
    'help.field.none': 'No contact is listed here at the moment.',

    'help.title': 'Help and support',
    'help.lead':
      'You do not have to do this alone. These organisations and community mediators help Roma, Ashkali and Egyptian people report discrimination. They can fill in the report with you.',
    'help.emergency.title': 'In danger right now?',
    'help.emergency.text':
      'If you or someone else is in danger, call the emergency number now. This platform is not an emergency service and does not answer at once.',
    'help.organisations.title': 'Organisations that help',
    'help.mediators.title': 'Community mediators',
    'help.mediators.text':
      'A community mediator knows your community and the institutions. They can explain your rights, help you write the report and go with you to an institution.',
    'help.mediators.none':
      'Ask the municipal office for communities and returns in your municipality for the community mediator of your area.',
    'help.on_behalf':
      'A mediator or an organisation can also send the report for you. They then see the status of the case, and the messages only if you agree.',
    'help.disagree.title': 'If you disagree with a decision',
    'help.disagree.text':
      'You can also turn to these institutions. This does not depend on this platform, and you can do it at any time.',
    'help.report': 'Report discrimination',

    'help.privacy.title': 'Privacy: what happens to your data',
    'help.privacy.lead':
      'Here we explain in plain words who sees what you tell us, how long we keep it and what you can do. The Office for Good Governance in the Office of the Prime Minister is responsible for your data.',
    'help.privacy.anonymous.title': 'You can stay anonymous',
    'help.privacy.anonymous.text':
      'You do not have to give your name or contact details. If you give them, they are stored encrypted: a copy of the database alone does not show them.',
    'help.privacy.who.title': 'Who sees what',
    'help.privacy.who.staff':
      'Platform staff at the Office for Good Governance see your whole report, your name and contact details included. Each time they open your name or contact details, it is recorded.',
    'help.privacy.who.expert':
      'The legal expert assigned to your case sees your whole report and your contact details, to look into the case and to ask you questions. Each look at your name is recorded.',
    'help.privacy.who.group':
      'The Technical Group (the institutions that meet a few times a year to review cases) sees only a summary written by the legal expert, without your name or contact details.',
    'help.privacy.who.institution':
      'An institution that must act (for example a school or a municipality) gets the legal expert’s summary only. It gets your own words and your name only if you agree to that in the report.',
    'help.privacy.who.nobody':
      'Nobody else. We do not sell or publish your data. The public statistics only count cases; they never show a case or a person.',
    'help.privacy.keep.title': 'How long we keep your data',
    'help.privacy.keep.retention':
      '{days} days after your case is finished (resolved, not discrimination, or closed), we erase your name, contact details, the description, the messages and your evidence. We keep only the numbers for the statistics.',
    'help.privacy.keep.daily': 'The erasure happens by itself; you do not need to ask for it.',
    'help.privacy.keep.session':
      'When you follow your case with your case reference and receipt code, you are signed out after {minutes} minutes without activity, and always {hours} hours after signing in. This protects you on a phone that others use too.',
    'help.privacy.rights.title': 'Your rights',
    'help.privacy.rights.withdraw':
      'Withdraw your report, on the “Follow your case” page, as long as it has not gone to the Technical Group and has no outcome yet.',
    'help.privacy.rights.erase':
      'Have your personal data erased at once, when you withdraw the report or when the case is finished, on the same page.',
    'help.privacy.rights.access':
      'Ask what data we hold about you, and ask us to correct it: write to the Office (see Contact).',
    'help.privacy.rights.complain':
      'Complain to the Information and Privacy Agency if you think we handle your data wrongly. The Agency is independent from us.',
    'help.privacy.authority.title': 'Where to complain',
    'help.privacy.controller.title': 'Who is responsible for your data',

    'help.accessibility.title': 'Accessibility statement',
    'help.accessibility.lead':
      'We want everyone to be able to use this platform: on a cheap phone and a slow connection too, with a screen reader, with a keyboard only, or with large text.',
    'help.accessibility.standard.title': 'Standard',
    'help.accessibility.standard.text':
      'This site aims to meet the Web Content Accessibility Guidelines (WCAG) 2.1 at level AA.',
    'help.accessibility.tested.title': 'How we check it',
    'help.accessibility.tested.axe':
      'Every public page is checked automatically with axe-core, in all four languages, on a 360 × 740 phone screen, and no violation is allowed.',
    'help.accessibility.tested.keyboard':
      'The report is filled in and sent with the keyboard alone, and also without JavaScript.',
    'help.accessibility.tested.light':
      'The pages are light: they load nothing from other sites and work without JavaScript.',
    'help.accessibility.limits.title': 'Known limits',
    'help.accessibility.limits.users':
      'The site has not yet been tried by people who use a screen reader every day.',
    'help.accessibility.limits.evidence':
      'We do not make the evidence you upload (photos, documents) accessible.',
    'help.accessibility.limits.romani':
      'The texts in Romani are new. Tell us if something is not clear.',
    'help.accessibility.report.title': 'Report a problem',
    'help.accessibility.report.text':
      'If something does not work for you, tell us: write to or call the Office (contacts below). Say which page it was and what you tried to do.',
    'help.accessibility.report.ombudsperson':
      'If you are not satisfied with our answer, you can turn to the Ombudsperson Institution.',

    'help.contact.title': 'Contact',
    'help.contact.lead':
      'The platform is run by the Office for Good Governance in the Office of the Prime Minister.',
    'help.contact.case.title': 'About your case',
    'help.contact.case.text':
      'To ask about your case or send new information, use the “Follow your case” page with your case reference and receipt code. Do not send details of the case by email: email is not encrypted.',
    'help.contact.case.link': 'Follow your case',
    'help.contact.office.title': 'The Office',
    'help.contact.emergency.title': 'In danger right now?',
    'help.contact.help.text': 'Need help with a report?',
    'help.contact.help.link': 'Organisations and mediators who help',
  },
  rom: {
    'help.field.phone': 'Telefoni',
    'help.field.email': 'E-mail',
    'help.field.address': 'Adresa',
    'help.field.website': 'Sajt ano interneti',
    'help.field.none': 'Akana naj ramome kontakti akate.',

    'help.title': 'Ažutipe',
    'help.lead':
      'Na trubul te keren akava korkore. Akala organizacie thaj medijatora e komunitetestar ažutinen e Romen, e Aškalijen thaj e Egipćanen te raportirinen i diskriminacija. Von šaj te pheren o raporti tumencar.',
    'help.emergency.title': 'Sen akana ande opasnost?',
    'help.emergency.text':
      'Te tumen vaj vareko aver sen ande opasnost, akharen akana o numri vaš emergencija. Akaja platforma naj servisi vaš emergencija thaj na del palpale vorba sigate.',
    'help.organisations.title': 'Organizacie kola ažutinen',
    'help.mediators.title': 'Medijatora e komunitetestar',
    'help.mediators.text':
      'Jekh medijatori e komunitetestar prindžarel tumaro komuniteti thaj e institucie. Vov vaj voj šaj te sikavel tumenge tumare čačipa, te ažutinel tumen te ramosaren o raporti thaj te džal tumencar ki institucija.',
    'help.mediators.none':
      'Pučen ano biro vaš komunitetja thaj irinipe ande tumari opština vaš o medijatori e komunitetestar tumare thanesko.',
    'help.on_behalf':
      'Jekh medijatori vaj jekh organizacija šaj te bičhalel o raporti vi ando tumaro anav. Atoska von dikhen o statusi e rastesko, a e lila samo te tumen pristanen.',
    'help.disagree.title': 'Te na pristanen jekhe odlukasa',
    'help.disagree.text':
      'Šaj te džan vi ke akala institucie. Gova na ačhol ki akaja platforma, thaj šaj te keren les sako vakti.',
    'help.report': 'Raportir i diskriminacija',

    'help.privacy.title': 'Privatnost: so ačhol tumare podatkenca',
    'help.privacy.lead':
      'Akate sikavas sadi lafenca kon dikhel kova so phenen amenge, keti vakti arakhas les thaj so šaj te keren tumen. Vaš tumare podatkija odgovorno si o Biro vaš Lačho Upravljanje ano Biro e Premijeresko.',
    'help.privacy.anonymous.title': 'Šaj te ačhen anonimno',
    'help.privacy.anonymous.text':
      'Na trubul te den tumaro anav vaj kontakti. Te den len, von arakhen pe šifrime: jekh kopija e bazaki korkori na sikavel len.',
    'help.privacy.who.title': 'Kon so dikhel',
    'help.privacy.who.staff':
      'E butjarne e platformake ano Biro vaš Lačho Upravljanje dikhen sa tumaro raporti, vi o anav thaj o kontakti. Sako drom kana putaren tumaro anav vaj kontakti, gova ramosardol.',
    'help.privacy.who.expert':
      'O pravno eksperto kaj lel tumaro rasti dikhel sa o raporti thaj tumaro kontakti, te dikhel o rasti thaj te pučel tumen. Sako drom kana dikhel tumaro anav, gova ramosardol.',
    'help.privacy.who.group':
      'E Tehnikani Grupa (e institucie kola arakhen pe nesave droma ano berš te dikhen e rastja) dikhel samo jekh rezime kaj ramosarda o pravno eksperto, bizo tumaro anav thaj kontakti.',
    'help.privacy.who.institution':
      'E institucija kaj trubul te kerel vareso (sar jekh škola vaj jekh opština) lel samo o rezime e pravne ekspertosko. Tumare lafa thaj tumaro anav lel samo te tumen pristanen ando raporti.',
    'help.privacy.who.nobody':
      'Khonik aver. Amen na bikinas thaj na publikujas tumare podatkija. E javno statistike samo ginen e rastja; nikana na sikaven jekh rasti vaj jekh manuš.',
    'help.privacy.keep.title': 'Keti vakti arakhas tumare podatkija',
    'help.privacy.keep.retention':
      '{days} dive palo agor tumare rastesko (rešime, naj diskriminacija, vaj phandlo), amen khosas tumaro anav, o kontakti, o lafa e rastesko, e lila thaj e dokazja. Arakhas samo e numera vaš i statistika.',
    'help.privacy.keep.daily': 'O khosipe kerdol korkoro; na trubul te mangen les.',
    'help.privacy.keep.session':
      'Kana dikhen tumaro rasti e numrea thaj e kodea e primimasko, i platforma ikalel tumen korkori pale {minutes} minutura bizo te keren khanči, thaj sa pale {hours} sahatja katar o vakti kana ramosarden o kodi. Gova arakhel tumen ando telefoni kaj len vi aver manuša.',
    'help.privacy.rights.title': 'Tumare čačipa',
    'help.privacy.rights.withdraw':
      'Te len palpale tumaro raporti, ki rig “Dikh tiro rasti”, dži kaj o rasti na gelo ki Tehnikani Grupa thaj naj les agor.',
    'help.privacy.rights.erase':
      'Te khosen tumare personalna podatkija sigate, kana len palpale o raporti vaj kana o rasti agorisajlo, ki isti rig.',
    'help.privacy.rights.access':
      'Te pučen save podatkija si amen vaš tumen thaj te mangen te ispravisaras len: ramosaren e Biroske (dikh Kontakt).',
    'help.privacy.rights.complain':
      'Te žalinen tumen ki Agencija vaš informacija thaj privatnost, te gndinen kaj na keras lačhe tumare podatkenca. E Agencija naj amari, voj si nezavisno.',
    'help.privacy.authority.title': 'Kaj te žalinen tumen',
    'help.privacy.controller.title': 'Kon odgovorinel vaš tumare podatkija',

    'help.accessibility.title': 'Deklaracija vaš resipe',
    'help.accessibility.lead':
      'Mangas te šaj sarkon te kerel buti akaja platformasa: vi ando čipo telefoni thaj ano slabo interneti, e čitačesa e ekranesko, samo e tastaturasa vaj bare slovenca.',
    'help.accessibility.standard.title': 'Standardi',
    'help.accessibility.standard.text':
      'Akava sajt mangel te pherel e Smernice vaš resipe e veb sadržajesko (WCAG) 2.1, o nivo AA.',
    'help.accessibility.tested.title': 'Sar proverinas',
    'help.accessibility.tested.axe':
      'Sako javno rig proverindol korkori e axe-core-asa, ande sa e štar čhiba, ano ekrani e telefonesko 360 × 740, thaj nijekh dosh na mukhlol.',
    'help.accessibility.tested.keyboard':
      'O raporti pherdol thaj bičhaldol samo e tastaturasa, thaj vi bizo JavaScript.',
    'help.accessibility.tested.light':
      'E rigja si lokhe: na len khanči katar aver sajtja thaj keren buti bizo JavaScript.',
    'help.accessibility.limits.title': 'So džanas kaj na keren buti',
    'help.accessibility.limits.users':
      'O sajt još na zumavde manuša kola sako dive keren buti e čitačesa e ekranesko.',
    'help.accessibility.limits.evidence':
      'E dokazja kaj tumen čhon (fotografie, dokumentja) amen na keras len resipnaske.',
    'help.accessibility.limits.romani':
      'E tekstja ande romani čhib si neve. Phenen amenge te vareso naj haljovdo.',
    'help.accessibility.report.title': 'Raportirin jekh problemi',
    'help.accessibility.report.text':
      'Te vareso na kerel buti tumenge, phenen amenge: ramosaren vaj akharen o Biro (e kontaktja tele). Phenen savi rig sas thaj so zumavden te keren.',
    'help.accessibility.report.ombudsperson':
      'Te naj tumen lačhe amare vorbasa, šaj te džan ki Institucija e Ombudspersoneski.',

    'help.contact.title': 'Kontakt',
    'help.contact.lead':
      'I platforma ingarel o Biro vaš Lačho Upravljanje ano Biro e Premijeresko.',
    'help.contact.case.title': 'Vaš tumaro rasti',
    'help.contact.case.text':
      'Te pučen vaš tumaro rasti vaj te bičhalen nevo informacija, len i rig “Dikh tiro rasti” e numrea e rastesko thaj e kodea e primimasko. Na bičhalen e detalja e rastesko e-mailea: o e-mail naj šifrime.',
    'help.contact.case.link': 'Dikh tiro rasti',
    'help.contact.office.title': 'O Biro',
    'help.contact.emergency.title': 'Sen akana ande opasnost?',
    'help.contact.help.text': 'Trubul tumen ažutipe e raportea?',
    'help.contact.help.link': 'Organizacie thaj medijatora kola ažutinen',
  },
});
