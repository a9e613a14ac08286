import { defineMessages } from '@app/core';

/**
 * Errors, validation rules and the plain-language case statuses of the cases lib.
 * Reporters read them: Romani is written too (drafts await review: i18n/review/rom.json).
 */
export const CASE_MESSAGES = defineMessages({
  area: 'public',
  sq: {
    'error.case_access_denied':
      'Nuk gjetëm asnjë rast me këtë numër reference dhe këtë kod pranimi. Kontrolloni të dyja dhe provoni përsëri.',
    'error.case_locked':
      'Janë provuar shumë kode të gabuara për këtë rast. Për sigurinë tuaj, provoni përsëri pas {minutes} minutash.',
    'error.case_not_found': 'Rasti nuk u gjet.',
    'error.idempotency_key_reused':
      'Ky çelës idempotence është përdorur tashmë për një kërkesë tjetër.',
    'error.evidence_too_many_files':
      'Mund të bashkëngjitni më së shumti {limit} skedarë për një rast.',
    'error.evidence_file_too_large': 'Çdo skedar mund të jetë më së shumti {limit} MB.',
    'error.evidence_total_too_large':
      'Të gjithë skedarët së bashku mund të jenë më së shumti {limit} MB.',
    'error.evidence_type_refused':
      'Ky lloj skedari nuk pranohet. Dërgoni fotografi, PDF, dokumente Word, Excel ose LibreOffice, audio ose video.',
    'error.evidence_required': 'Zgjidhni të paktën një skedar.',
    'error.evidence_not_found': 'Skedari nuk u gjet.',
    'validation.notWithAnonymous':
      'Një raport anonim nuk ka të dhëna kontakti. Zgjidhni që doni të jepni kontaktin tuaj ose lëreni bosh.',
    'validation.contactRequired':
      'Shkruani të paktën emrin, email-in ose numrin e telefonit, ose zgjidhni të mbeteni anonim.',
    'validation.contactMeansRequired':
      'Që t’ju kontaktojmë, shkruani një adresë email-i ose një numër telefoni.',
    'validation.isPhone': 'Shkruani një numër telefoni të vlefshëm, p.sh. +383 44 123 456.',
    'validation.isReceiptCode': 'Kodi i pranimit ka 16 shifra.',
    'validation.isCaseReference': 'Numri i referencës duket kështu: PMD-2026-00042.',
    'validation.isIdempotencyKey':
      'Çelësi duhet të ketë 1 deri në 200 shkronja, shifra ose shenjat - _ . :',
    'case.status.submitted': 'U pranua',
    'case.status.submitted.explanation':
      'E morëm raportin tuaj. Një punonjës i platformës do ta shqyrtojë së shpejti.',
    'case.status.in_review': 'Në shqyrtim',
    'case.status.in_review.explanation':
      'Një punonjës po e lexon raportin tuaj dhe po vendos kush do të merret me të.',
    'case.status.assigned': 'Te ekspertja ose eksperti ligjor',
    'case.status.assigned.explanation':
      'Një ekspert ligjor po merret me rastin tuaj. Mund t’ju shkruajë këtu nëse ka pyetje.',
    'case.status.technical_group': 'Te Grupi Teknik',
    'case.status.technical_group.explanation':
      'Rasti juaj do të diskutohet në mbledhjen e Grupit Teknik, ku marrin pjesë institucionet që mund të veprojnë.',
    'case.status.referred': 'U dërgua te institucioni',
    'case.status.referred.explanation':
      'Rasti juaj iu dërgua institucionit që duhet të veprojë, me rekomandime. Ne ndjekim përgjigjen e tij.',
    'case.status.resolved': 'U zgjidh',
    'case.status.resolved.explanation':
      'Rasti juaj u trajtua me sukses. Faleminderit që e raportuat.',
    'case.status.not_discrimination': 'Nuk është diskriminim',
    'case.status.not_discrimination.explanation':
      'Pas shqyrtimit ligjor, ajo që raportuat nuk u konsiderua diskriminim sipas ligjit. Mund të keni të drejta të tjera: shkruani nëse keni pyetje.',
    'case.status.closed': 'U mbyll',
    'case.status.closed.explanation':
      'Rasti u mbyll pa vendim, për shembull sepse u tërhoq, ishte i dyfishtë ose mungonin informacionet.',
    'case.message.author.reporter': 'Ju',
    'case.message.author.staff': 'Ekspertja ose eksperti ligjor',
  },
  sr: {
    'error.case_access_denied':
      'Nismo pronašli slučaj sa ovom oznakom i ovim kodom potvrde. Proverite oboje i pokušajte ponovo.',
    'error.case_locked':
      'Za ovaj slučaj je uneto previše pogrešnih kodova. Radi vaše bezbednosti, pokušajte ponovo za {minutes} minuta.',
    'error.case_not_found': 'Slučaj nije pronađen.',
    'error.idempotency_key_reused': 'Ovaj ključ idempotentnosti je već korišćen za drugi zahtev.',
    'error.evidence_too_many_files': 'Uz jedan slučaj možete priložiti najviše {limit} datoteka.',
    'error.evidence_file_too_large': 'Svaka datoteka može imati najviše {limit} MB.',
    'error.evidence_total_too_large': 'Sve datoteke zajedno mogu imati najviše {limit} MB.',
    'error.evidence_type_refused':
      'Ova vrsta datoteke nije prihvaćena. Pošaljite fotografije, PDF, Word, Excel ili LibreOffice dokumente, audio ili video.',
    'error.evidence_required': 'Izaberite bar jednu datoteku.',
    'error.evidence_not_found': 'Datoteka nije pronađena.',
    'validation.notWithAnonymous':
      'Anonimna prijava nema kontakt podatke. Izaberite da želite da date svoj kontakt ili ostavite prazno.',
    'validation.contactRequired':
      'Upišite bar ime, e-poštu ili broj telefona, ili izaberite da ostanete anonimni.',
    'validation.contactMeansRequired':
      'Da bismo vas kontaktirali, upišite adresu e-pošte ili broj telefona.',
    'validation.isPhone': 'Upišite ispravan broj telefona, npr. +383 44 123 456.',
    'validation.isReceiptCode': 'Kod potvrde ima 16 cifara.',
    'validation.isCaseReference': 'Oznaka slučaja izgleda ovako: PMD-2026-00042.',
    'validation.isIdempotencyKey': 'Ključ mora imati od 1 do 200 slova, cifara ili znakova - _ . :',
    'case.status.submitted': 'Primljeno',
    'case.status.submitted.explanation':
      'Primili smo vašu prijavu. Službenik platforme će je uskoro pregledati.',
    'case.status.in_review': 'U razmatranju',
    'case.status.in_review.explanation':
      'Službenik čita vašu prijavu i odlučuje ko će se njome baviti.',
    'case.status.assigned': 'Kod pravnog stručnjaka',
    'case.status.assigned.explanation':
      'Pravni stručnjak se bavi vašim slučajem. Može vam pisati ovde ako ima pitanja.',
    'case.status.technical_group': 'Kod Tehničke grupe',
    'case.status.technical_group.explanation':
      'O vašem slučaju će se razgovarati na sastanku Tehničke grupe, u kojoj su institucije koje mogu da deluju.',
    'case.status.referred': 'Upućeno instituciji',
    'case.status.referred.explanation':
      'Vaš slučaj je upućen instituciji koja treba da deluje, sa preporukama. Pratimo njen odgovor.',
    'case.status.resolved': 'Rešeno',
    'case.status.resolved.explanation':
      'Vaš slučaj je uspešno rešen. Hvala vam što ste ga prijavili.',
    'case.status.not_discrimination': 'Nije diskriminacija',
    'case.status.not_discrimination.explanation':
      'Posle pravne analize, ono što ste prijavili nije ocenjeno kao diskriminacija po zakonu. Možda imate druga prava: pišite nam ako imate pitanja.',
    'case.status.closed': 'Zatvoreno',
    'case.status.closed.explanation':
      'Slučaj je zatvoren bez odluke, na primer zato što je povučen, dupliran ili je nedostajalo informacija.',
    'case.message.author.reporter': 'Vi',
    'case.message.author.staff': 'Pravni stručnjak',
  },
  en: {
    'error.case_access_denied':
      'We could not find a case with this reference and receipt code. Check both and try again.',
    'error.case_locked':
      'Too many wrong codes were tried for this case. For your safety, try again in {minutes} minutes.',
    'error.case_not_found': 'The case was not found.',
    'error.idempotency_key_reused': 'This idempotency key was already used for another request.',
    'error.evidence_too_many_files': 'A case can have at most {limit} files.',
    'error.evidence_file_too_large': 'Each file can be at most {limit} MB.',
    'error.evidence_total_too_large': 'All files together can be at most {limit} MB.',
    'error.evidence_type_refused':
      'This kind of file is not accepted. Send photos, PDF, Word, Excel or LibreOffice documents, audio or video.',
    'error.evidence_required': 'Choose at least one file.',
    'error.evidence_not_found': 'The file was not found.',
    'validation.notWithAnonymous':
      'An anonymous report has no contact details. Choose to give your contact details or leave this empty.',
    'validation.contactRequired':
      'Write at least a name, an email or a phone number, or choose to stay anonymous.',
    'validation.contactMeansRequired':
      'So that we can contact you, write an email address or a phone number.',
    'validation.isPhone': 'Write a valid phone number, for example +383 44 123 456.',
    'validation.isReceiptCode': 'The receipt code has 16 digits.',
    'validation.isCaseReference': 'A case reference looks like this: PMD-2026-00042.',
    'validation.isIdempotencyKey':
      'The key must have 1 to 200 letters, digits or the signs - _ . :',
    'case.status.submitted': 'Received',
    'case.status.submitted.explanation':
      'We received your report. A staff member will look at it soon.',
    'case.status.in_review': 'Being reviewed',
    'case.status.in_review.explanation':
      'A staff member is reading your report and deciding who will handle it.',
    'case.status.assigned': 'With a legal expert',
    'case.status.assigned.explanation':
      'A legal expert is handling your case. They may write to you here if they have questions.',
    'case.status.technical_group': 'With the Technical Group',
    'case.status.technical_group.explanation':
      'Your case will be discussed at a meeting of the Technical Group, where the institutions that can act take part.',
    'case.status.referred': 'Sent to an institution',
    'case.status.referred.explanation':
      'Your case was sent, with recommendations, to the institution that must act. We follow up on its answer.',
    'case.status.resolved': 'Resolved',
    'case.status.resolved.explanation':
      'Your case was successfully addressed. Thank you for reporting it.',
    'case.status.not_discrimination': 'Not discrimination',
    'case.status.not_discrimination.explanation':
      'After a legal review, what you reported was not found to be discrimination under the law. You may have other rights: write to us if you have questions.',
    'case.status.closed': 'Closed',
    'case.status.closed.explanation':
      'The case was closed without a decision, for example because it was withdrawn, a duplicate, or information was missing.',
    'case.message.author.reporter': 'You',
    'case.message.author.staff': 'Legal expert',
  },
  rom: {
    'error.case_access_denied':
      'Na arakhlam rasti akale numrea e rastesko thaj akale kodea e primimasko. Dikh solduj thaj zumav palem.',
    'error.case_locked':
      'But bilačhe kodura zumajle akale rasteske. Baši tiri sigurnost, zumav palem pale {minutes} minutura.',
    'error.case_not_found': 'O rasti na arakhlilo.',
    'error.idempotency_key_reused': 'Akava idempotency kodi imar lilo baši aver mangipe.',
    'error.evidence_too_many_files': 'Jekh rasti šaj te ovel maksimum {limit} fajlura.',
    'error.evidence_file_too_large': 'Svako fajli šaj te ovel maksimum {limit} MB.',
    'error.evidence_total_too_large': 'Sa e fajlura ekhetane šaj te oven maksimum {limit} MB.',
    'error.evidence_type_refused':
      'Akava tipo e fajlesko na lelpe. Bičhal fotografije, PDF, Word, Excel vaj LibreOffice dokumentura, audio vaj video.',
    'error.evidence_required': 'Alosar minimum jekh fajli.',
    'error.evidence_not_found': 'O fajli na arakhlilo.',
    'validation.notWithAnonymous':
      'Jekh raporti bi anavesko nane kontaktura. Alosar te des tire kontaktura vaj mukh akava čučo.',
    'validation.contactRequired':
      'Ramosar minimum jekh anav, jekh e-mail vaj jekh numri e telefonosko, vaj alosar te ačhes bi anavesko.',
    'validation.contactMeansRequired':
      'Te šaj te kontaktiras tut, ramosar e-mail adresa vaj numri e telefonosko.',
    'validation.isPhone': 'Ramosar lačho numri e telefonosko, sar primero +383 44 123 456.',
    'validation.isReceiptCode': 'O kodi e primimasko si le 16 numrurenca.',
    'validation.isCaseReference': 'O numri e rastesko dikhelpe agjar: PMD-2026-00042.',
    'validation.isIdempotencyKey':
      'O kodi trubul te ovel katar 1 dži 200 slove, numrura vaj e semnura - _ . :',
    'case.status.submitted': 'Lilo',
    'case.status.submitted.explanation':
      'Amen lijam tiro raporti. Jekh butjarno sigo ka dikhel les.',
    'case.status.in_review': 'Dikhelpe',
    'case.status.in_review.explanation':
      'Jekh butjarno drabarel tiro raporti thaj alosarel ko ka lel les.',
    'case.status.assigned': 'Ko pravno eksperto',
    'case.status.assigned.explanation':
      'Jekh pravno eksperto butikerel tire rasteja. Te si les pučipa, šaj te ramosarel tuće akate.',
    'case.status.technical_group': 'Ki Tehnikani grupa',
    'case.status.technical_group.explanation':
      'Tiro rasti ka vakerdol ko sastanko e Tehnikane grupako, kaj aven e institucije kaj šaj te keren vareso.',
    'case.status.referred': 'Bičhaldo ki institucija',
    'case.status.referred.explanation':
      'Tiro rasti bičhaldilo, rekomandacijenca, ki institucija kaj trubul te kerel vareso. Amen dikhas soj odgovori.',
    'case.status.resolved': 'Rešimo',
    'case.status.resolved.explanation':
      'Tiro rasti šukar rešisajlo. Najis tuće kaj raportirisardan.',
    'case.status.not_discrimination': 'Nane diskriminacija',
    'case.status.not_discrimination.explanation':
      'Pale pravno dikhipe, so raportirisardan nane diskriminacija palo zakoni. Šaj te ovel tut avera pravura: ramosar amenđe te si tut pučipa.',
    'case.status.closed': 'Phandlo',
    'case.status.closed.explanation':
      'O rasti phandilo bi odlukako, sar primero adalese kaj lilo palpale, sasa duj drom, vaj nane dovoljno informacije.',
    'case.message.author.reporter': 'Tu',
    'case.message.author.staff': 'Pravno eksperto',
  },
});
