import { defineMessages } from '@app/core';

/** Strings of the page frame (header, navigation, footer, error pages). */
export const SITE_MESSAGES = defineMessages({
  sq: {
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
  },
  sr: {
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
  },
  en: {
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
  },
  rom: {
    'site.language': 'Čhib',
    'site.nav.home': 'Angluno rig',
  },
});
