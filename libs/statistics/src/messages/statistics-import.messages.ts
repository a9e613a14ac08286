import { defineMessages } from '@app/core';

/**
 * The import of cases from the earlier platform (page, problems, result).
 * Romani drafts await review (i18n/review/rom.json).
 */
export const STATISTICS_IMPORT_MESSAGES = defineMessages({
  sq: {
    'statistics.import.problem.csv_syntax':
      'Rreshti {line}: thonjëza të pambyllura ose të tepërta.',
    'statistics.import.problem.missing_column': 'Mungon kolona "{column}".',
    'statistics.import.problem.unknown_column': 'Kolona "{column}" nuk njihet.',
    'statistics.import.problem.field_count':
      'Rreshti {line}: numri i fushave nuk përputhet me kokën.',
    'statistics.import.problem.required': 'Rreshti {line}: "{column}" është i detyrueshëm.',
    'statistics.import.problem.invalid_type': 'Rreshti {line}: "{column}" ka llojin e gabuar.',
    'statistics.import.problem.too_long': 'Rreshti {line}: "{column}" është shumë i gjatë.',
    'statistics.import.problem.unknown_code':
      'Rreshti {line}: "{column}" ka një kod që nuk njihet.',
    'statistics.import.problem.invalid_status': 'Rreshti {line}: statusi nuk lejohet.',
    'statistics.import.problem.invalid_date':
      'Rreshti {line}: "{column}" nuk është datë e vlefshme.',
    'statistics.import.problem.in_future': 'Rreshti {line}: "{column}" është në të ardhmen.',
    'statistics.import.problem.before_submission':
      'Rreshti {line}: data e rezultatit është para datës së paraqitjes.',
    'statistics.import.problem.outcome_date_required':
      'Rreshti {line}: një rast i zgjidhur, pa diskriminim ose i mbyllur ka nevojë për datën e rezultatit.',
    'statistics.import.problem.outcome_date_not_allowed':
      'Rreshti {line}: një rast pa rezultat nuk ka datë rezultati.',
    'statistics.import.problem.closure_reason_not_allowed':
      'Rreshti {line}: arsyeja e mbylljes vlen vetëm për rastet e mbyllura.',
    'statistics.import.problem.referral_required':
      'Rreshti {line}: një rast i referuar ka nevojë për të paktën një institucion.',
    'statistics.import.problem.duplicate_reference':
      'Rreshti {line}: kjo referencë origjinale përsëritet në skedar.',
    'statistics.import.problem.invalid_number':
      'Rreshti {line}: "{column}" nuk është numër i vlefshëm.',
    'statistics.import.problem.duplicate_year': 'Rreshti {line}: ky vit përsëritet.',
    'statistics.import.problem.too_many_rows':
      'Skedari ka më shumë se 50 000 rreshta; ndajeni në pjesë.',
    'statistics.import.problem.nothing_to_import': 'Nuk ka asgjë për të importuar.',
    'statistics.import.title': 'Importi i rasteve të mëparshme',
    'statistics.import.intro':
      'Ngarkoni rastet e platformës së mëparshme si CSV ose JSON, dhe sipas dëshirës mbledhjet e mbajtura për vit si CSV. Çdo rresht kontrollohet para se të shkruhet diçka; rastet e importuara më parë (e njëjta referencë origjinale) anashkalohen.',
    'statistics.import.format': 'Formati përshkruhet në docs/import-format.md.',
    'statistics.import.cases_file': 'Rastet (CSV ose JSON)',
    'statistics.import.meetings_file': 'Mbledhjet e mbajtura për vit (CSV, sipas dëshirës)',
    'statistics.import.submit': 'Importo',
    'statistics.import.done':
      'U importuan {imported} raste; {skipped} ishin importuar më parë; mbledhjet u vendosën për {years} vjet.',
    'statistics.import.errors': 'Asgjë nuk u importua. Korrigjoni këto rreshta:',
    'statistics.import.source.cases': 'Rastet',
    'statistics.import.source.meetings': 'Mbledhjet',
    'statistics.import.line': 'Rreshti',
    'statistics.import.column': 'Kolona',
    'statistics.import.problem': 'Problemi',
  },
  sr: {
    'statistics.import.problem.csv_syntax': 'Red {line}: nezatvoreni ili suvišni navodnici.',
    'statistics.import.problem.missing_column': 'Nedostaje kolona „{column}”.',
    'statistics.import.problem.unknown_column': 'Kolona „{column}” nije poznata.',
    'statistics.import.problem.field_count': 'Red {line}: broj polja se ne slaže sa zaglavljem.',
    'statistics.import.problem.required': 'Red {line}: „{column}” je obavezno.',
    'statistics.import.problem.invalid_type': 'Red {line}: „{column}” je pogrešnog tipa.',
    'statistics.import.problem.too_long': 'Red {line}: „{column}” je predugačko.',
    'statistics.import.problem.unknown_code': 'Red {line}: „{column}” sadrži nepoznat kôd.',
    'statistics.import.problem.invalid_status': 'Red {line}: status nije dozvoljen.',
    'statistics.import.problem.invalid_date': 'Red {line}: „{column}” nije ispravan datum.',
    'statistics.import.problem.in_future': 'Red {line}: „{column}” je u budućnosti.',
    'statistics.import.problem.before_submission':
      'Red {line}: datum ishoda je pre datuma podnošenja.',
    'statistics.import.problem.outcome_date_required':
      'Red {line}: rešen, zatvoren slučaj ili slučaj bez diskriminacije mora imati datum ishoda.',
    'statistics.import.problem.outcome_date_not_allowed':
      'Red {line}: slučaj bez ishoda nema datum ishoda.',
    'statistics.import.problem.closure_reason_not_allowed':
      'Red {line}: razlog zatvaranja važi samo za zatvorene slučajeve.',
    'statistics.import.problem.referral_required':
      'Red {line}: upućen slučaj mora imati bar jednu instituciju.',
    'statistics.import.problem.duplicate_reference':
      'Red {line}: ova originalna referenca se ponavlja u datoteci.',
    'statistics.import.problem.invalid_number': 'Red {line}: „{column}” nije ispravan broj.',
    'statistics.import.problem.duplicate_year': 'Red {line}: ova godina se ponavlja.',
    'statistics.import.problem.too_many_rows': 'Datoteka ima više od 50.000 redova; podelite je.',
    'statistics.import.problem.nothing_to_import': 'Nema ničega za uvoz.',
    'statistics.import.title': 'Uvoz ranijih slučajeva',
    'statistics.import.intro':
      'Otpremite slučajeve sa prethodne platforme kao CSV ili JSON, i po želji održane sastanke po godini kao CSV. Svaki red se proverava pre nego što se bilo šta upiše; već uvezeni slučajevi (ista originalna referenca) se preskaču.',
    'statistics.import.format': 'Format je opisan u docs/import-format.md.',
    'statistics.import.cases_file': 'Slučajevi (CSV ili JSON)',
    'statistics.import.meetings_file': 'Održani sastanci po godini (CSV, po želji)',
    'statistics.import.submit': 'Uvezi',
    'statistics.import.done':
      'Uvezeno je {imported} slučajeva; {skipped} je ranije uvezeno; sastanci su postavljeni za {years} godina.',
    'statistics.import.errors': 'Ništa nije uvezeno. Ispravite ove redove:',
    'statistics.import.source.cases': 'Slučajevi',
    'statistics.import.source.meetings': 'Sastanci',
    'statistics.import.line': 'Red',
    'statistics.import.column': 'Kolona',
    'statistics.import.problem': 'Problem',
  },
  en: {
    'statistics.import.problem.csv_syntax': 'Line {line}: unclosed or stray quotes.',
    'statistics.import.problem.missing_column': 'Column "{column}" is missing.',
    'statistics.import.problem.unknown_column': 'Column "{column}" is not known.',
    'statistics.import.problem.field_count':
      'Line {line}: the number of fields does not match the header.',
    'statistics.import.problem.required': 'Line {line}: "{column}" is required.',
    'statistics.import.problem.invalid_type': 'Line {line}: "{column}" has the wrong type.',
    'statistics.import.problem.too_long': 'Line {line}: "{column}" is too long.',
    'statistics.import.problem.unknown_code':
      'Line {line}: "{column}" holds a code that is not known.',
    'statistics.import.problem.invalid_status': 'Line {line}: the status is not allowed.',
    'statistics.import.problem.invalid_date': 'Line {line}: "{column}" is not a valid date.',
    'statistics.import.problem.in_future': 'Line {line}: "{column}" is in the future.',
    'statistics.import.problem.before_submission':
      'Line {line}: the outcome date is before the submission date.',
    'statistics.import.problem.outcome_date_required':
      'Line {line}: a resolved, not-discrimination or closed case needs its outcome date.',
    'statistics.import.problem.outcome_date_not_allowed':
      'Line {line}: a case without an outcome has no outcome date.',
    'statistics.import.problem.closure_reason_not_allowed':
      'Line {line}: a closure reason applies to closed cases only.',
    'statistics.import.problem.referral_required':
      'Line {line}: a referred case needs at least one institution.',
    'statistics.import.problem.duplicate_reference':
      'Line {line}: this original reference appears twice in the file.',
    'statistics.import.problem.invalid_number': 'Line {line}: "{column}" is not a valid number.',
    'statistics.import.problem.duplicate_year': 'Line {line}: this year appears twice.',
    'statistics.import.problem.too_many_rows': 'The file has more than 50,000 lines; split it.',
    'statistics.import.problem.nothing_to_import': 'There is nothing to import.',
    'statistics.import.title': 'Import of earlier cases',
    'statistics.import.intro':
      'Upload the earlier platform’s cases as CSV or JSON, and optionally the meetings held per year as CSV. Every line is checked before anything is written; cases imported before (same original reference) are skipped.',
    'statistics.import.format': 'The format is described in docs/import-format.md.',
    'statistics.import.cases_file': 'Cases (CSV or JSON)',
    'statistics.import.meetings_file': 'Meetings held per year (CSV, optional)',
    'statistics.import.submit': 'Import',
    'statistics.import.done':
      '{imported} cases imported; {skipped} had been imported before; meetings set for {years} years.',
    'statistics.import.errors': 'Nothing was imported. Correct these lines:',
    'statistics.import.source.cases': 'Cases',
    'statistics.import.source.meetings': 'Meetings',
    'statistics.import.line': 'Line',
    'statistics.import.column': 'Column',
    'statistics.import.problem': 'Problem',
  },
  rom: {
    'statistics.import.problem.csv_syntax': 'Redo {line}: putarde vaj bilačhe navodnikura.',
    'statistics.import.problem.missing_column': 'I kolona "{column}" nane.',
    'statistics.import.problem.unknown_column': 'I kolona "{column}" na džanelpe.',
    'statistics.import.problem.field_count':
      'Redo {line}: o numri e thanengo na džal e zaglavljea.',
    'statistics.import.problem.required': 'Redo {line}: "{column}" si musaj.',
    'statistics.import.problem.invalid_type': 'Redo {line}: "{column}" si le bilačhe tiposa.',
    'statistics.import.problem.too_long': 'Redo {line}: "{column}" si but lungo.',
    'statistics.import.problem.unknown_code':
      'Redo {line}: ande "{column}" si kodi kaj na džanelpe.',
    'statistics.import.problem.invalid_status': 'Redo {line}: o statusi na dozvolinpe.',
    'statistics.import.problem.invalid_date': 'Redo {line}: "{column}" nane lačho datumi.',
    'statistics.import.problem.in_future': 'Redo {line}: "{column}" si ando avutno vakti.',
    'statistics.import.problem.before_submission':
      'Redo {line}: o datumi e rezultatesko si angleder o datumi kana bičhaldilo.',
    'statistics.import.problem.outcome_date_required':
      'Redo {line}: jekh rasti rešimo, bi diskriminacijako vaj phandlo trubul lesko datumi e rezultatesko.',
    'statistics.import.problem.outcome_date_not_allowed':
      'Redo {line}: jekh rasti bi rezultatesko nane les datumi e rezultatesko.',
    'statistics.import.problem.closure_reason_not_allowed':
      'Redo {line}: sebepi baši phandipe džal samo ke phandle rastija.',
    'statistics.import.problem.referral_required':
      'Redo {line}: jekh bičhaldo rasti mangel minimum jekh institucija.',
    'statistics.import.problem.duplicate_reference':
      'Redo {line}: akava originalno numri e rastesko si duj drom ano fajli.',
    'statistics.import.problem.invalid_number': 'Redo {line}: "{column}" nane lačho numri.',
    'statistics.import.problem.duplicate_year': 'Redo {line}: akava berš si duj drom.',
    'statistics.import.problem.too_many_rows':
      'O fajli si le maj but sar 50.000 redurenca; ulav les.',
    'statistics.import.problem.nothing_to_import': 'Nane khanči te anelpe andre.',
    'statistics.import.title': 'Anipe andre e purane rastijengo',
    'statistics.import.intro':
      'Bičhal e rastija e purane platformake sar CSV vaj JSON, thaj te kames e sastanka kaj kerdile svako berš sar CSV. Svako redo dikhelpe angleder te ramosardol vareso; e rastija kaj imar anle andre (jekh originalno numri) nakhavenpe.',
    'statistics.import.format': 'O formati si ramosardo ano docs/import-format.md.',
    'statistics.import.cases_file': 'Rastija (CSV vaj JSON)',
    'statistics.import.meetings_file': 'Sastanka svako berš (CSV, na musaj)',
    'statistics.import.submit': 'An andre',
    'statistics.import.done':
      '{imported} rastija anle andre; {skipped} imar sasa anle angleder; sastanka ačhavde baši {years} berša.',
    'statistics.import.errors': 'Khanči na anlo andre. Sastar akala redura:',
    'statistics.import.source.cases': 'Rastija',
    'statistics.import.source.meetings': 'Sastanka',
    'statistics.import.line': 'Redo',
    'statistics.import.column': 'Kolona',
    'statistics.import.problem': 'Problemi',
  },
});
