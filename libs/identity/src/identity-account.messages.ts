import { defineMessages } from '@app/core';

/** Strings of a staff member's own account page, the staff home and the staff frame. */
export const IDENTITY_ACCOUNT_MESSAGES = defineMessages({
  sq: {
    'identity.institution_unknown': 'Zgjidhni një institucion nga lista.',
    'staff.home.account': 'Llogaria juaj dhe gjuha',
    'staff.nav.account': 'Llogaria',
    'staff.account.title': 'Llogaria juaj',
    'staff.account.institution': 'Institucioni',
    'staff.account.language': 'Gjuha e faqeve të stafit dhe e email-eve tuaja',
    'staff.account.language_hint':
      'Vlen menjëherë dhe në çdo pajisje. Edhe gjuha që zgjidhni lart në faqe ruhet kështu.',
    'staff.account.save': 'Ruaj gjuhën',
    'staff.account.done.language': 'Gjuha u ruajt.',
    'staff.users.institution.none': 'Asnjë (jo anëtar i Grupit Teknik)',
  },
  sr: {
    'identity.institution_unknown': 'Izaberite instituciju sa liste.',
    'staff.home.account': 'Vaš nalog i jezik',
    'staff.nav.account': 'Nalog',
    'staff.account.title': 'Vaš nalog',
    'staff.account.institution': 'Institucija',
    'staff.account.language': 'Jezik stranica za osoblje i vaših e-poruka',
    'staff.account.language_hint':
      'Važi odmah i na svakom uređaju. I jezik koji izaberete na vrhu stranice se ovako čuva.',
    'staff.account.save': 'Sačuvaj jezik',
    'staff.account.done.language': 'Jezik je sačuvan.',
    'staff.users.institution.none': 'Nijedna (nije član Tehničke grupe)',
  },
  en: {
    'identity.institution_unknown': 'Choose an institution from the list.',
    'staff.home.account': 'Your account and language',
    'staff.nav.account': 'Account',
    'staff.account.title': 'Your account',
    'staff.account.institution': 'Institution',
    'staff.account.language': 'Language of the staff pages and of your emails',
    'staff.account.language_hint':
      'Applies at once and on every device. A language chosen at the top of a page is kept the same way.',
    'staff.account.save': 'Save the language',
    'staff.account.done.language': 'The language was saved.',
    'staff.users.institution.none': 'None (not a Technical Group member)',
  },
  rom: {
    'identity.institution_unknown': 'Khed jekh institucija katar i lista.',
    'staff.home.account': 'Tiro akaunto thaj i čhib',
    'staff.nav.account': 'Akaunto',
    'staff.account.title': 'Tiro akaunto',
    'staff.account.institution': 'Institucija',
    'staff.account.language': 'I čhib e stranengi thaj e e-mailengi so resen tut',
    'staff.account.language_hint':
      'Ćerela buti akana thaj ko svako telefono thaj kompjuteri. I čhib so khede opre ki stranica isto arakhljola.',
    'staff.account.save': 'Arakh i čhib',
    'staff.account.done.language': 'I čhib arakhljili.',
    'staff.users.institution.none': 'Nijekh (na si dženo e Tehnikane Grupako)',
  },
});
