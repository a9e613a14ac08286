import {
  ALL_SCOPE,
  NOT_RECORDED,
  YearCounts,
  addCounts,
  counterName,
  emptyCounts,
  importedReferralDeltas,
  parseImportInstant,
  statusChangeDeltas,
  submittedDeltas,
} from '@app/statistics';

/**
 * Small generated data sets for the disclosure attacker: cases as the import of the earlier
 * platform takes them (so the e2e test can import them), and their counts as the import would
 * write them (for the unit test, through the same delta functions).
 */
export interface ImportCase {
  original_reference: string;
  submitted_at: string;
  community: string;
  primary_area: string;
  grounds: string[];
  municipality: string;
  gender?: string;
  age_group?: string;
  reporter_role?: string;
  perpetrator_kind?: string;
  status: string;
  outcome_date?: string;
  closure_reason?: string;
  referral_institutions?: string[];
}

export interface DataSet {
  name: string;
  years: number[];
  cases: ImportCase[];
  meetings: { year: number; meetings_held: number }[];
  /** Referral answers the import cannot carry (unit test only): year -> counters. */
  extraCounters?: Record<number, Record<string, number>>;
}

/** mulberry32: a small seeded generator, so every run tests the same data sets. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Weighted = [string, number][];
function pick(random: () => number, options: Weighted): string {
  const total = options.reduce((s, [, w]) => s + w, 0);
  let r = random() * total;
  for (const [value, weight] of options) {
    r -= weight;
    if (r < 0) return value;
  }
  return options[options.length - 1][0];
}

const COMMUNITIES: Weighted = [
  ['roma', 14],
  ['ashkali', 3],
  ['egyptian', 2],
  ['other', 1],
];
const AREAS: Weighted = [
  ['education', 5],
  ['employment', 3],
  ['health', 2],
  ['housing', 2],
  ['public_services', 1],
];
const MUNICIPALITIES: Weighted = [
  ['prizren', 5],
  ['gjakove', 3],
  ['peje', 2],
  ['ferizaj', 2],
  ['fushe_kosove', 2],
  ['mitrovice_e_jugut', 1],
];
const GROUNDS = ['discrimination', 'harassment', 'segregation', 'hate_speech', 'bullying'];
const GENDERS: Weighted = [
  ['', 8],
  ['female', 2],
  ['male', 2],
];
const AGES: Weighted = [
  ['', 8],
  ['18_29', 2],
  ['30_44', 2],
  ['under_18', 1],
];
const ROLES: Weighted = [
  ['', 4],
  ['victim', 4],
  ['witness', 1],
  ['organisation', 1],
];
const KINDS: Weighted = [
  ['', 4],
  ['school', 3],
  ['municipality', 2],
  ['police', 1],
];
const STATUSES: Weighted = [
  ['submitted', 2],
  ['in_review', 1],
  ['referred', 2],
  ['resolved', 4],
  ['not_discrimination', 4],
  ['closed', 2],
];
const REASONS: Weighted = [
  ['withdrawn', 3],
  ['duplicate', 1],
  ['outside_mandate', 1],
];
const INSTITUTIONS: Weighted = [
  ['ombudsperson', 3],
  ['kosovo_police', 1],
];

function day(random: () => number, year: number, fromMonth = 1, toMonth = 12): string {
  const month = fromMonth + Math.floor(random() * (toMonth - fromMonth + 1));
  const d = 1 + Math.floor(random() * 28);
  return `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function randomCase(
  random: () => number,
  ref: string,
  year: number,
  status: string,
  over: Partial<ImportCase> = {},
): ImportCase {
  const submitted = day(random, year, 1, 9);
  const c: ImportCase = {
    original_reference: ref,
    submitted_at: submitted,
    community: pick(random, COMMUNITIES),
    primary_area: pick(random, AREAS),
    grounds: GROUNDS.filter((_, i) => i === 0 || random() < 0.2),
    municipality: pick(random, MUNICIPALITIES),
    status,
  };
  for (const [field, options] of [
    ['gender', GENDERS],
    ['age_group', AGES],
    ['reporter_role', ROLES],
    ['perpetrator_kind', KINDS],
  ] as const) {
    const value = pick(random, options);
    if (value) c[field] = value;
  }
  if (['resolved', 'not_discrimination', 'closed'].includes(status)) {
    c.outcome_date = `${year}-12-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
  }
  if (status === 'closed') c.closure_reason = pick(random, REASONS);
  if (status === 'referred' || random() < 0.15) {
    c.referral_institutions = [pick(random, INSTITUTIONS)];
  }
  return { ...c, ...over };
}

/**
 * The 2022–2024 report table: 52 reported (16, 19, 17), 18 resolved, 25 not discrimination,
 * 9 referred; 3, 3 and 4 meetings. The earlier platform recorded neither reporter role nor
 * perpetrator kind, nor gender or age: those stay blank (not recorded / not stated).
 */
export function reportTable2022to2024(local: LocalCodes = KOSOVO_CODES): DataSet {
  const random = seeded(2022);
  const plan: Record<number, Record<string, number>> = {
    2022: { resolved: 6, not_discrimination: 6, referred: 4 },
    2023: { resolved: 7, not_discrimination: 11, referred: 1 },
    2024: { resolved: 5, not_discrimination: 8, referred: 4 },
  };
  const cases: ImportCase[] = [];
  for (const [year, statuses] of Object.entries(plan)) {
    let n = 0;
    for (const [status, count] of Object.entries(statuses)) {
      for (let i = 0; i < count; i++) {
        const c = randomCase(random, `RT-${year}-${++n}`, Number(year), status);
        delete c.gender;
        delete c.age_group;
        delete c.reporter_role;
        delete c.perpetrator_kind;
        cases.push(localised(c, local));
      }
    }
  }
  return {
    name: 'report table 2022-2024',
    years: [2022, 2023, 2024],
    cases,
    meetings: [
      { year: 2022, meetings_held: 3 },
      { year: 2023, meetings_held: 3 },
      { year: 2024, meetings_held: 4 },
    ],
  };
}

