import { defineMessages } from '@app/core';
import type { MailTemplate } from './mail-templates';

/** Keys every template must have in Albanian, Serbian and English (a compile error otherwise). */
type TemplateKeys = `mail.${MailTemplate}.${'subject' | 'body' | 'action'}`;
type CommonKeys =
  | 'mail.greeting'
  | 'mail.staff_invitation.greeting'
  | 'mail.signature'
  | 'mail.signature.reporter'
  | 'mail.link_hint'
  | 'mail.footer.reporter'
  | 'mail.footer.staff'
  | 'mail.footer.institution';

/**
 * The words of every email. Bodies are plain text; paragraphs are separated by a blank line.
 * `{name}` placeholders take only the template's own parameters (a unit test checks it).
 * Reporter emails say only that there is news and where to read it: someone else may read that
 * inbox, so no reference, no status, no word of what the platform is for (their own signature
 * and footer too). The reporter signs in with the reference and receipt code from the receipt.
 * Every template is written in every language, Romani included (drafts await a native
 * speaker's review, see i18n/review/rom.json).
 */
export const MAIL_MESSAGES = defineMessages<TemplateKeys | CommonKeys>({
  area: 'email',
  sq: {
    'mail.greeting': 'Përshëndetje,',
    'mail.staff_invitation.greeting': 'Përshëndetje {name},',
    'mail.signature':
      'Platforma për mbrojtje nga diskriminimi\nZyra për Qeverisje të Mirë, Zyra e Kryeministrit',
    'mail.signature.reporter': 'Zyra për Qeverisje të Mirë, Zyra e Kryeministrit',
    'mail.link_hint': 'Nëse butoni nuk funksionon, kopjoni këtë adresë në shfletuesin tuaj:',
    'mail.footer.reporter':
      'E morët këtë email sepse e dhatë këtë adresë në platformë. Për privatësinë tuaj, emailet tona nuk thonë asgjë më shumë: të rejat i lexoni në platformë.',
    'mail.footer.staff':
      'Njoftim automatik nga platforma. Ju lutemi mos iu përgjigjni këtij emaili.',
    'mail.footer.institution':
      'Njoftim automatik nga platforma. Ju lutemi mos iu përgjigjni këtij emaili; përdorni lidhjen më lart.',

    'mail.case_received.subject': 'Mesazh nga platforma',
    'mail.case_received.body':
      'Faleminderit. Keni të reja në platformë.\n\nPër t’i lexuar, hapni adresën më poshtë dhe shkruani numrin dhe kodin që keni ruajtur. Do t’ju shkruajmë përsëri kur të ketë të reja.',
    'mail.case_received.action': 'Hapni platformën',

    'mail.case_submitted_staff.subject': 'Rast i ri {reference}',
    'mail.case_submitted_staff.body':
      'U paraqit një rast i ri: {reference}. Rasti pret shqyrtimin fillestar.',
    'mail.case_submitted_staff.action': 'Hapni rastin',

    'mail.case_assigned.subject': 'Rasti {reference} iu caktua juve',
    'mail.case_assigned.body': 'Rasti {reference} iu caktua juve. Ju lutemi shqyrtojeni.',
    'mail.case_assigned.action': 'Hapni rastin',

    'mail.reporter_message_staff.subject': 'Mesazh i ri nga raportuesi i rastit {reference}',
    'mail.reporter_message_staff.body':
      'Raportuesi i rastit {reference} dërgoi një mesazh të ri. Lexojeni në platformë.',
    'mail.reporter_message_staff.action': 'Lexoni mesazhin',

    'mail.expert_message_reporter.subject': 'Mesazh nga platforma',
    'mail.expert_message_reporter.body':
      'Keni të reja në platformë.\n\nPër t’i lexuar, hapni adresën më poshtë dhe shkruani numrin dhe kodin që keni ruajtur.',
    'mail.expert_message_reporter.action': 'Hapni platformën',

    'mail.status_changed_reporter.subject': 'Mesazh nga platforma',
    'mail.status_changed_reporter.body':
      'Keni të reja në platformë.\n\nPër t’i lexuar, hapni adresën më poshtë dhe shkruani numrin dhe kodin që keni ruajtur.',
    'mail.status_changed_reporter.action': 'Hapni platformën',

    'mail.agenda_published.subject': 'Rendi i ditës i takimit të Grupit Teknik më {meetingDate}',
    'mail.agenda_published.body':
      'U publikua rendi i ditës i takimit të Grupit Teknik më {meetingDate}. Ju lutemi lexoni rastet para takimit.',
    'mail.agenda_published.action': 'Hapni rendin e ditës',

    'mail.referral_sent.subject': 'Referim i rastit {reference}',
    'mail.referral_sent.body':
      'Zyra për Qeverisje të Mirë ia referoi rastin {reference} institucionit tuaj ({institution}) me rekomandime. Ju lutemi lexoni referimin dhe dërgoni përgjigjen tuaj deri më {dueDate}.\n\nLidhja më poshtë është vetëm për institucionin tuaj dhe mund të përdoret një herë për të dërguar përgjigjen. Mos ua përcillni të tjerëve.',
    'mail.referral_sent.action': 'Lexoni dhe përgjigjuni',

    'mail.referral_answered.subject': 'Përgjigje për rastin {reference}',
    'mail.referral_answered.body':
      'Arriti përgjigjja nga {institution} për referimin e rastit {reference}.',
    'mail.referral_answered.action': 'Hapni rastin',

    'mail.referral_overdue_institution.subject':
      'Kujtesë: përgjigjja për rastin {reference} ka kaluar afatin',
    'mail.referral_overdue_institution.body':
      'Përgjigjja e institucionit tuaj ({institution}) për referimin e rastit {reference} duhej të dërgohej deri më {dueDate} dhe ende nuk ka arritur. Ju lutemi dërgojeni sa më shpejt përmes lidhjes më poshtë.',
    'mail.referral_overdue_institution.action': 'Dërgoni përgjigjen',

    'mail.referral_overdue_staff.subject': 'Përgjigje me vonesë: rasti {reference}',
    'mail.referral_overdue_staff.body':
      'Përgjigjja nga {institution} për referimin e rastit {reference}, me afat më {dueDate}, ende nuk ka arritur. Institucionit iu dërgua një kujtesë.',
    'mail.referral_overdue_staff.action': 'Hapni rastin',

    'mail.clock_due_soon_staff.subject': 'Afati po afron: rasti {reference}',
    'mail.clock_due_soon_staff.body':
      'Afati për „{stage}” të rastit {reference} është më {dueDate}.',
    'mail.clock_due_soon_staff.action': 'Hapni rastin',
    'mail.clock_overdue_staff.subject': 'Afati kaloi: rasti {reference}',
    'mail.clock_overdue_staff.body':
      'Afati për „{stage}” të rastit {reference} ishte më {dueDate} dhe ka kaluar.',
    'mail.clock_overdue_staff.action': 'Hapni rastin',
    'mail.clock_digest_staff.subject': 'Raste me afat të kaluar: {overdue}',
    'mail.clock_digest_staff.body':
      'Sot {overdue} raste kanë kaluar afatin e fazës ku ndodhen: {references}.',
    'mail.clock_digest_staff.action': 'Shihni rastet me afat të kaluar',

    'mail.staff_invitation.subject': 'Ftesë në platformën për mbrojtje nga diskriminimi',
    'mail.staff_invitation.body':
      'Jeni ftuar të bashkoheni në platformën për mbrojtje nga diskriminimi si anëtar i stafit. Përdorni lidhjen më poshtë për të zgjedhur fjalëkalimin dhe për të konfiguruar hyrjen. Lidhja funksionon një herë dhe skadon më {expiresAt}.',
    'mail.staff_invitation.action': 'Pranoni ftesën',

    'mail.password_reset.subject': 'Rivendosni fjalëkalimin tuaj',
    'mail.password_reset.body':
      'Dikush kërkoi rivendosjen e fjalëkalimit të llogarisë suaj në platformë. Nëse ishit ju, përdorni lidhjen më poshtë për të zgjedhur një fjalëkalim të ri. Lidhja funksionon një herë dhe skadon më {expiresAt}.\n\nNëse nuk e kërkuat ju, shpërfilleni këtë email: fjalëkalimi juaj mbetet i njëjtë.',
    'mail.password_reset.action': 'Zgjidhni një fjalëkalim të ri',
  },
  sr: {
    'mail.greeting': 'Dobar dan,',
    'mail.staff_invitation.greeting': 'Dobar dan, {name},',
    'mail.signature':
      'Platforma za zaštitu od diskriminacije\nKancelarija za dobro upravljanje, Kancelarija premijera',
    'mail.signature.reporter': 'Kancelarija za dobro upravljanje, Kancelarija premijera',
    'mail.link_hint': 'Ako dugme ne radi, kopirajte ovu adresu u svoj pregledač:',
    'mail.footer.reporter':
      'Ovu poruku ste dobili jer ste ovu adresu naveli na platformi. Radi vaše privatnosti, naše poruke ne govore ništa više: novosti pročitajte na platformi.',
    'mail.footer.staff': 'Automatsko obaveštenje platforme. Molimo ne odgovarajte na ovu poruku.',
    'mail.footer.institution':
      'Automatsko obaveštenje platforme. Molimo ne odgovarajte na ovu poruku; koristite link iznad.',

    'mail.case_received.subject': 'Poruka sa platforme',
    'mail.case_received.body':
      'Hvala vam. Imate novosti na platformi.\n\nDa biste ih pročitali, otvorite adresu ispod i unesite oznaku i kod koje ste sačuvali. Pisaćemo vam ponovo kada bude novosti.',
    'mail.case_received.action': 'Otvorite platformu',

    'mail.case_submitted_staff.subject': 'Novi slučaj {reference}',
    'mail.case_submitted_staff.body':
      'Podnet je novi slučaj: {reference}. Slučaj čeka početnu proveru.',
    'mail.case_submitted_staff.action': 'Otvorite slučaj',

    'mail.case_assigned.subject': 'Slučaj {reference} vam je dodeljen',
    'mail.case_assigned.body': 'Slučaj {reference} vam je dodeljen. Molimo pregledajte ga.',
    'mail.case_assigned.action': 'Otvorite slučaj',

    'mail.reporter_message_staff.subject': 'Nova poruka podnosioca prijave za slučaj {reference}',
    'mail.reporter_message_staff.body':
      'Podnosilac prijave za slučaj {reference} poslao je novu poruku. Pročitajte je na platformi.',
    'mail.reporter_message_staff.action': 'Pročitajte poruku',

    'mail.expert_message_reporter.subject': 'Poruka sa platforme',
    'mail.expert_message_reporter.body':
      'Imate novosti na platformi.\n\nDa biste ih pročitali, otvorite adresu ispod i unesite oznaku i kod koje ste sačuvali.',
    'mail.expert_message_reporter.action': 'Otvorite platformu',

    'mail.status_changed_reporter.subject': 'Poruka sa platforme',
    'mail.status_changed_reporter.body':
      'Imate novosti na platformi.\n\nDa biste ih pročitali, otvorite adresu ispod i unesite oznaku i kod koje ste sačuvali.',
    'mail.status_changed_reporter.action': 'Otvorite platformu',

    'mail.agenda_published.subject': 'Dnevni red sastanka Tehničke grupe {meetingDate}',
    'mail.agenda_published.body':
      'Objavljen je dnevni red sastanka Tehničke grupe zakazanog za {meetingDate}. Molimo pročitajte slučajeve pre sastanka.',
    'mail.agenda_published.action': 'Otvorite dnevni red',

    'mail.referral_sent.subject': 'Upućivanje slučaja {reference}',
    'mail.referral_sent.body':
      'Kancelarija za dobro upravljanje uputila je slučaj {reference} vašoj instituciji ({institution}) sa preporukama. Molimo pročitajte upućivanje i pošaljite odgovor do {dueDate}.\n\nLink ispod namenjen je samo vašoj instituciji i može se jednom iskoristiti za slanje odgovora. Ne prosleđujte ga drugima.',
    'mail.referral_sent.action': 'Pročitajte i odgovorite',

    'mail.referral_answered.subject': 'Odgovor za slučaj {reference}',
    'mail.referral_answered.body':
      'Stigao je odgovor institucije {institution} na upućivanje slučaja {reference}.',
    'mail.referral_answered.action': 'Otvorite slučaj',

    'mail.referral_overdue_institution.subject':
      'Podsetnik: rok za odgovor za slučaj {reference} je istekao',
    'mail.referral_overdue_institution.body':
      'Odgovor vaše institucije ({institution}) na upućivanje slučaja {reference} trebalo je da stigne do {dueDate}, ali još nije stigao. Molimo pošaljite ga što pre putem linka ispod.',
    'mail.referral_overdue_institution.action': 'Pošaljite odgovor',

    'mail.referral_overdue_staff.subject': 'Odgovor kasni: slučaj {reference}',
    'mail.referral_overdue_staff.body':
      'Odgovor institucije {institution} na upućivanje slučaja {reference}, sa rokom {dueDate}, još nije stigao. Instituciji je poslat podsetnik.',
    'mail.referral_overdue_staff.action': 'Otvorite slučaj',

    'mail.clock_due_soon_staff.subject': 'Rok se približava: slučaj {reference}',
    'mail.clock_due_soon_staff.body': 'Rok za „{stage}” slučaja {reference} je {dueDate}.',
    'mail.clock_due_soon_staff.action': 'Otvorite slučaj',
    'mail.clock_overdue_staff.subject': 'Rok je prošao: slučaj {reference}',
    'mail.clock_overdue_staff.body':
      'Rok za „{stage}” slučaja {reference} bio je {dueDate} i prošao je.',
    'mail.clock_overdue_staff.action': 'Otvorite slučaj',
    'mail.clock_digest_staff.subject': 'Slučajevi sa prekoračenim rokom: {overdue}',
    'mail.clock_digest_staff.body':
      'Danas je {overdue} slučajeva prekoračilo rok faze u kojoj su: {references}.',
    'mail.clock_digest_staff.action': 'Pogledajte slučajeve sa prekoračenim rokom',

    'mail.staff_invitation.subject': 'Poziv na platformu za zaštitu od diskriminacije',
    'mail.staff_invitation.body':
      'Pozvani ste da se pridružite platformi za zaštitu od diskriminacije kao član osoblja. Pomoću linka ispod izaberite lozinku i podesite prijavljivanje. Link radi jednom i ističe {expiresAt}.',
    'mail.staff_invitation.action': 'Prihvatite poziv',

    'mail.password_reset.subject': 'Promena lozinke',
    'mail.password_reset.body':
      'Neko je zatražio promenu lozinke vašeg naloga na platformi. Ako ste to bili vi, pomoću linka ispod izaberite novu lozinku. Link radi jednom i ističe {expiresAt}.\n\nAko to niste bili vi, zanemarite ovu poruku: vaša lozinka ostaje ista.',
    'mail.password_reset.action': 'Izaberite novu lozinku',
  },
  en: {
    'mail.greeting': 'Hello,',
    'mail.staff_invitation.greeting': 'Hello {name},',
    'mail.signature':
      'Platform for protection from discrimination\nOffice for Good Governance, Office of the Prime Minister',
    'mail.signature.reporter': 'Office for Good Governance, Office of the Prime Minister',
    'mail.link_hint': 'If the button does not work, copy this address into your browser:',
    'mail.footer.reporter':
      'You received this email because you gave this address on the platform. To protect your privacy, our emails say nothing more: read the news on the platform.',
    'mail.footer.staff': 'Automatic notice from the platform. Please do not reply to this email.',
    'mail.footer.institution':
      'Automatic notice from the platform. Please do not reply to this email; use the link above.',

    'mail.case_received.subject': 'A message from the platform',
    'mail.case_received.body':
      'Thank you. There is news for you on the platform.\n\nTo read it, open the address below and enter the reference and the code you kept. We will write to you again when there is news.',
    'mail.case_received.action': 'Open the platform',

    'mail.case_submitted_staff.subject': 'New case {reference}',
    'mail.case_submitted_staff.body':
      'A new case was submitted: {reference}. It is waiting for triage.',
    'mail.case_submitted_staff.action': 'Open the case',

    'mail.case_assigned.subject': 'Case {reference} was assigned to you',
    'mail.case_assigned.body': 'Case {reference} was assigned to you. Please review it.',
    'mail.case_assigned.action': 'Open the case',

    'mail.reporter_message_staff.subject': 'New message from the reporter of case {reference}',
    'mail.reporter_message_staff.body':
      'The reporter of case {reference} sent a new message. Read it on the platform.',
    'mail.reporter_message_staff.action': 'Read the message',

    'mail.expert_message_reporter.subject': 'A message from the platform',
    'mail.expert_message_reporter.body':
      'There is news for you on the platform.\n\nTo read it, open the address below and enter the reference and the code you kept.',
    'mail.expert_message_reporter.action': 'Open the platform',

    'mail.status_changed_reporter.subject': 'A message from the platform',
    'mail.status_changed_reporter.body':
      'There is news for you on the platform.\n\nTo read it, open the address below and enter the reference and the code you kept.',
    'mail.status_changed_reporter.action': 'Open the platform',

    'mail.agenda_published.subject': 'Agenda of the Technical Group meeting on {meetingDate}',
    'mail.agenda_published.body':
      'The agenda of the Technical Group meeting on {meetingDate} was published. Please read the cases before the meeting.',
    'mail.agenda_published.action': 'Open the agenda',

    'mail.referral_sent.subject': 'Referral of case {reference}',
    'mail.referral_sent.body':
      'The Office for Good Governance referred case {reference} to your institution ({institution}) with recommendations. Please read the referral and send your response by {dueDate}.\n\nThe link below is for your institution only and can be used once to send the response. Please do not forward it.',
    'mail.referral_sent.action': 'Read and respond',

    'mail.referral_answered.subject': 'Response on case {reference}',
    'mail.referral_answered.body':
      'The response of {institution} to the referral of case {reference} has arrived.',
    'mail.referral_answered.action': 'Open the case',

    'mail.referral_overdue_institution.subject':
      'Reminder: the response on case {reference} is overdue',
    'mail.referral_overdue_institution.body':
      'The response of your institution ({institution}) to the referral of case {reference} was due by {dueDate} and has not arrived yet. Please send it as soon as possible with the link below.',
    'mail.referral_overdue_institution.action': 'Send the response',

    'mail.referral_overdue_staff.subject': 'Overdue response: case {reference}',
    'mail.referral_overdue_staff.body':
      'The response of {institution} to the referral of case {reference}, due by {dueDate}, has not arrived yet. A reminder was sent to the institution.',
    'mail.referral_overdue_staff.action': 'Open the case',

    'mail.clock_due_soon_staff.subject': 'Due soon: case {reference}',
    'mail.clock_due_soon_staff.body': 'The {stage} of case {reference} is due by {dueDate}.',
    'mail.clock_due_soon_staff.action': 'Open the case',
    'mail.clock_overdue_staff.subject': 'Overdue: case {reference}',
    'mail.clock_overdue_staff.body':
      'The {stage} of case {reference} was due by {dueDate} and is now overdue.',
    'mail.clock_overdue_staff.action': 'Open the case',
    'mail.clock_digest_staff.subject': 'Overdue cases: {overdue}',
    'mail.clock_digest_staff.body':
      'Today {overdue} cases are past the due date of their stage: {references}.',
    'mail.clock_digest_staff.action': 'See the overdue cases',

    'mail.staff_invitation.subject':
      'Invitation to the platform for protection from discrimination',
    'mail.staff_invitation.body':
      'You are invited to join the platform for protection from discrimination as a staff member. Use the link below to choose your password and set up sign-in. The link works once and expires on {expiresAt}.',
    'mail.staff_invitation.action': 'Accept the invitation',

    'mail.password_reset.subject': 'Reset your password',
    'mail.password_reset.body':
      'Someone asked to reset the password of your account on the platform. If it was you, use the link below to choose a new password. The link works once and expires on {expiresAt}.\n\nIf it was not you, ignore this email: your password stays the same.',
    'mail.password_reset.action': 'Choose a new password',
  },
  rom: {
    'mail.greeting': 'Lačho dive,',
    'mail.staff_invitation.greeting': 'Lačho dive {name},',
    'mail.signature':
      'Platforma baši arakhipe katar i diskriminacija\nBiro baši Lačho Upravljanje, Biro e Premijeresko',
    'mail.signature.reporter': 'O Biro baši Lačho Upravljanje, O Biro e Premijeresko',
    'mail.link_hint': 'Te o butoni na kerel buti, kopir akaja adresa ando tiro brauzeri:',
    'mail.footer.reporter':
      'Akava lil areslo tuće kaj dijan akaja adresa ki platforma. Vaš tiri sigurnost, amare lila na phenen khanči maj but: o nevipe drabar ki platforma.',
    'mail.footer.staff': 'Automatsko lil katar i platforma. Molinas, na odgovorin ke akava e-mail.',
    'mail.footer.institution':
      'Automatsko lil katar i platforma. Molinas, na odgovorin ke akava e-mail; len o link opre.',
    'mail.case_received.subject': 'Jekh lil katar i platforma',
    'mail.case_received.body':
      'Najis tuće. Si tuće nevipe ki platforma.\n\nTe drabares les, putar i adresa tele thaj ramos o numri thaj o kodi so garavdan. Ka ramosas tuće palem kana avela nevipe.',
    'mail.case_received.action': 'Putar i platforma',
    'mail.case_submitted_staff.subject': 'Nevo rasti {reference}',
    'mail.case_submitted_staff.body':
      'Bičhaldilo nevo rasti: {reference}. Užarel te dikhelpe thaj te dindol.',
    'mail.case_submitted_staff.action': 'Putar o rasti',
    'mail.case_assigned.subject': 'O rasti {reference} dindilo tuće',
    'mail.case_assigned.body': 'O rasti {reference} dindilo tuće. Molinas, dikh les.',
    'mail.case_assigned.action': 'Putar o rasti',
    'mail.reporter_message_staff.subject':
      'Nevo mesaži katar o manuš kaj raportirisarda o rasti {reference}',
    'mail.reporter_message_staff.body':
      'O manuš kaj raportirisarda o rasti {reference} bičhalda nevo mesaži. Drabar les ki platforma.',
    'mail.reporter_message_staff.action': 'Drabar o mesaži',
    'mail.expert_message_reporter.subject': 'Jekh lil katar i platforma',
    'mail.expert_message_reporter.body':
      'Si tuće nevipe ki platforma.\n\nTe drabares les, putar i adresa tele thaj ramos o numri thaj o kodi so garavdan.',
    'mail.expert_message_reporter.action': 'Putar i platforma',
    'mail.status_changed_reporter.subject': 'Jekh lil katar i platforma',
    'mail.status_changed_reporter.body':
      'Si tuće nevipe ki platforma.\n\nTe drabares les, putar i adresa tele thaj ramos o numri thaj o kodi so garavdan.',
    'mail.status_changed_reporter.action': 'Putar i platforma',
    'mail.agenda_published.subject': 'Agenda e sastankoski e Tehnikane grupako ko {meetingDate}',
    'mail.agenda_published.body':
      'I agenda e sastankoski e Tehnikane grupako ko {meetingDate} ikaldili. Molinas, drabar e rastija angleder o sastanko.',
    'mail.agenda_published.action': 'Putar i agenda',
    'mail.referral_sent.subject': 'Bičhalipe e rastesko {reference}',
    'mail.referral_sent.body':
      'O Biro baši Lačho Upravljanje bičhalda o rasti {reference} ki tumari institucija ({institution}) rekomandacijenca. Molinas, drabaren o bičhalipe thaj bičhalen tumaro odgovori dži {dueDate}.\n\nO link tele si samo baši tumari institucija thaj šaj te lelpe jekh drom te bičhalen o odgovori. Molinas, na bičhalen les avrenđe.',
    'mail.referral_sent.action': 'Drabaren thaj odgovorin',
    'mail.referral_answered.subject': 'Odgovori baši o rasti {reference}',
    'mail.referral_answered.body':
      'Areslo o odgovori katar {institution} baši o bičhalipe e rastesko {reference}.',
    'mail.referral_answered.action': 'Putar o rasti',
    'mail.referral_overdue_institution.subject':
      'Podsetnik: o odgovori baši o rasti {reference} kasnil',
    'mail.referral_overdue_institution.body':
      'O odgovori tumare institucijako ({institution}) baši o bičhalipe e rastesko {reference} trubuja te avel dži {dueDate} thaj dži akana na areslo. Molinas, bičhalen les sar maj sigo, e linkea tele.',
    'mail.referral_overdue_institution.action': 'Bičhalen o odgovori',
    'mail.referral_overdue_staff.subject': 'O odgovori kasnil: rasti {reference}',
    'mail.referral_overdue_staff.body':
      'O odgovori katar {institution} baši o bičhalipe e rastesko {reference}, kaj trubuja te avel dži {dueDate}, dži akana na areslo. Ki institucija bičhaldilo podsetnik.',
    'mail.referral_overdue_staff.action': 'Putar o rasti',
    'mail.clock_due_soon_staff.subject': 'O roko paše avel: rasti {reference}',
    'mail.clock_due_soon_staff.body':
      'O roko baši „{stage}” e rastesko {reference} si dži {dueDate}.',
    'mail.clock_due_soon_staff.action': 'Putar o rasti',
    'mail.clock_overdue_staff.subject': 'O roko nakhlo: rasti {reference}',
    'mail.clock_overdue_staff.body':
      'O roko baši „{stage}” e rastesko {reference} sas dži {dueDate}. Akana o roko nakhlo.',
    'mail.clock_overdue_staff.action': 'Putar o rasti',
    'mail.clock_digest_staff.subject': 'Rastija kaske o roko nakhlo: {overdue}',
    'mail.clock_digest_staff.body':
      'Adive {overdue} rastija nakhle o roko pe etapako: {references}.',
    'mail.clock_digest_staff.action': 'Dikh e rastija kaske o roko nakhlo',
    'mail.staff_invitation.subject': 'Akharipe ki platforma baši arakhipe katar i diskriminacija',
    'mail.staff_invitation.body':
      'Akharas tut te ave butjarno ki platforma baši arakhipe katar i diskriminacija. Le o link tele te alosares tiro password thaj te ačhaves o andrejavipe. O link butikerel jekh drom thaj nakhel ko {expiresAt}.',
    'mail.staff_invitation.action': 'Prinjar o akharipe',
    'mail.password_reset.subject': 'Ačhav nevo password',
    'mail.password_reset.body':
      'Varekon mangla te ačhavel nevo password baši tiro akaunti ki platforma. Te sana tu, le o link tele te alosares nevo password. O link butikerel jekh drom thaj nakhel ko {expiresAt}.\n\nTe na sana tu, na dikh akava e-mail: tiro password ačhol sar sasa.',
    'mail.password_reset.action': 'Alosar nevo password',
  },
});
