import { defineMessages } from '@app/core';

/**
 * Statistics pages, exports and import. Romani is left to native speakers (it shows in Albanian
 * until written; `npm run i18n:missing` lists the gaps).
 */
export const STATISTICS_MESSAGES = defineMessages({
  sq: {
    'statistics.suppressed_note':
      'Për të mbrojtur personat, çdo numër nga 1 deri në {below} fshihet dhe shfaqet si "{marker}". Që një numër i fshehur të mos gjendet me zbritje nga totalet, fshihen edhe disa numra të tjerë, ndonjëherë edhe vetë totali, dhe edhe ata shfaqen si "{marker}". Prandaj "{marker}" nuk do të thotë "pak": mund të jetë çdo numër nga 1 e lart. 0 do të thotë se nuk ka asnjë rast. Numrat e dukshëm mund të mblidhen në më pak se totali.',
    'statistics.code.not_recorded':
      'E paregjistruar',
    'statistics.hidden.small':
      'Më pak se {threshold}',
    'statistics.hidden.complement':
      'Që numrat e fshehur te "{section}" të mos gjenden nga totali',
    'statistics.hidden.audit':
      'Që numrat e fshehur te "{section}" të mos gjenden së bashku me tabelat e tjera',
    'statistics.staff.preview_title':
      '{year}: çfarë do të shohë publiku',
    'statistics.staff.preview_intro':
      'Publikimi ngrin pikërisht këto shifra publike. Shifrat e mëposhtme do të fshihen dhe do të shfaqen si "{marker}".',
    'statistics.staff.preview_none':
      '{year}: asnjë shifër nuk ka nevojë të fshihet.',
    'statistics.staff.preview_reason':
      'Pse fshihet',
    'audit.action.statistics_published': 'Statistikat e një viti u publikuan',
    'audit.action.statistics_imported': 'Raste të mëparshme u importuan',
    'error.statistics_year_already_published': 'Statistikat e vitit {year} janë publikuar tashmë.',
    'error.statistics_action_forbidden':
      'Vetëm administratorët publikojnë statistikat e një viti dhe importojnë të dhëna të vjetra.',
    'error.statistics_year_not_over':
      'Viti {year} nuk ka përfunduar ende; mund të publikohet vetëm një vit i mbyllur.',
    'error.statistics_import_invalid':
      'Importi ka {count} probleme. Asgjë nuk u importua; korrigjoni rreshtat e shënuar dhe provoni përsëri.',
    'error.statistics_import_format':
      'Dërgoni rastet si skedar CSV ose JSON (ose si trup JSON të kërkesës).',
    'validation.yearRange': 'Viti "nga" nuk mund të jetë pas vitit "deri".',
    'validation.yearSpan': 'Zgjidhni më së shumti {max} vjet.',

    'statistics.title': 'Statistikat vjetore',
    'statistics.intro':
      'Rastet e raportuara në platformë sipas vitit të paraqitjes (ora e Kosovës), statusi i tyre sot dhe rezultatet e vendosura çdo vit.',
    'statistics.range': 'Vitet',
    'statistics.from': 'Nga viti',
    'statistics.to': 'Deri në vitin',
    'statistics.year': 'Viti',
    'statistics.detail_year': 'Shfaq hollësitë për',
    'statistics.show': 'Shfaq',
    'statistics.all_years': 'Të gjitha vitet',
    'statistics.provisional': 'e përkohshme',
    'statistics.published': 'publikuar më {date}',
    'statistics.provisional_note':
      'Shifrat e viteve të papublikuara janë të përkohshme dhe mund të ndryshojnë.',
    'statistics.summary': 'Përmbledhje sipas vitit',
    'statistics.details': 'Hollësi: {year}',
    'statistics.chart_of': 'Grafiku: {title}',
    'statistics.table_of': 'Tabela: {title}',
    'statistics.count': 'Numri',
    'statistics.none': 'Asnjë',
    'statistics.no_median': '–',
    'statistics.days': '{days} ditë',
    'statistics.section.reported': 'Raste të raportuara',
    'statistics.section.status': 'Statusi sot',
    'statistics.section.closed_by_reason': 'Të mbyllura sipas arsyes',
    'statistics.section.decided': 'Rezultate të vendosura në vit',
    'statistics.section.community': 'Komuniteti',
    'statistics.section.area': 'Fusha',
    'statistics.section.ground': 'Forma e diskriminimit',
    'statistics.section.municipality': 'Komuna',
    'statistics.section.gender': 'Gjinia',
    'statistics.section.age_group': 'Grupmosha',
    'statistics.section.reporter_role': 'Kush raportoi',
    'statistics.section.perpetrator_kind': 'Kush diskriminoi',
    'statistics.section.referral_institution': 'Institucioni ku u referua',
    'statistics.section.referrals': 'Përgjigjet e institucioneve ndaj referimeve',
    'statistics.section.referrals.sent': 'Referime të dërguara',
    'statistics.section.referrals.answeredOnTime': 'Përgjigjur në kohë',
    'statistics.section.referrals.answeredLate': 'Përgjigjur me vonesë',
    'statistics.section.referrals.unanswered': 'Pa përgjigje',
    'statistics.section.referrals.complied': 'Zbatuar',
    'statistics.section.referrals.partlyComplied': 'Zbatuar pjesërisht',
    'statistics.section.referrals.refused': 'Refuzuar',
    'statistics.section.referrals.overdue_now': 'Me afat të kaluar sot',
    'statistics.section.meetings_held': 'Mbledhje të Grupit Teknik',
    'statistics.section.median_days_to_outcome': 'Mediana e ditëve deri në rezultat',
    'statistics.status.open': 'Të hapura',
    'statistics.status.referred': 'Të referuara',
    'statistics.status.resolved': 'Të zgjidhura',
    'statistics.status.not_discrimination': 'Nuk është diskriminim',
    'statistics.status.closed': 'Të mbyllura',
    'statistics.status.total': 'Gjithsej',
    'statistics.code.not_stated': 'E padeklaruar',
    'statistics.code.unspecified': 'Pa arsye të shënuar',
    'statistics.institution': 'Institucioni',
    'statistics.export.sheet': 'Statistikat',

    'statistics.staff.title': 'Statistikat (stafi)',
    'statistics.staff.filters': 'Filtrat',
    'statistics.staff.any': 'Të gjitha',
    'statistics.staff.apply': 'Zbato filtrat',
    'statistics.staff.clear': 'Pastro filtrat',
    'statistics.staff.exact_note':
      'Shifrat këtu janë të sakta dhe të drejtpërdrejta (pa fshehjen e numrave të vegjël).',
    'statistics.staff.exports': 'Eksporto me këta filtra',
    'statistics.staff.export_csv': 'CSV',
    'statistics.staff.export_xlsx': 'Excel (XLSX)',
    'statistics.staff.export_json': 'JSON',
    'statistics.staff.publishing': 'Publikimi',
    'statistics.staff.publish_intro':
      'Publikimi ngrin shifrat e një viti të mbyllur ashtu siç janë sot. Publiku i sheh ato edhe nëse më vonë korrigjohet diçka.',
    'statistics.staff.publish_button': 'Publiko vitin {year}',
    'statistics.staff.published_on': '{year}: publikuar më {date}',
    'statistics.staff.changes': 'Ndryshime që nga publikimi i vitit {year}',
    'statistics.staff.no_changes': 'Viti {year}: asnjë ndryshim që nga publikimi.',
    'statistics.staff.figure': 'Shifra',
    'statistics.staff.published_value': 'E publikuar',
    'statistics.staff.current_value': 'Sot',
    'statistics.staff.published_done': 'Viti {year} u publikua.',
    'statistics.staff.import_link': 'Importo raste nga platforma e mëparshme',
  },
  sr: {
    'statistics.suppressed_note':
      'Radi zaštite osoba, svaki broj od 1 do {below} je skriven i prikazan kao „{marker}”. Da se skriveni broj ne bi mogao izračunati oduzimanjem od zbirova, skriveni su i neki drugi brojevi, ponekad i sam zbir, i oni se takođe prikazuju kao „{marker}”. Zato „{marker}” ne znači „malo”: to može biti bilo koji broj od 1 naviše. 0 znači da nema nijednog slučaja. Vidljivi brojevi mogu u zbiru dati manje od ukupnog.',
    'statistics.code.not_recorded':
      'Nije evidentirano',
    'statistics.hidden.small':
      'Manje od {threshold}',
    'statistics.hidden.complement':
      'Da se skriveni brojevi u „{section}” ne bi izračunali iz zbira',
    'statistics.hidden.audit':
      'Da se skriveni brojevi u „{section}” ne bi izračunali zajedno sa drugim tabelama',
    'statistics.staff.preview_title':
      '{year}: šta će javnost videti',
    'statistics.staff.preview_intro':
      'Objavljivanje zamrzava upravo ove javne brojke. Brojke ispod biće skrivene i prikazane kao „{marker}”.',
    'statistics.staff.preview_none':
      '{year}: nijedna brojka ne mora biti skrivena.',
    'statistics.staff.preview_reason':
      'Zašto je skriveno',
    'audit.action.statistics_published': 'Objavljena statistika godine',
    'audit.action.statistics_imported': 'Uvezeni raniji slučajevi',
    'error.statistics_year_already_published': 'Statistika za {year}. godinu je već objavljena.',
    'error.statistics_action_forbidden':
      'Samo administratori objavljuju statistiku godine i uvoze stare podatke.',
    'error.statistics_year_not_over':
      'Godina {year} se još nije završila; može se objaviti samo završena godina.',
    'error.statistics_import_invalid':
      'Uvoz ima {count} problema. Ništa nije uvezeno; ispravite označene redove i pokušajte ponovo.',
    'error.statistics_import_format':
      'Pošaljite slučajeve kao CSV ili JSON datoteku (ili kao JSON telo zahteva).',
    'validation.yearRange': 'Godina „od” ne može biti posle godine „do”.',
    'validation.yearSpan': 'Izaberite najviše {max} godina.',

    'statistics.title': 'Godišnja statistika',
    'statistics.intro':
      'Slučajevi prijavljeni na platformi po godini podnošenja (po kosovskom vremenu), njihov današnji status i ishodi odlučeni svake godine.',
    'statistics.range': 'Godine',
    'statistics.from': 'Od godine',
    'statistics.to': 'Do godine',
    'statistics.year': 'Godina',
    'statistics.detail_year': 'Prikaži detalje za',
    'statistics.show': 'Prikaži',
    'statistics.all_years': 'Sve godine',
    'statistics.provisional': 'privremeno',
    'statistics.published': 'objavljeno {date}',
    'statistics.provisional_note': 'Brojke neobjavljenih godina su privremene i mogu se promeniti.',
    'statistics.summary': 'Pregled po godinama',
    'statistics.details': 'Detalji: {year}',
    'statistics.chart_of': 'Grafikon: {title}',
    'statistics.table_of': 'Tabela: {title}',
    'statistics.count': 'Broj',
    'statistics.none': 'Nijedan',
    'statistics.no_median': '–',
    'statistics.days': '{days} dana',
    'statistics.section.reported': 'Prijavljeni slučajevi',
    'statistics.section.status': 'Današnji status',
    'statistics.section.closed_by_reason': 'Zatvoreni po razlogu',
    'statistics.section.decided': 'Ishodi odlučeni u godini',
    'statistics.section.community': 'Zajednica',
    'statistics.section.area': 'Oblast',
    'statistics.section.ground': 'Oblik diskriminacije',
    'statistics.section.municipality': 'Opština',
    'statistics.section.gender': 'Pol',
    'statistics.section.age_group': 'Starosna grupa',
    'statistics.section.reporter_role': 'Ko je prijavio',
    'statistics.section.perpetrator_kind': 'Ko je diskriminisao',
    'statistics.section.referral_institution': 'Institucija kojoj je upućen',
    'statistics.section.referrals': 'Odgovori institucija na uputstva',
    'statistics.section.referrals.sent': 'Poslata uputstva',
    'statistics.section.referrals.answeredOnTime': 'Odgovoreno na vreme',
    'statistics.section.referrals.answeredLate': 'Odgovoreno sa zakašnjenjem',
    'statistics.section.referrals.unanswered': 'Bez odgovora',
    'statistics.section.referrals.complied': 'Postupljeno',
    'statistics.section.referrals.partlyComplied': 'Delimično postupljeno',
    'statistics.section.referrals.refused': 'Odbijeno',
    'statistics.section.referrals.overdue_now': 'Rok danas istekao',
    'statistics.section.meetings_held': 'Sastanci Tehničke grupe',
    'statistics.section.median_days_to_outcome': 'Medijana dana do ishoda',
    'statistics.status.open': 'Otvoreni',
    'statistics.status.referred': 'Upućeni',
    'statistics.status.resolved': 'Rešeni',
    'statistics.status.not_discrimination': 'Nije diskriminacija',
    'statistics.status.closed': 'Zatvoreni',
    'statistics.status.total': 'Ukupno',
    'statistics.code.not_stated': 'Nije navedeno',
    'statistics.code.unspecified': 'Razlog nije zabeležen',
    'statistics.institution': 'Institucija',
    'statistics.export.sheet': 'Statistika',

    'statistics.staff.title': 'Statistika (osoblje)',
    'statistics.staff.filters': 'Filteri',
    'statistics.staff.any': 'Sve',
    'statistics.staff.apply': 'Primeni filtere',
    'statistics.staff.clear': 'Obriši filtere',
    'statistics.staff.exact_note': 'Brojke ovde su tačne i trenutne (bez skrivanja malih brojeva).',
    'statistics.staff.exports': 'Izvezi sa ovim filterima',
    'statistics.staff.export_csv': 'CSV',
    'statistics.staff.export_xlsx': 'Excel (XLSX)',
    'statistics.staff.export_json': 'JSON',
    'statistics.staff.publishing': 'Objavljivanje',
    'statistics.staff.publish_intro':
      'Objavljivanje zamrzava brojke završene godine onakve kakve su danas. Javnost ih vidi takve i ako se kasnije nešto ispravi.',
    'statistics.staff.publish_button': 'Objavi {year}. godinu',
    'statistics.staff.published_on': '{year}: objavljeno {date}',
    'statistics.staff.changes': 'Promene od objavljivanja {year}. godine',
    'statistics.staff.no_changes': '{year}: nema promena od objavljivanja.',
    'statistics.staff.figure': 'Brojka',
    'statistics.staff.published_value': 'Objavljeno',
    'statistics.staff.current_value': 'Danas',
    'statistics.staff.published_done': 'Godina {year} je objavljena.',
    'statistics.staff.import_link': 'Uvezi slučajeve sa prethodne platforme',
  },
  en: {
    'statistics.suppressed_note':
      'To protect people, every count from 1 to {below} is hidden and shows as "{marker}". So that a hidden count cannot be worked out by subtracting from the totals, some other counts are hidden too, sometimes the total itself, and they also show as "{marker}". So "{marker}" does not mean "few": it can be any number from 1 up. 0 means there was no case. The visible counts may add up to less than the total.',
    'statistics.code.not_recorded':
      'Not recorded',
    'statistics.hidden.small':
      'Below {threshold}',
    'statistics.hidden.complement':
      'So that the hidden figures of "{section}" cannot be worked out from the total',
    'statistics.hidden.audit':
      'So that the hidden figures of "{section}" cannot be worked out together with the other tables',
    'statistics.staff.preview_title':
      '{year}: what the public will see',
    'statistics.staff.preview_intro':
      'Publishing freezes exactly these public figures. The figures below will be hidden and show as "{marker}".',
    'statistics.staff.preview_none':
      '{year}: no figure needs to be hidden.',
    'statistics.staff.preview_reason':
      'Why hidden',
    'audit.action.statistics_published': 'Statistics of a year published',
    'audit.action.statistics_imported': 'Earlier cases imported',
    'error.statistics_year_already_published': 'The statistics of {year} are already published.',
    'error.statistics_action_forbidden':
      'Only administrators publish a year’s statistics and import earlier data.',
    'error.statistics_year_not_over':
      'The year {year} is not over yet; only a finished year can be published.',
    'error.statistics_import_invalid':
      'The import has {count} problems. Nothing was imported; correct the lines listed and try again.',
    'error.statistics_import_format':
      'Send the cases as a CSV or JSON file (or as a JSON request body).',
    'validation.yearRange': 'The "from" year cannot be after the "to" year.',
    'validation.yearSpan': 'Choose at most {max} years.',

    'statistics.title': 'Yearly statistics',
    'statistics.intro':
      'Cases reported on the platform by year of submission (Kosovo time), their status today and the outcomes decided each year.',
    'statistics.range': 'Years',
    'statistics.from': 'From year',
    'statistics.to': 'To year',
    'statistics.year': 'Year',
    'statistics.detail_year': 'Show details for',
    'statistics.show': 'Show',
    'statistics.all_years': 'All years',
    'statistics.provisional': 'provisional',
    'statistics.published': 'published on {date}',
    'statistics.provisional_note':
      'Figures of years not yet published are provisional and may change.',
    'statistics.summary': 'Summary by year',
    'statistics.details': 'Details: {year}',
    'statistics.chart_of': 'Chart: {title}',
    'statistics.table_of': 'Table: {title}',
    'statistics.count': 'Number',
    'statistics.none': 'None',
    'statistics.no_median': '–',
    'statistics.days': '{days} days',
    'statistics.section.reported': 'Cases reported',
    'statistics.section.status': 'Status today',
    'statistics.section.closed_by_reason': 'Closed, by reason',
    'statistics.section.decided': 'Outcomes decided in the year',
    'statistics.section.community': 'Community',
    'statistics.section.area': 'Area',
    'statistics.section.ground': 'Form of discrimination',
    'statistics.section.municipality': 'Municipality',
    'statistics.section.gender': 'Gender',
    'statistics.section.age_group': 'Age group',
    'statistics.section.reporter_role': 'Who reported',
    'statistics.section.perpetrator_kind': 'Who discriminated',
    'statistics.section.referral_institution': 'Institution referred to',
    'statistics.section.referrals': 'Institutions’ answers to referrals',
    'statistics.section.referrals.sent': 'Referrals sent',
    'statistics.section.referrals.answeredOnTime': 'Answered on time',
    'statistics.section.referrals.answeredLate': 'Answered late',
    'statistics.section.referrals.unanswered': 'Unanswered',
    'statistics.section.referrals.complied': 'Complied',
    'statistics.section.referrals.partlyComplied': 'Partly complied',
    'statistics.section.referrals.refused': 'Refused',
    'statistics.section.referrals.overdue_now': 'Overdue today',
    'statistics.section.meetings_held': 'Technical Group meetings held',
    'statistics.section.median_days_to_outcome': 'Median days to outcome',
    'statistics.status.open': 'Open',
    'statistics.status.referred': 'Referred',
    'statistics.status.resolved': 'Resolved',
    'statistics.status.not_discrimination': 'Not discrimination',
    'statistics.status.closed': 'Closed',
    'statistics.status.total': 'Total',
    'statistics.code.not_stated': 'Not stated',
    'statistics.code.unspecified': 'No reason recorded',
    'statistics.institution': 'Institution',
    'statistics.export.sheet': 'Statistics',

    'statistics.staff.title': 'Statistics (staff)',
    'statistics.staff.filters': 'Filters',
    'statistics.staff.any': 'All',
    'statistics.staff.apply': 'Apply filters',
    'statistics.staff.clear': 'Clear filters',
    'statistics.staff.exact_note':
      'Figures here are exact and live (small numbers are not hidden).',
    'statistics.staff.exports': 'Export with these filters',
    'statistics.staff.export_csv': 'CSV',
    'statistics.staff.export_xlsx': 'Excel (XLSX)',
    'statistics.staff.export_json': 'JSON',
    'statistics.staff.publishing': 'Publishing',
    'statistics.staff.publish_intro':
      'Publishing freezes a finished year’s figures as they are today. The public keeps seeing them even if something is corrected later.',
    'statistics.staff.publish_button': 'Publish {year}',
    'statistics.staff.published_on': '{year}: published on {date}',
    'statistics.staff.changes': 'Changes since {year} was published',
    'statistics.staff.no_changes': '{year}: no changes since it was published.',
    'statistics.staff.figure': 'Figure',
    'statistics.staff.published_value': 'Published',
    'statistics.staff.current_value': 'Today',
    'statistics.staff.published_done': 'The year {year} is published.',
    'statistics.staff.import_link': 'Import cases from the earlier platform',
  },
  rom: {
    'statistics.suppressed_note':
      'Te arakhas e manušen, sakova numero katar 1 dži {below} si garavdo. Ov sikavdol sar "{marker}". Garavas vi aver numerija, thaj varekana vi o sasto numero. Kadja khonik našti te arakhel o garavdo numero te lel les avri katar o sasto numero. Vi kala numerija sikavdon sar "{marker}". Anda kodo "{marker}" na phenel "hari". Šaj te avel savo te avel numero katar 1 thaj upre. 0 phenel kaj naj nijekh slučaj. E numerija so dikhen pe šaj te keren jekh numero so si cikneder katar o sasto numero.',
    'statistics.code.not_recorded':
      'Na ramome',
    'statistics.hidden.small':
      'Tele katar {threshold}',
    'statistics.hidden.complement':
      'Te na arakhel pe o garavdo numero ano "{section}" katar o sasto numero',
    'statistics.hidden.audit':
      'Te na arakhel pe o garavdo numero ano "{section}" e aver tabelencar',
    'statistics.staff.preview_title':
      '{year}: so ka dikhel o publiko',
    'statistics.staff.preview_intro':
      'Kana publikujines, kala numerija ačhen sar si. E numerija tele ka aven garavde. Von ka sikavdon sar "{marker}".',
    'statistics.staff.preview_none':
      '{year}: nijekh numero na trubul te avel garavdo.',
    'statistics.staff.preview_reason':
      'Sose si garavdo',
    'error.statistics_action_forbidden':
      'Samo e administratorja šaj te publikujinen e statistike jekhe beršeske. Samo von šaj te anen andre e purane podatkija.',
  },
});
