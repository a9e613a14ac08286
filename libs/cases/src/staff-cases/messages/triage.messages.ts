import { defineMessages } from '@app/core';

/** Strings of triage on the staff case list and case page: flags, ages, assignment. */
export const TRIAGE_MESSAGES = defineMessages({
  sq: {
    'staff.cases.age.today': 'sot',
    'staff.cases.age.yesterday': 'dje',
    'staff.cases.flag.anonymous': 'Anonim',
    'staff.cases.flag.named': 'Me emër',
    'staff.cases.flag.hate_crime': 'Krim nga urrejtja',
    'staff.case.reporter_language': 'Gjuha e raportuesit',
    'staff.case.reporter_language_hint': '(shkruani dhe email-et në këtë gjuhë)',
    'staff.case.assign_new': 'Merre në shqyrtim dhe caktoje te një ekspert ligjor',
    'staff.case.expert_option': '{name} — raste të hapura: {open} · {language}',
  },
  sr: {
    'staff.cases.age.today': 'danas',
    'staff.cases.age.yesterday': 'juče',
    'staff.cases.flag.anonymous': 'Anonimno',
    'staff.cases.flag.named': 'Sa imenom',
    'staff.cases.flag.hate_crime': 'Zločin iz mržnje',
    'staff.case.reporter_language': 'Jezik podnosioca',
    'staff.case.reporter_language_hint': '(pišite i e-poruke na ovom jeziku)',
    'staff.case.assign_new': 'Uzmi u razmatranje i dodeli pravnom stručnjaku',
    'staff.case.expert_option': '{name} — otvoreni slučajevi: {open} · {language}',
  },
  en: {
    'staff.cases.age.today': 'today',
    'staff.cases.age.yesterday': 'yesterday',
    'staff.cases.flag.anonymous': 'Anonymous',
    'staff.cases.flag.named': 'Named',
    'staff.cases.flag.hate_crime': 'Hate crime',
    'staff.case.reporter_language': "Reporter's language",
    'staff.case.reporter_language_hint': '(write your messages in this language too)',
    'staff.case.assign_new': 'Take into review and assign to a legal expert',
    'staff.case.expert_option': '{name} — open cases: {open} · {language}',
  },
  rom: {
    'staff.cases.age.today': 'adjes',
    'staff.cases.age.yesterday': 'idž',
    'staff.cases.flag.anonymous': 'Anonimno',
    'staff.cases.flag.named': 'E anava',
    'staff.cases.flag.hate_crime': 'Kriminalo katar i mržnja',
    'staff.case.reporter_language': 'I čhib e manušeski kova dija o raporti',
    'staff.case.reporter_language_hint': '(ramon vi e mesažja ki akaja čhib)',
    'staff.case.assign_new': 'Le te dikhes thaj de le jekhe pravno ekspertoske',
    'staff.case.expert_option': '{name} — phundle slučajja: {open} · {language}',
  },
});
