import { defineMessages } from '@app/core';

/**
 * The outcome explained: the legal expert's message on every decision (staff form and API),
 * the institution's answer shared with the reporter, and where to turn if they disagree.
 */
export const OUTCOME_MESSAGES = defineMessages({
  area: 'public',
  sq: {
    'validation.outcomeMessage':
      'Shkruani mesazhin për raportuesin: çfarë u vendos dhe pse, me fjalë të thjeshta (të paktën 20 shkronja).',
    'validation.onlyForDecision':
      'Mesazhi për raportuesin jepet vetëm me një vendim (referim, zgjidhje, jo diskriminim, mbyllje).',
    'error.referral_not_answered':
      'Institucioni nuk është përgjigjur ende, prandaj nuk ka asgjë për t’u ndarë me raportuesin.',
    'staff.case.form.outcome_message': 'Mesazhi për raportuesin',
    'staff.case.form.outcome_message_hint':
      'Raportuesi e lexon në faqen e ndjekjes: çfarë u vendos dhe pse, me fjalë të thjeshta. Nuk dërgohet me email.',
    'staff.case.outcome_message': 'Mesazhi për raportuesin',
    'staff.case.done.sharing': 'Zgjedhja për përgjigjen e institucionit u ruajt.',
    'staff.referral.shared': 'Raportuesi e sheh këtë përgjigje në faqen e ndjekjes.',
    'staff.referral.not_shared': 'Raportuesi nuk e sheh këtë përgjigje.',
    'staff.referral.share': 'Ndaje përgjigjen me raportuesin',
    'staff.referral.unshare': 'Mos e ndaj më me raportuesin',
    'audit.action.referral_answer_shared': 'Përgjigjja e institucionit u nda me raportuesin',
    'audit.action.referral_answer_unshared':
      'Përgjigjja e institucionit nuk ndahet më me raportuesin',
    'follow.outcome.title': 'Vendimi për rastin tuaj',
    'follow.outcome.from_expert': 'Mesazh nga eksperti ligjor:',
    'follow.outcome.none':
      'Rasti juaj ka marrë një vendim. Nëse keni pyetje, na shkruani më poshtë.',
    'follow.outcome.answer': 'Përgjigjja e institucionit: {institution}',
    'follow.answer.outcome.complied': 'E zbatoi rekomandimin',
    'follow.answer.outcome.partly_complied': 'E zbatoi pjesërisht rekomandimin',
    'follow.answer.outcome.refused': 'Nuk e zbatoi rekomandimin',
    'follow.disagree.title': 'Nëse nuk pajtoheni',
    'follow.disagree.lead':
      'Nëse nuk pajtoheni me vendimin, mund t’u drejtoheni këtyre institucioneve:',
    'follow.disagree.note': 'Mund të na shkruani edhe këtu, te mesazhet më poshtë.',
  },
  sr: {
    'validation.outcomeMessage':
      'Napišite poruku za podnosioca prijave: šta je odlučeno i zašto, jednostavnim rečima (najmanje 20 slova).',
    'validation.onlyForDecision':
      'Poruka za podnosioca prijave daje se samo uz odluku (upućivanje, rešeno, nije diskriminacija, zatvaranje).',
    'error.referral_not_answered':
      'Institucija još nije odgovorila, pa nema šta da se podeli sa podnosiocem prijave.',
    'staff.case.form.outcome_message': 'Poruka za podnosioca prijave',
    'staff.case.form.outcome_message_hint':
      'Podnosilac je čita na stranici za praćenje: šta je odlučeno i zašto, jednostavnim rečima. Ne šalje se e-poštom.',
    'staff.case.outcome_message': 'Poruka za podnosioca prijave',
    'staff.case.done.sharing': 'Izbor za odgovor institucije je sačuvan.',
    'staff.referral.shared': 'Podnosilac prijave vidi ovaj odgovor na stranici za praćenje.',
    'staff.referral.not_shared': 'Podnosilac prijave ne vidi ovaj odgovor.',
    'staff.referral.share': 'Podeli odgovor sa podnosiocem prijave',
    'staff.referral.unshare': 'Ne deli više sa podnosiocem prijave',
    'audit.action.referral_answer_shared': 'Odgovor institucije podeljen sa podnosiocem prijave',
    'audit.action.referral_answer_unshared':
      'Odgovor institucije više nije podeljen sa podnosiocem prijave',
    'follow.outcome.title': 'Odluka o vašem slučaju',
    'follow.outcome.from_expert': 'Poruka pravnog stručnjaka:',
    'follow.outcome.none': 'O vašem slučaju je doneta odluka. Ako imate pitanja, pišite nam ispod.',
    'follow.outcome.answer': 'Odgovor institucije: {institution}',
    'follow.answer.outcome.complied': 'Postupila je po preporuci',
    'follow.answer.outcome.partly_complied': 'Delimično je postupila po preporuci',
    'follow.answer.outcome.refused': 'Nije postupila po preporuci',
    'follow.disagree.title': 'Ako se ne slažete',
    'follow.disagree.lead': 'Ako se ne slažete sa odlukom, možete se obratiti ovim institucijama:',
    'follow.disagree.note': 'Možete nam pisati i ovde, u porukama ispod.',
  },
  en: {
    'validation.outcomeMessage':
      'Write the message for the reporter: what was decided and why, in plain words (at least 20 letters).',
    'validation.onlyForDecision':
      'A message for the reporter goes only with a decision (referred, resolved, not discrimination, closed).',
    'error.referral_not_answered':
      'The institution has not answered yet, so there is nothing to share with the reporter.',
    'staff.case.form.outcome_message': 'Message for the reporter',
    'staff.case.form.outcome_message_hint':
      'The reporter reads it on their follow-up page: what was decided and why, in plain words. It is not e-mailed.',
    'staff.case.outcome_message': 'Message for the reporter',
    'staff.case.done.sharing': 'Your choice about the institution’s answer was saved.',
    'staff.referral.shared': 'The reporter sees this answer on their follow-up page.',
    'staff.referral.not_shared': 'The reporter does not see this answer.',
    'staff.referral.share': 'Share the answer with the reporter',
    'staff.referral.unshare': 'Stop sharing it with the reporter',
    'audit.action.referral_answer_shared': "Institution's answer shared with the reporter",
    'audit.action.referral_answer_unshared':
      "Institution's answer no longer shared with the reporter",
    'follow.outcome.title': 'The decision on your case',
    'follow.outcome.from_expert': 'A message from the legal expert:',
    'follow.outcome.none': 'Your case has a decision. If you have questions, write to us below.',
    'follow.outcome.answer': 'The answer of {institution}',
    'follow.answer.outcome.complied': 'Followed the recommendation',
    'follow.answer.outcome.partly_complied': 'Followed the recommendation in part',
    'follow.answer.outcome.refused': 'Did not follow the recommendation',
    'follow.disagree.title': 'If you disagree',
    'follow.disagree.lead':
      'If you disagree with the decision, you can turn to these institutions:',
    'follow.disagree.note': 'You can also write to us here, in the messages below.',
  },
  rom: {
    'validation.outcomeMessage':
      'Ramosar o mesaži vaš o raportuesi: so decidisardam thaj sose, sade lafenca (minimum 20 slove).',
    'validation.onlyForDecision':
      'O mesaži vaš o raportuesi džal samo jekhe decizijaça (bičhalipe ki institucija, rešime, nane diskriminacija, phandlo).',
    'error.referral_not_answered':
      'E institucija još na dija anglal. Nane khanči te sikavas e raportuesese.',
    'staff.case.form.outcome_message': 'Mesaži vaš o raportuesi',
    'staff.case.form.outcome_message_hint':
      'O raportuesi drabarela les ki pli rig vaš o dikhipe: so decidisardam thaj sose, sade lafenca. Na bičhaldol e-mailesa.',
    'staff.case.outcome_message': 'Mesaži vaš o raportuesi',
    'staff.case.done.sharing': 'Garavdilo so alosardan vaš o anglal e institucijako.',
    'staff.referral.shared': 'O raportuesi dikhel akava anglal ki pli rig vaš o dikhipe.',
    'staff.referral.not_shared': 'O raportuesi na dikhel akava anglal.',
    'staff.referral.share': 'Sikav o anglal e raportuesese',
    'staff.referral.unshare': 'Ma sikav les maj e raportuesese',
    'audit.action.referral_answer_shared': 'O anglal e institucijako sikavdilo e raportuesese',
    'audit.action.referral_answer_unshared':
      'O anglal e institucijako na sikavdol maj e raportuesese',
    'follow.outcome.title': 'I decizija vaš tiro rasti',
    'follow.outcome.from_expert': 'Mesaži katar o pravno eksperto:',
    'follow.outcome.none': 'Tiro rasti lija decizija. Te si tut pučiba, ramosar amenge tele.',
    'follow.outcome.answer': 'O anglal katar: {institution}',
    'follow.answer.outcome.complied': 'Kerdja so rekomandirisardam',
    'follow.answer.outcome.partly_complied': 'Kerdja jekh kotor katar so rekomandirisardam',
    'follow.answer.outcome.refused': 'Na kerdja so rekomandirisardam',
    'follow.disagree.title': 'Te na pristanes',
    'follow.disagree.lead': 'Te na pristanes e decizijaça, šaj te džas ki akala institucije:',
    'follow.disagree.note': 'Šaj te ramosares amenge vi adari, ande mesažurja tele.',
  },
});
