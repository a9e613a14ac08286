import { defineMessages } from '@app/core';

/** Withdrawal of a case and erasure of personal data by the reporter (follow-up page and API). */
export const WITHDRAWAL_MESSAGES = defineMessages({
  area: 'public',
  sq: {
    'error.case_not_withdrawable':
      'Ky rast nuk mund të tërhiqet më: është para Grupit Teknik ose ka marrë tashmë një përfundim.',
    'error.case_still_open':
      'Të dhënat personale mund të fshihen vetëm pasi rasti të jetë mbyllur. Tërhiqeni raportin së pari.',
    'follow.end.title': 'Tërhiqni raportin ose fshini të dhënat tuaja',
    'follow.withdraw.text':
      'Nëse nuk doni më që rasti juaj të trajtohet, mund ta tërhiqni. Rasti mbyllet dhe mbetet vetëm në statistikat vjetore, pa emrin tuaj.',
    'follow.withdraw.confirm': 'Po, dua ta tërheq raportin tim.',
    'follow.withdraw.erase':
      'Fshini edhe të dhënat e mia personale tani (kontakti, përshkrimi, mesazhet, skedarët).',
    'follow.withdraw.submit': 'Tërhiq raportin',
    'follow.erase.text':
      'Rasti juaj është mbyllur. Mund të kërkoni që të dhënat tuaja personale të fshihen tani: kontakti, përshkrimi, mesazhet dhe skedarët. Numrat në statistika mbeten.',
    'follow.erase.confirm': 'Po, fshini të dhënat e mia personale.',
    'follow.erase.submit': 'Fshi të dhënat e mia',
    'follow.erased.note': 'Të dhënat tuaja personale janë fshirë.',
    'follow.withdrawn': 'Raporti juaj u tërhoq.',
    'follow.erased': 'Të dhënat tuaja personale u fshinë.',
    'follow.confirm_required': 'Shënoni kutinë për të konfirmuar.',
  },
  sr: {
    'error.case_not_withdrawable':
      'Ovaj slučaj se više ne može povući: nalazi se pred Tehničkom grupom ili je već dobio ishod.',
    'error.case_still_open':
      'Lični podaci mogu biti obrisani tek kada je slučaj zatvoren. Prvo povucite prijavu.',
    'follow.end.title': 'Povucite prijavu ili obrišite svoje podatke',
    'follow.withdraw.text':
      'Ako više ne želite da se vaš slučaj obrađuje, možete ga povući. Slučaj se zatvara i ostaje samo u godišnjoj statistici, bez vašeg imena.',
    'follow.withdraw.confirm': 'Da, želim da povučem svoju prijavu.',
    'follow.withdraw.erase':
      'Odmah obrišite i moje lične podatke (kontakt, opis, poruke, datoteke).',
    'follow.withdraw.submit': 'Povuci prijavu',
    'follow.erase.text':
      'Vaš slučaj je zatvoren. Možete zatražiti da se vaši lični podaci odmah obrišu: kontakt, opis, poruke i datoteke. Brojevi u statistici ostaju.',
    'follow.erase.confirm': 'Da, obrišite moje lične podatke.',
    'follow.erase.submit': 'Obriši moje podatke',
    'follow.erased.note': 'Vaši lični podaci su obrisani.',
    'follow.withdrawn': 'Vaša prijava je povučena.',
    'follow.erased': 'Vaši lični podaci su obrisani.',
    'follow.confirm_required': 'Označite polje da biste potvrdili.',
  },
  en: {
    'error.case_not_withdrawable':
      'This case can no longer be withdrawn: it is before the Technical Group or already has an outcome.',
    'error.case_still_open':
      'Personal data can be erased only once the case is closed. Withdraw the report first.',
    'follow.end.title': 'Withdraw your report or erase your data',
    'follow.withdraw.text':
      'If you no longer want your case to be handled, you can withdraw it. The case is closed and remains only in the yearly statistics, without your name.',
    'follow.withdraw.confirm': 'Yes, I want to withdraw my report.',
    'follow.withdraw.erase':
      'Also erase my personal data now (contact details, description, messages, files).',
    'follow.withdraw.submit': 'Withdraw the report',
    'follow.erase.text':
      'Your case is closed. You can ask for your personal data to be erased now: contact details, description, messages and files. The numbers in the statistics remain.',
    'follow.erase.confirm': 'Yes, erase my personal data.',
    'follow.erase.submit': 'Erase my data',
    'follow.erased.note': 'Your personal data has been erased.',
    'follow.withdrawn': 'Your report was withdrawn.',
    'follow.erased': 'Your personal data was erased.',
    'follow.confirm_required': 'Tick the box to confirm.',
  },
  rom: {
    'error.case_not_withdrawable':
      'Akava rasti na šaj maj te lelpe palpale: si imar ki Tehnikani grupa vaj si les rezultati.',
    'error.case_still_open':
      'E personalna podatkura šaj te khosenpe samo kana o rasti si phandlo. Angleder le palpale o raporti.',
    'follow.end.title': 'Le palpale tiro raporti vaj khos tire podatkura',
    'follow.withdraw.text':
      'Te na kames maj te butikerelpe tire rasteja, šaj te les les palpale. O rasti phandelpe thaj ačhol samo ki beršesko statistika, bi tiro anav.',
    'follow.withdraw.confirm': 'Va, kamav te lav palpale mingro raporti.',
    'follow.withdraw.erase':
      'Khos akana vi mingre personalna podatkura (kontaktura, opisi, mesažura, fajlura).',
    'follow.withdraw.submit': 'Le palpale o raporti',
    'follow.erase.text':
      'Tiro rasti si phandlo. Šaj te mange te khosenpe akana tire personalna podatkura: kontaktura, opisi, mesažura thaj fajlura. E numrura ki statistika ačhen.',
    'follow.erase.confirm': 'Va, khos mingre personalna podatkura.',
    'follow.erase.submit': 'Khos mingre podatkura',
    'follow.erased.note': 'Tire personalna podatkura khosajle.',
    'follow.withdrawn': 'Tiro raporti lilo palpale.',
    'follow.erased': 'Tire personalna podatkura khosajle.',
    'follow.confirm_required': 'Čhiv semno ko kutija te potvrdis.',
  },
});
