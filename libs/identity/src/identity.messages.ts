import { defineMessages } from '@app/core';

/** Strings of the back-office frame, sign-in, staff accounts and the audit log. */
export const IDENTITY_MESSAGES = defineMessages({
  sq: {
    'error.authentication_required': 'Duhet të identifikoheni për të vazhduar.',
    'error.forbidden': 'Nuk keni leje për këtë veprim.',
    'error.staff_action_forbidden':
      'Vetëm administratorët ftojnë stafin dhe ndryshojnë llogaritë e tyre.',
    'error.login_failed':
      'Email-i, fjalëkalimi ose kodi nuk është i saktë, ose llogaria është bllokuar përkohësisht pas shumë përpjekjeve të gabuara. Provoni përsëri më vonë.',
    'error.totp_invalid':
      'Kodi nuk është i saktë ose është përdorur tashmë. Prisni kodin e radhës në aplikacion dhe provoni përsëri.',
    'error.sign_in_expired':
      'Identifikimi ka skaduar. Filloni përsëri me email-in dhe fjalëkalimin.',
    'error.link_invalid':
      'Kjo lidhje nuk është e vlefshme, është përdorur tashmë ose ka skaduar. Kërkoni një lidhje të re nga administratori.',
    'error.email_taken': 'Ekziston tashmë një llogari e stafit me këtë email.',
    'error.staff_user_not_found': 'Kjo llogari e stafit nuk u gjet.',
    'error.cannot_deactivate_self': 'Nuk mund ta çaktivizoni llogarinë tuaj.',
    'error.last_administrator': 'Nuk mund të çaktivizohet administratori i fundit aktiv.',
    'error.user_inactive':
      'Kjo llogari është e çaktivizuar. Riaktivizojeni para se të dërgoni lidhje.',
    'identity.password.too_short': 'Fjalëkalimi duhet të ketë të paktën 12 karaktere.',
    'identity.password.too_long': 'Fjalëkalimi mund të ketë më së shumti 200 karaktere.',
    'identity.password.too_common':
      'Ky fjalëkalim është shumë i zakonshëm. Zgjidhni një frazë që nuk e hamendëson askush.',
    'identity.password.same_as_email': 'Fjalëkalimi nuk mund të jetë adresa juaj e email-it.',
    'identity.password.mismatch': 'Dy fjalëkalimet nuk përputhen.',
    'identity.institution_only_technical_group':
      'Institucioni jepet vetëm për anëtarët e Grupit Teknik.',
    'staff.nav.home': 'Paneli',
    'staff.nav.cases': 'Rastet',
    'staff.nav.statistics': 'Statistikat',
    'staff.nav.users': 'Stafi',
    'staff.nav.holidays': 'Festat zyrtare',
    'staff.nav.audit': 'Regjistri i auditimit',
    'staff.nav.logout': 'Dilni ({name})',
    'staff.form.errors': 'Ju lutemi korrigjoni sa vijon',
    'staff.login.title': 'Hyrja për stafin',
    'staff.login.lead':
      'Vetëm për stafin e platformës. Pas fjalëkalimit do t’ju kërkohet kodi nga aplikacioni i autentifikimit.',
    'staff.login.email': 'Email-i',
    'staff.login.password': 'Fjalëkalimi',
    'staff.login.submit': 'Vazhdo',
    'staff.login.forgotten':
      'Keni harruar fjalëkalimin ose keni humbur telefonin? Kërkojini administratorit një lidhje të re.',
    'staff.totp.title': 'Kodi i verifikimit',
    'staff.totp.lead':
      'Hapni aplikacionin e autentifikimit dhe shkruani kodin 6-shifror që shfaqet.',
    'staff.totp.code': 'Kodi',
    'staff.totp.hint': '6 shifra',
    'staff.totp.submit': 'Hyr',
    'staff.totp.lost':
      'Nuk e keni më aplikacionin? Kërkojini administratorit rivendosjen e fjalëkalimit dhe të autentifikuesit.',
    'staff.enrol.title': 'Konfiguroni verifikimin në dy hapa',
    'staff.enrol.lead':
      'Çdo hyrje kërkon, përveç fjalëkalimit, një kod nga telefoni juaj. Konfigurojeni tani, një herë.',
    'staff.enrol.step_app':
      'Instaloni në telefon një aplikacion autentifikimi (p.sh. FreeOTP, Aegis, Google Authenticator ose Microsoft Authenticator).',
    'staff.enrol.step_scan': 'Në aplikacion shtoni një llogari dhe skanoni këtë kod QR:',
    'staff.enrol.qr_alt': 'Kodi QR për aplikacionin e autentifikimit',
    'staff.enrol.step_type': 'Nëse nuk mund ta skanoni, shkruani këtë çelës në aplikacion:',
    'staff.enrol.code': 'Shkruani kodin që tregon tani aplikacioni',
    'staff.enrol.submit': 'Konfirmo dhe hyr',
    'staff.home.title': 'Paneli i stafit',
    'staff.home.greeting': 'Mirë se erdhët, {name}.',
    'staff.home.cases.administrator': 'Rastet e reja dhe të gjitha rastet',
    'staff.home.cases.legal_expert': 'Rastet e caktuara për ju',
    'staff.home.cases.technical_group_member': 'Rastet në rendin e ditës të takimeve',
    'staff.home.users': 'Menaxhoni llogaritë e stafit',
    'staff.home.audit': 'Shikoni regjistrin e auditimit',
    'staff.password.title.invitation': 'Krijoni fjalëkalimin tuaj',
    'staff.password.title.password_reset': 'Vendosni një fjalëkalim të ri',
    'staff.password.greeting': 'Përshëndetje, {name}.',
    'staff.password.lead.invitation':
      'Zgjidhni një fjalëkalim për llogarinë tuaj. Pastaj do të konfiguroni kodin nga telefoni.',
    'staff.password.lead.password_reset':
      'Zgjidhni një fjalëkalim të ri. Të gjitha seancat e hapura të llogarisë do të mbyllen.',
    'staff.password.new': 'Fjalëkalimi i ri',
    'staff.password.hint':
      'Të paktën 12 karaktere. Një frazë prej disa fjalësh mbahet mend lehtë dhe është e sigurt.',
    'staff.password.confirm': 'Përsëritni fjalëkalimin',
    'staff.password.submit': 'Ruaj fjalëkalimin',
    'staff.link_invalid.title': 'Lidhja nuk është e vlefshme',
    'staff.link_invalid.login': 'Shkoni te hyrja për stafin',
  },
  sr: {
    'error.authentication_required': 'Morate se prijaviti da biste nastavili.',
    'error.forbidden': 'Nemate dozvolu za ovu radnju.',
    'error.staff_action_forbidden':
      'Samo administratori pozivaju osoblje i menjaju njihove naloge.',
    'error.login_failed':
      'E-pošta, lozinka ili kod nisu ispravni, ili je nalog privremeno zaključan nakon previše pogrešnih pokušaja. Pokušajte ponovo kasnije.',
    'error.totp_invalid':
      'Kod nije ispravan ili je već iskorišćen. Sačekajte sledeći kod u aplikaciji i pokušajte ponovo.',
    'error.sign_in_expired': 'Prijava je istekla. Počnite ponovo sa e-poštom i lozinkom.',
    'error.link_invalid':
      'Ovaj link nije važeći, već je iskorišćen ili je istekao. Zatražite novi link od administratora.',
    'error.email_taken': 'Već postoji nalog osoblja sa ovom e-poštom.',
    'error.staff_user_not_found': 'Ovaj nalog osoblja nije pronađen.',
    'error.cannot_deactivate_self': 'Ne možete deaktivirati sopstveni nalog.',
    'error.last_administrator': 'Poslednji aktivni administrator ne može biti deaktiviran.',
    'error.user_inactive': 'Ovaj nalog je deaktiviran. Ponovo ga aktivirajte pre slanja linka.',
    'identity.password.too_short': 'Lozinka mora imati najmanje 12 znakova.',
    'identity.password.too_long': 'Lozinka može imati najviše 200 znakova.',
    'identity.password.too_common':
      'Ova lozinka je previše uobičajena. Izaberite frazu koju niko neće pogoditi.',
    'identity.password.same_as_email': 'Lozinka ne sme biti vaša adresa e-pošte.',
    'identity.password.mismatch': 'Dve lozinke se ne podudaraju.',
    'identity.institution_only_technical_group':
      'Institucija se navodi samo za članove Tehničke grupe.',
    'staff.nav.home': 'Kontrolna tabla',
    'staff.nav.cases': 'Slučajevi',
    'staff.nav.statistics': 'Statistika',
    'staff.nav.users': 'Osoblje',
    'staff.nav.holidays': 'Praznici',
    'staff.nav.audit': 'Revizijski dnevnik',
    'staff.nav.logout': 'Odjava ({name})',
    'staff.form.errors': 'Molimo ispravite sledeće',
    'staff.login.title': 'Prijava za osoblje',
    'staff.login.lead':
      'Samo za osoblje platforme. Posle lozinke biće zatražen kod iz aplikacije za autentifikaciju.',
    'staff.login.email': 'E-pošta',
    'staff.login.password': 'Lozinka',
    'staff.login.submit': 'Nastavi',
    'staff.login.forgotten':
      'Zaboravili ste lozinku ili izgubili telefon? Zatražite novi link od administratora.',
    'staff.totp.title': 'Verifikacioni kod',
    'staff.totp.lead':
      'Otvorite aplikaciju za autentifikaciju i unesite šestocifreni kod koji prikazuje.',
    'staff.totp.code': 'Kod',
    'staff.totp.hint': '6 cifara',
    'staff.totp.submit': 'Prijavi se',
    'staff.totp.lost':
      'Nemate više aplikaciju? Zatražite od administratora da resetuje lozinku i autentifikator.',
    'staff.enrol.title': 'Podesite verifikaciju u dva koraka',
    'staff.enrol.lead':
      'Svaka prijava, pored lozinke, traži kod sa vašeg telefona. Podesite to sada, jednom.',
    'staff.enrol.step_app':
      'Instalirajte na telefon aplikaciju za autentifikaciju (npr. FreeOTP, Aegis, Google Authenticator ili Microsoft Authenticator).',
    'staff.enrol.step_scan': 'U aplikaciji dodajte nalog i skenirajte ovaj QR kod:',
    'staff.enrol.qr_alt': 'QR kod za aplikaciju za autentifikaciju',
    'staff.enrol.step_type': 'Ako ne možete da skenirate, unesite ovaj ključ u aplikaciju:',
    'staff.enrol.code': 'Unesite kod koji aplikacija sada prikazuje',
    'staff.enrol.submit': 'Potvrdi i prijavi se',
    'staff.home.title': 'Kontrolna tabla osoblja',
    'staff.home.greeting': 'Dobro došli, {name}.',
    'staff.home.cases.administrator': 'Novi slučajevi i svi slučajevi',
    'staff.home.cases.legal_expert': 'Slučajevi dodeljeni vama',
    'staff.home.cases.technical_group_member': 'Slučajevi na dnevnom redu sastanaka',
    'staff.home.users': 'Upravljajte nalozima osoblja',
    'staff.home.audit': 'Pregledajte revizijski dnevnik',
    'staff.password.title.invitation': 'Napravite svoju lozinku',
    'staff.password.title.password_reset': 'Postavite novu lozinku',
    'staff.password.greeting': 'Zdravo, {name}.',
    'staff.password.lead.invitation':
      'Izaberite lozinku za svoj nalog. Zatim ćete podesiti kod sa telefona.',
    'staff.password.lead.password_reset':
      'Izaberite novu lozinku. Sve otvorene sesije naloga biće zatvorene.',
    'staff.password.new': 'Nova lozinka',
    'staff.password.hint':
      'Najmanje 12 znakova. Fraza od nekoliko reči lako se pamti i bezbedna je.',
    'staff.password.confirm': 'Ponovite lozinku',
    'staff.password.submit': 'Sačuvaj lozinku',
    'staff.link_invalid.title': 'Link nije važeći',
    'staff.link_invalid.login': 'Idite na prijavu za osoblje',
  },
  en: {
    'error.authentication_required': 'Sign in to continue.',
    'error.forbidden': 'You may not do this.',
    'error.staff_action_forbidden': 'Only administrators invite staff and change their accounts.',
    'error.login_failed':
      'The email, password or code is wrong, or the account is locked for a while after too many wrong attempts. Try again later.',
    'error.totp_invalid':
      'The code is wrong or was already used. Wait for the next code in the app and try again.',
    'error.sign_in_expired': 'The sign-in has expired. Start again with your email and password.',
    'error.link_invalid':
      'This link is not valid, was already used or has expired. Ask an administrator for a new one.',
    'error.email_taken': 'A staff account with this email already exists.',
    'error.staff_user_not_found': 'This staff account was not found.',
    'error.cannot_deactivate_self': 'You cannot deactivate your own account.',
    'error.last_administrator': 'The last active administrator cannot be deactivated.',
    'error.user_inactive': 'This account is deactivated. Reactivate it before sending a link.',
    'identity.password.too_short': 'The password must have at least 12 characters.',
    'identity.password.too_long': 'The password can have at most 200 characters.',
    'identity.password.too_common':
      'This password is too common. Choose a phrase nobody would guess.',
    'identity.password.same_as_email': 'The password cannot be your email address.',
    'identity.password.mismatch': 'The two passwords do not match.',
    'identity.institution_only_technical_group':
      'An institution is given only for Technical Group members.',
    'staff.nav.home': 'Dashboard',
    'staff.nav.cases': 'Cases',
    'staff.nav.statistics': 'Statistics',
    'staff.nav.users': 'Staff',
    'staff.nav.holidays': 'Public holidays',
    'staff.nav.audit': 'Audit log',
    'staff.nav.logout': 'Sign out ({name})',
    'staff.form.errors': 'Please correct the following',
    'staff.login.title': 'Staff sign-in',
    'staff.login.lead':
      'For the platform’s staff only. After the password you will be asked for the code of your authenticator app.',
    'staff.login.email': 'Email',
    'staff.login.password': 'Password',
    'staff.login.submit': 'Continue',
    'staff.login.forgotten':
      'Forgot your password or lost your phone? Ask an administrator for a new link.',
    'staff.totp.title': 'Verification code',
    'staff.totp.lead': 'Open your authenticator app and type the 6-digit code it shows.',
    'staff.totp.code': 'Code',
    'staff.totp.hint': '6 digits',
    'staff.totp.submit': 'Sign in',
    'staff.totp.lost':
      'No longer have the app? Ask an administrator to reset your password and authenticator.',
    'staff.enrol.title': 'Set up two-step verification',
    'staff.enrol.lead':
      'Every sign-in asks, besides the password, for a code from your phone. Set it up now, once.',
    'staff.enrol.step_app':
      'Install an authenticator app on your phone (e.g. FreeOTP, Aegis, Google Authenticator or Microsoft Authenticator).',
    'staff.enrol.step_scan': 'In the app, add an account and scan this QR code:',
    'staff.enrol.qr_alt': 'QR code for the authenticator app',
    'staff.enrol.step_type': 'If you cannot scan it, type this key into the app:',
    'staff.enrol.code': 'Type the code the app shows now',
    'staff.enrol.submit': 'Confirm and sign in',
    'staff.home.title': 'Staff dashboard',
    'staff.home.greeting': 'Welcome, {name}.',
    'staff.home.cases.administrator': 'New cases and all cases',
    'staff.home.cases.legal_expert': 'Cases assigned to you',
    'staff.home.cases.technical_group_member': 'Cases on the agenda of meetings',
    'staff.home.users': 'Manage staff accounts',
    'staff.home.audit': 'Read the audit log',
    'staff.password.title.invitation': 'Create your password',
    'staff.password.title.password_reset': 'Set a new password',
    'staff.password.greeting': 'Hello, {name}.',
    'staff.password.lead.invitation':
      'Choose a password for your account. Then you will set up the code from your phone.',
    'staff.password.lead.password_reset':
      'Choose a new password. Every open session of the account will be closed.',
    'staff.password.new': 'New password',
    'staff.password.hint':
      'At least 12 characters. A phrase of a few words is easy to remember and safe.',
    'staff.password.confirm': 'Repeat the password',
    'staff.password.submit': 'Save the password',
    'staff.link_invalid.title': 'The link is not valid',
    'staff.link_invalid.login': 'Go to the staff sign-in',
  },
  rom: {
    'error.authentication_required': 'Ačh andre te džas maj angle.',
    'error.forbidden': 'Našti te keres akava.',
    'staff.nav.holidays': 'Themutne slave',
    'error.staff_action_forbidden':
      'Samo e administratorja akharen e butjarnen thaj paruven lengere akauntja.',
    'error.login_failed':
      'O e-mail, o password vaj o kodi nane lačho, vaj o akaunti si phandlo jekh vakti pale but bilačhe zumavipa. Zumav palem maj palal.',
    'error.totp_invalid':
      'O kodi nane lačho vaj imar lilo. Užar o aver kodi ki aplikacija thaj zumav palem.',
    'error.sign_in_expired': 'O andrejavipe nakhlo. Startir palem tire e-mailea thaj passwordea.',
    'error.link_invalid':
      'Akava link nane lačho, imar lilo vaj nakhlo. Mang katar jekh administratori nevo link.',
    'error.email_taken': 'Imar si akaunti e butjarnesko akale e-mailea.',
    'error.staff_user_not_found': 'Akava akaunti e butjarnesko na arakhlilo.',
    'error.cannot_deactivate_self': 'Našti te deaktiviris tiro akaunti.',
    'error.last_administrator': 'O palutno aktivno administratori na šaj te deaktivirinelpe.',
    'error.user_inactive':
      'Akava akaunti si deaktivirime. Aktivirin les palem angleder te bičhales link.',
    'identity.password.too_short': 'O password trubul te ovel minimum 12 semnura.',
    'identity.password.too_long': 'O password šaj te ovel maksimum 200 semnura.',
    'identity.password.too_common':
      'Akava password si but pindžardo. Alosar jekh fraza kaj khonik na ka haćarel.',
    'identity.password.same_as_email': 'O password našti te ovel tiri e-mail adresa.',
    'identity.password.mismatch': 'E duj passwordija nane jekh.',
    'identity.institution_only_technical_group':
      'Institucija delpe samo baši e dženen e Tehnikane grupake.',
    'staff.nav.home': 'Angluni strana e butjarnengi',
    'staff.nav.cases': 'Rastija',
    'staff.nav.statistics': 'Statistike',
    'staff.nav.users': 'Butjarne',
    'staff.nav.audit': 'Audit lil',
    'staff.nav.logout': 'Ikljuvipe ({name})',
    'staff.form.errors': 'Molinas, sastar akava',
    'staff.login.title': 'Andrejavipe baši e butjarne',
    'staff.login.lead':
      'Samo baši e butjarne e platformake. Pale o password ka pučelpe tutar o kodi tire aplikacijaki baši autentifikacija.',
    'staff.login.email': 'E-mail',
    'staff.login.password': 'Password',
    'staff.login.submit': 'Dža maj angle',
    'staff.login.forgotten':
      'Bistrisardan o password vaj našadan o telefoni? Mang katar jekh administratori nevo link.',
    'staff.totp.title': 'Kodi baši verifikacija',
    'staff.totp.lead':
      'Putar i aplikacija baši autentifikacija thaj ramosar o kodi le 6 numrurenca kaj sikavel.',
    'staff.totp.code': 'Kodi',
    'staff.totp.hint': '6 numrura',
    'staff.totp.submit': 'Ačh andre',
    'staff.totp.lost':
      'Maj nane tut i aplikacija? Mang katar jekh administratori te ačhavel nevo password thaj autentifikacija.',
    'staff.enrol.title': 'Ačhav verifikacija ande duj koraka',
    'staff.enrol.lead':
      'Svako andrejavipe mangel, paše o password, jekh kodi katar tiro telefoni. Ačhav les akana, jekh drom.',
    'staff.enrol.step_app':
      'Instalirin jekh aplikacija baši autentifikacija ko tiro telefoni (sar FreeOTP, Aegis, Google Authenticator vaj Microsoft Authenticator).',
    'staff.enrol.step_scan': 'Ki aplikacija, thov akaunti thaj skenirin akava QR kodi:',
    'staff.enrol.qr_alt': 'QR kodi baši i aplikacija e autentifikacijaki',
    'staff.enrol.step_type': 'Te našti te skeniris les, ramosar akava ključi ki aplikacija:',
    'staff.enrol.code': 'Ramosar o kodi kaj i aplikacija sikavel akana',
    'staff.enrol.submit': 'Potvrdin thaj ačh andre',
    'staff.home.title': 'Angluni strana e butjarnengi',
    'staff.home.greeting': 'Mišto avilan, {name}.',
    'staff.home.cases.administrator': 'Neve rastija thaj sa e rastija',
    'staff.home.cases.legal_expert': 'Rastija kaj dindile tuće',
    'staff.home.cases.technical_group_member': 'Rastija ki agenda e sastankongi',
    'staff.home.users': 'Le sama e akauntjenge e butjarnenge',
    'staff.home.audit': 'Drabar o audit lil',
    'staff.password.title.invitation': 'Ker tiro password',
    'staff.password.title.password_reset': 'Ačhav nevo password',
    'staff.password.greeting': 'Lačho dive, {name}.',
    'staff.password.lead.invitation':
      'Alosar password baši tiro akaunti. Pale akava ka ačhaves o kodi katar tiro telefoni.',
    'staff.password.lead.password_reset':
      'Alosar nevo password. Sa e putarde sesije e akauntesko ka phandenpe.',
    'staff.password.new': 'Nevo password',
    'staff.password.hint':
      'Minimum 12 semnura. Jekh fraza katar nesave lava si loki te ripirelpe thaj si sigurno.',
    'staff.password.confirm': 'Ramosar palem o password',
    'staff.password.submit': 'Arakh o password',
    'staff.link_invalid.title': 'O link nane lačho',
    'staff.link_invalid.login': 'Dža ko andrejavipe e butjarnengo',
  },
});