/** An empty year, a year with a single Egyptian case in one municipality, an empty year. */
export function singleEgyptianCase(local: LocalCodes = KOSOVO_CODES): DataSet {
  const random = seeded(7);
  return {
    name: 'one Egyptian case between empty years',
    years: [2019, 2020, 2021],
    cases: [
      localised(
        randomCase(random, 'EG-1', 2020, 'resolved', {
          community: 'egyptian',
          municipality: 'gjakove',
          gender: 'female',
        }),
        local,
      ),
    ],
    meetings: [],
  };
}

/** Another country's codes for Kosovo's communities, municipalities and institutions. */
export type LocalCodes = (
  kind: 'community' | 'municipality' | 'institution',
  code: string,
) => string;

const KOSOVO_CODES: LocalCodes = (_kind, code) => code;

/** A case of the data, with another country's codes. */
function localised(c: ImportCase, local: LocalCodes): ImportCase {
  return {
    ...c,
    community: local('community', c.community),
    municipality: local('municipality', c.municipality),
    ...(c.referral_institutions
      ? { referral_institutions: c.referral_institutions.map((i) => local('institution', i)) }
      : {}),
  };
}

/** A random small data set of three years (0 to 30 cases a year), with referral answers. */
export function randomDataSet(
  seed: number,
  firstYear = 2021,
  local: LocalCodes = KOSOVO_CODES,
): DataSet {
  const random = seeded(seed);
  const localCase = (c: ImportCase): ImportCase => localised(c, local);
  const years = [firstYear, firstYear + 1, firstYear + 2];
  const cases: ImportCase[] = [];
  const extraCounters: Record<number, Record<string, number>> = {};
  for (const year of years) {
    const size = random() < 0.15 ? 0 : Math.floor(random() * 31);
    for (let i = 0; i < size; i++) {
      cases.push(
        localCase(randomCase(random, `R${seed}-${year}-${i}`, year, pick(random, STATUSES))),
      );
    }
    const counters: Record<string, number> = {};
    for (const [kosovoInstitution] of INSTITUTIONS) {
      const institution = local('institution', kosovoInstitution);
      if (random() < 0.4) continue;
      const sent = 1 + Math.floor(random() * 6);
      const onTime = Math.floor(random() * (sent + 1));
      const late = Math.floor(random() * (sent - onTime + 1));
      const complied = Math.floor(random() * (onTime + late + 1));
      const refused = Math.floor(random() * (onTime + late - complied + 1));
      counters[counterName('referral', institution, 'sent')] = sent;
      counters[counterName('referral', institution, 'answered_on_time')] = onTime;
      counters[counterName('referral', institution, 'answered_late')] = late;
      counters[counterName('referral', institution, 'complied')] = complied;
      counters[counterName('referral', institution, 'refused')] = refused;
    }
    extraCounters[year] = counters;
  }
  return {
    name: `random data set ${seed}`,
    years,
    cases,
    meetings: years.map((year) => ({ year, meetings_held: Math.floor(random() * 5) })),
    extraCounters,
  };
}

/** The unfiltered counts per year, as the import writes them (the same delta functions). */
export function countsOf(data: DataSet): Map<number, YearCounts> {
  const byYear = new Map<number, YearCounts>(data.years.map((y) => [y, emptyCounts()]));
  const add = (year: number, counts: YearCounts) =>
    addCounts(byYear.get(year) ?? byYear.set(year, emptyCounts()).get(year)!, counts);
  for (const c of data.cases) {
    const submittedAt = parseImportInstant(c.submitted_at)!;
    const year = Number(c.submitted_at.slice(0, 4));
    const facts = {
      year,
      submittedAt,
      community: c.community,
      primaryArea: c.primary_area,
      municipality: c.municipality,
      gender: c.gender ?? null,
      ageGroup: c.age_group ?? null,
      reporterRole: c.reporter_role ?? NOT_RECORDED,
      perpetratorKind: c.perpetrator_kind ?? NOT_RECORDED,
    };
    const change = statusChangeDeltas(facts, {
      from: 'submitted',
      to: c.status,
      at: c.outcome_date ? parseImportInstant(c.outcome_date)! : submittedAt,
      closureReason: c.closure_reason ?? null,
      previous: null,
    });
    const deltas = [
      ...submittedDeltas(facts, c.grounds),
      ...change.counters,
      ...importedReferralDeltas(facts, c.referral_institutions ?? []),
    ];
    for (const d of deltas) {
      if (d.scope !== ALL_SCOPE) continue;
      add(d.year, {
        counters: { [counterName(d.dimension, d.key, d.metric)]: d.delta },
        outcomeDays: {},
      });
    }
    for (const d of change.outcomeDays) {
      if (d.scope !== ALL_SCOPE) continue;
      add(d.year, { counters: {}, outcomeDays: { [String(d.days)]: d.delta } });
    }
  }
  for (const m of data.meetings) {
    add(m.year, {
      counters: { [counterName('meetings', 'all', 'held')]: m.meetings_held },
      outcomeDays: {},
    });
  }
  for (const [year, counters] of Object.entries(data.extraCounters ?? {})) {
    add(Number(year), { counters, outcomeDays: {} });
  }
  return byYear;
}
