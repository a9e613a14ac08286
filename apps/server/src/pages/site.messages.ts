import { defineMessages } from '@app/core';

/** Strings of the page frame (header, navigation, footer, error pages). */
export const SITE_MESSAGES = defineMessages({
  area: 'public',
  sq: {
    'site.quick_exit': 'Dil shpejt nga faqja',
    'site.quick_exit.hint': 'ose shtypni tastin Shift tri herë',
    'site.footer.nav': 'Ndihmë dhe informata',
    'site.footer.help': 'Ndihmë',
    'site.footer.privacy_notice': 'Privatësia',
    'site.footer.accessibility': 'Qasshmëria',
    'site.footer.contact': 'Kontakti',
    'home.help.link': 'Organizatat dhe ndërmjetësit që ndihmojnë',
    'site.name': 'Platforma për mbrojtje nga diskriminimi',
    'site.owner': 'Zyra për Qeverisje të Mirë, Zyra e Kryeministrit',
    'site.skip': 'Kalo te përmbajtja',
    'site.language': 'Gjuha',
    'site.nav': 'Navigimi kryesor',
    'site.nav.home': 'Ballina',
    'site.nav.report': 'Raporto diskriminimin',
    'site.nav.follow': 'Ndiq rastin tënd',
    'site.nav.statistics': 'Statistikat',
    'site.nav.staff': 'Hyrja për stafin',
    'site.footer.privacy':
      'Raportimi mund të jetë anonim. Të dhënat tuaja mbrohen dhe nuk ndahen pa pëlqimin tuaj.',
    'site.error.title': 'Diçka nuk shkoi mirë',
    'site.error.reference': 'Kodi i kërkesës',
    'site.error.back': 'Kthehu në ballinë',
    'home.title': 'Raportoni diskriminimin',
    'home.lead':
      'Nëse ju ose dikush që njihni jeni trajtuar padrejtësisht sepse jeni rom, ashkali ose egjiptian, mund ta raportoni këtu, edhe pa dhënë emrin.',
    'home.report': 'Raporto tani',
    'home.follow': 'Kam një numër reference: ndiq rastin',
    'home.what.title': 'Çfarë është diskriminimi?',
    'home.what.text':
      'Diskriminim është kur dikush ju trajton më keq se të tjerët për shkak të asaj që jeni: për shembull sepse jeni rom, ashkali ose egjiptian, për shkak të gjuhës, fesë, gjinisë ose një aftësie të kufizuar. Ligji e ndalon.',
    'home.what.examples': 'Për shembull:',
    'home.what.example1':
      'fëmija juaj vendoset në një klasë të veçantë vetëm me fëmijë romë, ashkalinj ose egjiptianë;',
    'home.what.example2':
      'nuk ju punësojnë ose nuk ju japin banesë me qira kur mësojnë nga cili komunitet jeni;',
    'home.what.example3': 'një zyrë publike, spital ose polici refuzon t’ju shërbejë ose ju fyen;',
    'home.what.example4': 'dikush shkruan fjalë urrejtjeje kundër komunitetit tuaj në internet.',
    'home.who.title': 'Kush e sheh raportin tuaj?',
    'home.who.text':
      'Vetëm punonjësit e platformës në Zyrën për Qeverisje të Mirë dhe ekspertët ligjorë që merren me rastin. Emri dhe kontakti juaj, nëse i jepni, ruhen të enkriptuara. Institucionet marrin emrin tuaj vetëm nëse ju pranoni.',
    'home.next.title': 'Çfarë ndodh me raportin tuaj?',
    'home.next.step1':
      'Merrni menjëherë një numër reference dhe një kod pranimi. Ruajini: me to ndiqni rastin.',
    'home.next.step2': 'Një punonjës i platformës e lexon raportin dhe ia jep një eksperti ligjor.',
    'home.next.step3':
      'Eksperti ligjor e shqyrton rastin dhe mund t’ju bëjë pyetje këtu në platformë.',
    'home.next.step4':
      'Nëse duhet, rasti diskutohet në Grupin Teknik dhe i dërgohet institucionit që duhet të veprojë. Statusin e shihni gjithmonë në faqen “Ndiq rastin tënd”.',
    'home.anonymous.title': 'Mund të mbeteni anonim',
    'home.anonymous.text':
      'Nuk keni nevojë të jepni emrin tuaj. Pa emër nuk mund t’ju kontaktojmë, por ju mund t’i lexoni dhe t’u përgjigjeni mesazheve me numrin e referencës dhe kodin e pranimit.',
    'home.help.title': 'Ju duhet ndihmë?',
    'home.help.text':
      'Një ndërmjetës komunitar ose një organizatë mund t’ju ndihmojë ta plotësoni raportin. Mund ta dërgoni edhe në emër të dikujt tjetër.',
  },
  sr: {
    'site.quick_exit': 'Brzo napustite sajt',
    'site.quick_exit.hint': 'ili pritisnite taster Shift tri puta',
    'site.footer.nav': 'Pomoć i informacije',
    'site.footer.help': 'Pomoć',
    'site.footer.privacy_notice': 'Privatnost',
    'site.footer.accessibility': 'Pristupačnost',
    'site.footer.contact': 'Kontakt',
    'home.help.link': 'Organizacije i posrednici koji pomažu',
    'site.name': 'Platforma za zaštitu od diskriminacije',
    'site.owner': 'Kancelarija za dobro upravljanje, Kancelarija premijera',
    'site.skip': 'Pređi na sadržaj',
    'site.language': 'Jezik',
    'site.nav': 'Glavna navigacija',
    'site.nav.home': 'Početna',
    'site.nav.report': 'Prijavite diskriminaciju',
    'site.nav.follow': 'Pratite svoj slučaj',
    'site.nav.statistics': 'Statistika',
    'site.nav.staff': 'Prijava za osoblje',
    'site.footer.privacy':
      'Prijava može biti anonimna. Vaši podaci su zaštićeni i ne dele se bez vaše saglasnosti.',
    'site.error.title': 'Nešto nije u redu',
    'site.error.reference': 'Oznaka zahteva',
    'site.error.back': 'Nazad na početnu',
    'home.title': 'Prijavite diskriminaciju',
    'home.lead':
      'Ako ste vi ili neko koga poznajete tretirani nepravedno zato što ste Rom, Aškalija ili Egipćanin, ovde to možete prijaviti, i bez navođenja imena.',
    'home.report': 'Prijavite sada',
    'home.follow': 'Imam oznaku slučaja: pratite slučaj',
    'home.what.title': 'Šta je diskriminacija?',
    'home.what.text':
      'Diskriminacija je kada se neko prema vama ponaša lošije nego prema drugima zbog toga ko ste: na primer zato što ste Rom, Aškalija ili Egipćanin, zbog jezika, vere, pola ili invaliditeta. Zakon je zabranjuje.',
    'home.what.examples': 'Na primer:',
    'home.what.example1':
      'vaše dete je smešteno u posebno odeljenje samo sa romskom, aškalijskom ili egipćanskom decom;',
    'home.what.example2':
      'ne zapošljavaju vas ili vam ne izdaju stan kada saznaju iz koje ste zajednice;',
    'home.what.example3':
      'javna kancelarija, bolnica ili policija odbija da vas usluži ili vas vređa;',
    'home.what.example4': 'neko na internetu piše reči mržnje protiv vaše zajednice.',
    'home.who.title': 'Ko vidi vašu prijavu?',
    'home.who.text':
      'Samo službenici platforme u Kancelariji za dobro upravljanje i pravni stručnjaci koji se bave slučajem. Vaše ime i kontakt, ako ih date, čuvaju se šifrovani. Institucije saznaju vaše ime samo ako se vi složite.',
    'home.next.title': 'Šta se dešava sa vašom prijavom?',
    'home.next.step1':
      'Odmah dobijate oznaku slučaja i kod potvrde. Sačuvajte ih: pomoću njih pratite slučaj.',
    'home.next.step2': 'Službenik platforme čita prijavu i dodeljuje je pravnom stručnjaku.',
    'home.next.step3':
      'Pravni stručnjak razmatra slučaj i može vam postaviti pitanja ovde na platformi.',
    'home.next.step4':
      'Ako je potrebno, o slučaju se razgovara u Tehničkoj grupi i on se upućuje instituciji koja treba da deluje. Status uvek vidite na stranici „Pratite svoj slučaj”.',
    'home.anonymous.title': 'Možete ostati anonimni',
    'home.anonymous.text':
      'Ne morate da navedete svoje ime. Bez imena ne možemo da vas kontaktiramo, ali poruke možete čitati i na njih odgovarati pomoću oznake slučaja i koda potvrde.',
    'home.help.title': 'Potrebna vam je pomoć?',
    'home.help.text':
      'Posrednik iz zajednice ili organizacija može vam pomoći da popunite prijavu. Možete je podneti i u ime nekog drugog.',
  },
  en: {
    'site.quick_exit': 'Leave this site quickly',
    'site.quick_exit.hint': 'or press the Shift key three times',
    'site.footer.nav': 'Help and information',
    'site.footer.help': 'Help',
    'site.footer.privacy_notice': 'Privacy',
    'site.footer.accessibility': 'Accessibility',
    'site.footer.contact': 'Contact',
    'home.help.link': 'Organisations and mediators who help',
    'site.name': 'Platform for protection from discrimination',
    'site.owner': 'Office for Good Governance, Office of the Prime Minister',
    'site.skip': 'Skip to content',
    'site.language': 'Language',
    'site.nav': 'Main navigation',
    'site.nav.home': 'Home',
    'site.nav.report': 'Report discrimination',
    'site.nav.follow': 'Follow your case',
    'site.nav.statistics': 'Statistics',
    'site.nav.staff': 'Staff sign-in',
    'site.footer.privacy':
      'You can report anonymously. Your data is protected and not shared without your consent.',
    'site.error.title': 'Something went wrong',
    'site.error.reference': 'Request id',
    'site.error.back': 'Back to the home page',
    'home.title': 'Report discrimination',
    'home.lead':
      'If you or someone you know was treated unfairly for being Roma, Ashkali or Egyptian, you can report it here, even without giving your name.',
    'home.report': 'Report now',
    'home.follow': 'I have a case reference: follow my case',
    'home.what.title': 'What is discrimination?',
    'home.what.text':
      'Discrimination is when someone treats you worse than others because of who you are: for example because you are Roma, Ashkali or Egyptian, because of your language, religion, gender or a disability. The law forbids it.',
    'home.what.examples': 'For example:',
    'home.what.example1':
      'your child is put in a separate class with only Roma, Ashkali or Egyptian children;',
    'home.what.example2':
      'you are not hired, or not rented a flat, once they learn which community you are from;',
    'home.what.example3':
      'a public office, a hospital or the police refuse to serve you or insult you;',
    'home.what.example4': 'someone writes hateful words against your community online.',
    'home.who.title': 'Who sees your report?',
    'home.who.text':
      'Only the platform staff at the Office for Good Governance and the legal experts who handle the case. Your name and contact details, if you give them, are stored encrypted. Institutions learn your name only if you agree.',
    'home.next.title': 'What happens to your report?',
    'home.next.step1':
      'You get a case reference and a receipt code at once. Keep them: you follow your case with them.',
    'home.next.step2': 'A platform staff member reads the report and gives it to a legal expert.',
    'home.next.step3':
      'The legal expert looks into the case and may ask you questions here on the platform.',
    'home.next.step4':
      'If needed, the case is discussed in the Technical Group and sent to the institution that must act. You can always see its status on the “Follow your case” page.',
    'home.anonymous.title': 'You can stay anonymous',
    'home.anonymous.text':
      'You do not have to give your name. Without it we cannot contact you, but you can read and answer messages with your case reference and receipt code.',
    'home.help.title': 'Need help?',
    'home.help.text':
      'A community mediator or an organisation can help you fill in the report. You can also report for someone else.',
  },
  rom: {
    'site.quick_exit': 'Ikljov sigo katar o sajt',
    'site.quick_exit.hint': 'vaj mar e tasta Shift trin var',
    'site.footer.nav': 'Ažutipe thaj informacie',
    'site.footer.help': 'Ažutipe',
    'site.footer.privacy_notice': 'Privatnost',
    'site.footer.accessibility': 'Resipe',
    'site.footer.contact': 'Kontakt',
    'home.help.link': 'Organizacie thaj medijatora kola ažutinena',
    'site.name': 'Platforma baši arakhipe katar i diskriminacija',
    'site.owner': 'Biro baši Lačho Upravljanje, Biro e Premijeresko',
    'site.skip': 'Dža ko sadržaji',
    'site.language': 'Čhib',
    'site.nav': 'Bari navigacija',
    'site.nav.home': 'Angluno rig',
    'site.nav.report': 'Raportir diskriminacija',
    'site.nav.follow': 'Dikh so kerdol tire rasteja',
    'site.nav.statistics': 'Statistika',
    'site.nav.staff': 'Andre baši e butjarne',
    'site.footer.privacy':
      'Šaj te raportiris bi anavesko. Tire podatkura si arakhle. Amen na das len avrenđe bi tiro pristanipe.',
    'site.error.title': 'Vareso na đelo šukar',
    'site.error.reference': 'Numri e mangipesko',
    'site.error.back': 'Palpale ko angluno rig',
    'home.title': 'Raportir diskriminacija',
    'home.lead':
      'Te tuće vaj varekaske kas pindžares kerde bilačhe adalese kaj sen Roma, Aškalija vaj Egipćanja, šaj te raportiris akate, vi bi te des tiro anav.',
    'home.report': 'Raportir akana',
    'home.follow': 'Si man numri e rastesko: dikh mingro rasti',
    'home.what.title': 'So si diskriminacija?',
    'home.what.text':
      'Diskriminacija si kana varekon kerel tuće maj bilačhe sar avrenđe adalese ko san: adalese kaj san Rom, Aškali vaj Egipćani, adalese kaj si tut aver čhib, religija, rodo vaj invaliditeti. O zakoni na mukhel akava.',
    'home.what.examples': 'Sar primero:',
    'home.what.example1':
      'tiro čhavo thovdol ande avri klasa, samo e Romane, Aškalijenge vaj Egipćanenge čhavorenca;',
    'home.what.example2':
      'na den tut buti, vaj na den tut kher ko kirija, kana haćaren savere komunitetestar san;',
    'home.what.example3':
      'jekh javno biro, jekh bolnica vaj i policija na kamen te žutin tut vaj prasan tut;',
    'home.what.example4': 'varekon ramol ko interneti bilačhe lava mamuj tiro komuniteti.',
    'home.who.title': 'Ko dikhel tiro raporti?',
    'home.who.text':
      'Samo e butjarne e platformake ano Biro baši Lačho Upravljanje thaj o pravna eksperturja kaj len o rasti. Tiro anav thaj tire kontaktura, te des len, arakhenpe kodirime. E institucije džanen tiro anav samo te tu pristanes.',
    'home.next.title': 'So kerdol tire raporteja?',
    'home.next.step1':
      'Sigo ka les numri e rastesko thaj kodi e primimasko. Arakh len: olenca dikhes so kerdol tire rasteja.',
    'home.next.step2':
      'Jekh butjarno e platformako drabarel o raporti thaj del les jekhe pravno ekspertoske.',
    'home.next.step3':
      'O pravno eksperto dikhel o rasti thaj šaj te pučel tut akate, ki platforma.',
    'home.next.step4':
      'Te trubul, o rasti vakerdol ki Tehnikani grupa thaj bičhaldol ki institucija kaj trubul te kerel vareso. Sagda šaj te dikhes lesko statusi ki strana „Dikh so kerdol tire rasteja”.',
    'home.anonymous.title': 'Šaj te ačhes bi anavesko',
    'home.anonymous.text':
      'Na trubul te des tiro anav. Bi leske našti te kontaktiras tut, ali šaj te drabares thaj te odgovoris ke mesažura tire numreja e rastesko thaj kodeja e primimasko.',
    'home.help.title': 'Trubul tut žutipe?',
    'home.help.text':
      'Jekh medijatori katar o komuniteti vaj jekh organizacija šaj te žutinel tut te pheres o raporti. Šaj te raportiris vi baši aver manuš.',
  },
});
