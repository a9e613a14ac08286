import { defineMessages } from '@app/core';

/** Strings of a staff member's own account page, the staff home and the staff frame. */
export const IDENTITY_ACCOUNT_MESSAGES = defineMessages({
  sq: {
    'staff.account.working_languages': 'Gjuhët në të cilat mund t’u shkruani raportuesve',
    'staff.account.working_languages_hint':
      'Administratori i sheh kur cakton një rast, që raportuesi të marrë përgjigje në gjuhën e vet.',
    'identity.institution_unknown': 'Zgjidhni një institucion nga lista.',
    'staff.home.account': 'Llogaria juaj dhe gjuha',
    'staff.nav.account': 'Llogaria',
    'staff.account.title': 'Llogaria juaj',
    'staff.account.institution': 'Institucioni',
    'staff.account.language': 'Gjuha e faqeve të stafit dhe e email-eve tuaja',
    'staff.account.language_hint':
      'Vlen menjëherë dhe në çdo pajisje. Edhe gjuha që zgjidhni lart në faqe ruhet kështu.',
    'staff.account.save': 'Ruaj gjuhët',
    'staff.account.done.language': 'Gjuhët u ruajtën.',
    'staff.users.institution.none': 'Asnjë (jo anëtar i Grupit Teknik)',
  },
  sr: {
    'staff.account.working_languages': 'Jezici na kojima možete pisati podnosiocima',
    'staff.account.working_languages_hint':
      'Administrator ih vidi kada dodeljuje slučaj, da bi podnosilac dobio odgovor na svom jeziku.',
    'identity.institution_unknown': 'Izaberite instituciju sa liste.',
    'staff.home.account': 'Vaš nalog i jezik',
    'staff.nav.account': 'Nalog',
    'staff.account.title': 'Vaš nalog',
    'staff.account.institution': 'Institucija',
    'staff.account.language': 'Jezik stranica za osoblje i vaših e-poruka',
    'staff.account.language_hint':
      'Važi odmah i na svakom uređaju. I jezik koji izaberete na vrhu stranice se ovako čuva.',
    'staff.account.save': 'Sačuvaj jezike',
    'staff.account.done.language': 'Jezici su sačuvani.',
    'staff.users.institution.none': 'Nijedna (nije član Tehničke grupe)',
  },
  en: {
    'staff.account.working_languages': 'Languages you can write to reporters in',
    'staff.account.working_languages_hint':
      'The administrator sees them when assigning a case, so that reporters are answered in their language.',
    'identity.institution_unknown': 'Choose an institution from the list.',
    'staff.home.account': 'Your account and language',
    'staff.nav.account': 'Account',
    'staff.account.title': 'Your account',
    'staff.account.institution': 'Institution',
    'staff.account.language': 'Language of the staff pages and of your emails',
    'staff.account.language_hint':
      'Applies at once and on every device. A language chosen at the top of a page is kept the same way.',
    'staff.account.save': 'Save the languages',
    'staff.account.done.language': 'The languages were saved.',
    'staff.users.institution.none': 'None (not a Technical Group member)',
  },
  rom: {
    'staff.account.working_languages':
      'E čhiba ane savende šaj ramos e manušenge kola dine raporti',
    'staff.account.working_languages_hint':
      'O administratori dikhela len kana del jekh slučaj, te o manuš lela phendipe ki piri čhib.',
    'identity.institution_unknown': 'Khed jekh institucija katar i lista.',
    'staff.home.account': 'Tiro akaunto thaj i čhib',
    'staff.nav.account': 'Akaunto',
    'staff.account.title': 'Tiro akaunto',
    'staff.account.institution': 'Institucija',
    'staff.account.language': 'I čhib e stranengi thaj e e-mailengi so resen tut',
    'staff.account.language_hint':
      'Ćerela buti akana thaj ko svako telefono thaj kompjuteri. I čhib so khede opre ki stranica isto arakhljola.',
    'staff.account.save': 'Arakh e čhiba',
    'staff.account.done.language': 'E čhiba arakhljile.',
    'staff.users.institution.none': 'Nijekh (na si dženo e Tehnikane Grupako)',
  },
});
