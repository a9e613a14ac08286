import { defineMessages } from '@app/core';

/** The receipt of a report: copy the code, download it as a small PDF, or skip it. */
export const RECEIPT_MESSAGES = defineMessages({
  area: 'public',
  sq: {
    'receipt.copy': 'Kopjo kodin',
    'receipt.copied': 'Kodi u kopjua.',
    'receipt.keep.title': 'Ruajeni kodin',
    'receipt.download': 'Shkarko vërtetimin (PDF)',
    'receipt.download_hint':
      'Një skedar i vogël me numrin e referencës, kodin dhe adresën ku ndiqni rastin. Asgjë tjetër për rastin tuaj. Ruajeni ku nuk e sheh askush tjetër.',
    'receipt.shared.summary': 'Jam në një telefon të përbashkët: mos e shkarko',
    'receipt.shared.text':
      'Mos e shkarkoni. Shkruajeni numrin e referencës dhe kodin në letër dhe ruajeni në një vend të sigurt. Pa kodin nuk mund ta ndiqni rastin, dhe ne nuk mund t’jua tregojmë përsëri. Kur të mbaroni, mbyllni këtë faqe.',
    'receipt.pdf.title': 'Vërtetim i raportit',
    'receipt.pdf.intro':
      'Ruajeni këtë vërtetim në një vend të sigurt. Kushdo që ka numrin dhe kodin mund ta lexojë rastin tuaj.',
    'receipt.pdf.reference': 'Numri i referencës',
    'receipt.pdf.code': 'Kodi i pranimit',
    'receipt.pdf.follow': 'Ku e ndiqni rastin',
    'receipt.pdf.next.title': 'Çfarë ndodh më pas',
    'receipt.pdf.next.text':
      'Një punonjës i platformës e lexon raportin tuaj dhe ia jep një eksperti ligjor. Në faqen e ndjekjes, me numrin dhe kodin, shihni çfarë ndodh dhe i shkruani ekspertit.',
    'receipt.refused.title': 'Vërtetimi nuk u bë',
    'receipt.refused.text':
      'Shkruajeni numrin e referencës dhe kodin nga faqja e mëparshme. Nuk mund t’jua tregojmë përsëri.',
    'receipt.refused.follow': 'Ndiq rastin tënd',
  },
  sr: {
    'receipt.copy': 'Kopiraj kod',
    'receipt.copied': 'Kod je kopiran.',
    'receipt.keep.title': 'Sačuvajte kod',
    'receipt.download': 'Preuzmi potvrdu (PDF)',
    'receipt.download_hint':
      'Mala datoteka sa oznakom slučaja, kodom i adresom na kojoj pratite slučaj. Ništa drugo o vašem slučaju. Čuvajte je tamo gde je niko drugi ne vidi.',
    'receipt.shared.summary': 'Koristim zajednički telefon: ne preuzimaj',
    'receipt.shared.text':
      'Nemojte je preuzimati. Zapišite oznaku slučaja i kod na papir i čuvajte ga na sigurnom mestu. Bez koda ne možete pratiti slučaj, a mi vam ga ne možemo ponovo pokazati. Kada završite, zatvorite ovu stranicu.',
    'receipt.pdf.title': 'Potvrda o prijavi',
    'receipt.pdf.intro':
      'Čuvajte ovu potvrdu na sigurnom mestu. Svako ko ima oznaku i kod može da pročita vaš slučaj.',
    'receipt.pdf.reference': 'Oznaka slučaja',
    'receipt.pdf.code': 'Kod potvrde',
    'receipt.pdf.follow': 'Gde pratite slučaj',
    'receipt.pdf.next.title': 'Šta se dalje dešava',
    'receipt.pdf.next.text':
      'Službenik platforme čita vašu prijavu i dodeljuje je pravnom stručnjaku. Na stranici za praćenje, sa oznakom i kodom, vidite šta se dešava i pišete stručnjaku.',
    'receipt.refused.title': 'Potvrda nije napravljena',
    'receipt.refused.text':
      'Zapišite oznaku slučaja i kod sa prethodne stranice. Ne možemo vam ih ponovo pokazati.',
    'receipt.refused.follow': 'Pratite svoj slučaj',
  },
  en: {
    'receipt.copy': 'Copy the code',
    'receipt.copied': 'The code was copied.',
    'receipt.keep.title': 'Keep the code',
    'receipt.download': 'Download your receipt (PDF)',
    'receipt.download_hint':
      'A small file with the case reference, the code and the address where you follow your case. Nothing else about your case. Keep it where no one else sees it.',
    'receipt.shared.summary': 'I am on a shared phone: do not download',
    'receipt.shared.text':
      'Do not download it. Write the case reference and the code on paper and keep it somewhere safe. Without the code you cannot follow your case, and we cannot show it to you again. When you are done, close this page.',
    'receipt.pdf.title': 'Receipt of your report',
    'receipt.pdf.intro':
      'Keep this receipt somewhere safe. Anyone who has the reference and the code can read your case.',
    'receipt.pdf.reference': 'Case reference',
    'receipt.pdf.code': 'Receipt code',
    'receipt.pdf.follow': 'Where you follow your case',
    'receipt.pdf.next.title': 'What happens next',
    'receipt.pdf.next.text':
      'A platform staff member reads your report and gives it to a legal expert. On the follow-up page, with the reference and the code, you see what happens and write to the expert.',
    'receipt.refused.title': 'The receipt was not made',
    'receipt.refused.text':
      'Write down the case reference and the code from the previous page. We cannot show them to you again.',
    'receipt.refused.follow': 'Follow your case',
  },
  rom: {
    'receipt.copy': 'Kopir o kodi',
    'receipt.copied': 'O kodi kopirisajlo.',
    'receipt.keep.title': 'Garav o kodi',
    'receipt.download': 'Le tiri potvrda (PDF)',
    'receipt.download_hint':
      'Jekh cikno fajli e numresa, e kodesa thaj e adresaça kaj dikhes tiro rasti. Khanči aver vaš tiro rasti. Garav les kaj khonik aver na dikhel les.',
    'receipt.shared.summary': 'Vi aver manuša koristinen akava telefoni: na lav i potvrda',
    'receipt.shared.text':
      'Ma le la. Ramosar o numri thaj o kodi pe jekh kotor lil thaj garav les kaj si sigurno. Bizo o kodi našti te dikhes tiro rasti. Amen našti te sikavas les tuće palem. Kana agorkereja, phandav akaja rig.',
    'receipt.pdf.title': 'Potvrda e raportesko',
    'receipt.pdf.intro':
      'Garav akaja potvrda kaj si sigurno. Kon si le o numri thaj o kodi, šaj te drabarel tiro rasti.',
    'receipt.pdf.reference': 'Numri e rastesko',
    'receipt.pdf.code': 'Kodi e primimasko',
    'receipt.pdf.follow': 'Kaj dikhes tiro rasti',
    'receipt.pdf.next.title': 'So ka ovel palal',
    'receipt.pdf.next.text':
      'Jekh butjarno e platformako drabarel tiro raporti thaj del les jekhe pravne ekspertoske. Ki rig vaš o dikhipe, e numresa thaj e kodesa, dikhes so ovel thaj ramosares e ekspertoske.',
    'receipt.refused.title': 'I potvrda na kerdili',
    'receipt.refused.text':
      'Ramosar o numri thaj o kodi katar i rig anglal. Amen našti te sikavas len tuće palem.',
    'receipt.refused.follow': 'Dikh tiro rasti',
  },
});
