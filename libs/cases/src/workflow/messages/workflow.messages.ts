import { defineMessages } from '@app/core';

/**
 * Errors and validation rules of case handling by staff and of the institutions' answers.
 * Institutions read some of them: Romani is written too (drafts await review).
 */
export const WORKFLOW_MESSAGES = defineMessages({
  area: 'public',
  sq: {
    'error.transition_not_allowed':
      'Rasti nuk mund të kalojë nga „{from}” në „{to}”. Hapat e lejuar tani janë në listën allowedTransitions.',
    'error.case_version_conflict':
      'Rasti u ndryshua ndërkohë nga dikush tjetër. Hapeni përsëri dhe provoni sërish.',
    'error.case_action_forbidden':
      'Nuk keni të drejtë për këtë veprim në këtë rast. Ekspertët ligjorë veprojnë vetëm në rastet që u janë caktuar.',
    'error.assignment_not_allowed':
      'Eksperti ligjor nuk mund të ndryshohet kur rasti është „{status}”.',
    'error.referral_not_found': 'Referimi nuk u gjet.',
    'error.referral_not_waiting': 'Ky referim nuk pret më përgjigje.',
    'error.referral_link_invalid':
      'Kjo lidhje nuk është e vlefshme. Kontrolloni që e keni kopjuar të plotë nga email-i.',
    'error.referral_link_used': 'Përgjigjja për këtë referim është dërguar tashmë. Faleminderit.',
    'error.referral_link_expired':
      'Kjo lidhje ka skaduar. Kontaktoni Zyrën për Qeverisje të Mirë për një lidhje të re.',
    'error.referral_link_closed': 'Rasti është mbyllur; nuk pritet më përgjigje për këtë referim.',
    'validation.isActiveLegalExpert': 'Zgjidhni një ekspert ligjor aktiv.',
    'validation.isAfterToday': 'Data duhet të jetë pas ditës së sotme.',
    'validation.onlyForMunicipality': 'Komuna jepet vetëm kur institucioni është një komunë.',
    'validation.revealsIdentity':
      'Teksti përmban emrin e raportuesit, një numër telefoni ose një adresë email-i. Shkruajeni pa to, që askush të mos mësojë kush raportoi.',
    'audit.action.case_reassigned': 'Ndryshim i ekspertit ligjor',
    'audit.action.referral_answered': 'Përgjigje e institucionit për referimin',
    'audit.action.referral_packet_viewed': 'Institucioni hapi dosjen e referimit',
    'audit.action.referral_link_renewed': 'Lidhje e re përgjigjeje për referimin',
  },
  sr: {
    'error.transition_not_allowed':
      'Slučaj ne može preći iz „{from}” u „{to}”. Dozvoljeni koraci su u listi allowedTransitions.',
    'error.case_version_conflict':
      'Neko drugi je u međuvremenu izmenio slučaj. Otvorite ga ponovo i pokušajte još jednom.',
    'error.case_action_forbidden':
      'Nemate pravo na ovu radnju na ovom slučaju. Pravni stručnjaci rade samo na slučajevima koji su im dodeljeni.',
    'error.assignment_not_allowed':
      'Pravni stručnjak se ne može promeniti kada je slučaj „{status}”.',
    'error.referral_not_found': 'Upućivanje nije pronađeno.',
    'error.referral_not_waiting': 'Ovo upućivanje više ne čeka odgovor.',
    'error.referral_link_invalid':
      'Ovaj link nije ispravan. Proverite da li ste ga u celosti kopirali iz e-poruke.',
    'error.referral_link_used': 'Odgovor na ovo upućivanje je već poslat. Hvala.',
    'error.referral_link_expired':
      'Ovaj link je istekao. Obratite se Kancelariji za dobro upravljanje za novi link.',
    'error.referral_link_closed':
      'Slučaj je zatvoren; odgovor na ovo upućivanje se više ne očekuje.',
    'validation.isActiveLegalExpert': 'Izaberite aktivnog pravnog stručnjaka.',
    'validation.isAfterToday': 'Datum mora biti posle današnjeg dana.',
    'validation.onlyForMunicipality': 'Opština se navodi samo kada je institucija opština.',
    'validation.revealsIdentity':
      'Tekst sadrži ime podnosioca prijave, broj telefona ili adresu e-pošte. Napišite ga bez toga, da niko ne sazna ko je prijavio.',
    'audit.action.case_reassigned': 'Promena pravnog stručnjaka',
    'audit.action.referral_answered': 'Odgovor institucije na upućivanje',
    'audit.action.referral_packet_viewed': 'Institucija je otvorila spis upućivanja',
    'audit.action.referral_link_renewed': 'Novi link za odgovor na upućivanje',
  },
  en: {
    'error.transition_not_allowed':
      'The case cannot move from "{from}" to "{to}". The steps allowed now are listed in allowedTransitions.',
    'error.case_version_conflict':
      'Someone else changed the case in the meantime. Open it again and retry.',
    'error.case_action_forbidden':
      'You may not do this on this case. Legal experts act only on the cases assigned to them.',
    'error.assignment_not_allowed':
      'The legal expert cannot be changed while the case is "{status}".',
    'error.referral_not_found': 'The referral was not found.',
    'error.referral_not_waiting': 'This referral no longer waits for an answer.',
    'error.referral_link_invalid':
      'This link is not valid. Check that you copied all of it from the email.',
    'error.referral_link_used': 'The answer to this referral was already sent. Thank you.',
    'error.referral_link_expired':
      'This link has expired. Contact the Office for Good Governance for a new one.',
    'error.referral_link_closed':
      'The case is closed; no answer to this referral is expected any more.',
    'validation.isActiveLegalExpert': 'Choose an active legal expert.',
    'validation.isAfterToday': 'The date must be after today.',
    'validation.onlyForMunicipality':
      'A municipality is given only when the institution is a municipality.',
    'validation.revealsIdentity':
      'The text holds the reporter’s name, a phone number or an e-mail address. Write it without them, so that no one learns who reported.',
    'audit.action.case_reassigned': 'Legal expert changed',
    'audit.action.referral_answered': "Institution's answer to a referral",
    'audit.action.referral_packet_viewed': 'Institution opened a referral packet',
    'audit.action.referral_link_renewed': 'New referral response link',
  },
  rom: {
    'error.transition_not_allowed':
      'O rasti na šaj te nakhel katar "{from}" ko "{to}". E dromora kaj šaj akana si ki lista allowedTransitions.',
    'error.case_version_conflict':
      'Varekon aver irisarda o rasti ande akava vakti. Putar les palem thaj zumav.',
    'error.case_action_forbidden':
      'Našti te keres akava akale rasteja. E pravna eksperturja butikeren samo e rastijenca kaj dindile lenđe.',
    'error.assignment_not_allowed':
      'O pravno eksperto na šaj te parubarelpe dok o rasti si "{status}".',
    'error.referral_not_found': 'O bičhalipe na arakhlilo.',
    'error.referral_not_waiting': 'Akava bičhalipe maj na užarel odgovori.',
    'error.referral_link_invalid':
      'Akava link nane lačho. Dikh te kopirisardan les sa katar o e-mail.',
    'error.referral_link_used': 'O odgovori baši akava bičhalipe imar bičhaldilo. Najis tumenđe.',
    'error.referral_link_expired':
      'Akava link nakhlo. Kontaktirin o Biro baši Lačho Upravljanje baši nevo link.',
    'error.referral_link_closed':
      'O rasti si phandlo; maj na užarelpe odgovori baši akava bičhalipe.',
    'validation.isActiveLegalExpert': 'Alosar aktivno pravno eksperto.',
    'validation.isAfterToday': 'O datumi trubul te ovel pale adadives.',
    'validation.onlyForMunicipality': 'I komuna delpe samo kana i institucija si komuna.',
    'validation.revealsIdentity':
      'O teksto sikavel o anav e raportuesesko, jekh telefoni jal jekh e-mail adresa. Ramosar les bizo gova, te khonik na džanel kon dija o raporti.',
    'audit.action.case_reassigned': 'O pravno eksperto parubardilo',
    'audit.action.referral_answered': 'Odgovori e institucijako ko bičhalipe',
    'audit.action.referral_packet_viewed': 'I institucija putarda o paketo e bičhalipesko',
    'audit.action.referral_link_renewed': 'Nevo link baši odgovori ko bičhalipe',
  },
});
