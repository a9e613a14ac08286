/**
 * The report as a journey of short steps, one question group per page, for a phone without
 * JavaScript. The steps hold no state of their own: each page carries the answers given so far
 * in hidden fields of its form (see ReportStepsService for why), so the order and the fields of
 * each step are all the journey needs to know.
 */

/** The steps in the order a reporter meets them; `details` is the second page of `contact`. */
export const REPORT_STEPS = [
  'what',
  'where',
  'who',
  'you',
  'contact',
  'details',
  'evidence',
  'check',
] as const;
export type ReportStep = (typeof REPORT_STEPS)[number];

/** The steps the progress indicator counts ("Step 2 of 7"): the contact details are part of 5. */
export const COUNTED_STEPS: readonly ReportStep[] = [
  'what',
  'where',
  'who',
  'you',
  'contact',
  'evidence',
  'check',
];

/** The form fields each step asks, in the order of its page (the error summary's order). */
export const STEP_FIELDS: Record<ReportStep, readonly string[]> = {
  what: ['description'],
  where: ['municipality', 'incidentDate', 'primaryArea'],
  who: ['perpetratorKind', 'grounds'],
  you: [
    'community',
    'reporterRole',
    'gender',
    'ageGroup',
    'preferredLanguage',
    'helperKind',
    'helperName',
  ],
  contact: ['anonymous'],
  details: [
    'contact',
    'contactName',
    'contactEmail',
    'contactPhone',
    'consentToContact',
    'consentToShareIdentity',
  ],
  evidence: ['evidence'],
  check: [],
};

/** The answers that exist only for a reporter who wants to be contacted. */
export const CONTACT_FIELDS = STEP_FIELDS.details.filter((field) => field !== 'contact');

/** Every answer field, in form order. */
export const ANSWER_FIELDS: readonly string[] = REPORT_STEPS.flatMap((step) =>
  STEP_FIELDS[step].filter((field) => field !== 'contact' && field !== 'evidence'),
);

/**
 * How long a report being written keeps its evidence files: a reporter may stop and come back
 * to the open page within the day; after this the handles are refused and the files deleted.
 */
export const REPORT_DRAFT_TTL_MS = 24 * 60 * 60 * 1000;

export function isReportStep(value: string | undefined): value is ReportStep {
  return (REPORT_STEPS as readonly string[]).includes(value ?? '');
}

/** Whether the reporter chose to be contacted (the `details` page is then part of the way). */
function wantsContact(answers: Record<string, string[]>): boolean {
  return answers.anonymous?.[0] === 'no';
}

/** The step after `step`, given the answers (the contact details only for "contacted"). */
export function nextStep(step: ReportStep, answers: Record<string, string[]>): ReportStep {
  if (step === 'contact') return wantsContact(answers) ? 'details' : 'evidence';
  const index = REPORT_STEPS.indexOf(step);
  return REPORT_STEPS[Math.min(index + 1, REPORT_STEPS.length - 1)];
}

/** The step before `step` (the first step is its own: the journey has nothing before it). */
export function previousStep(step: ReportStep, answers: Record<string, string[]>): ReportStep {
  if (step === 'evidence') return wantsContact(answers) ? 'details' : 'contact';
  const index = REPORT_STEPS.indexOf(step);
  return REPORT_STEPS[Math.max(index - 1, 0)];
}

/** The step that asks `field` (for the error summary of a refused "Send"). */
export function stepOf(field: string): ReportStep | undefined {
  return REPORT_STEPS.find((step) => STEP_FIELDS[step].includes(field));
}

/** "Step n of m": the contact details count as the contact step. */
export function progress(step: ReportStep): { number: number; of: number } {
  const counted = step === 'details' ? 'contact' : step;
  return { number: COUNTED_STEPS.indexOf(counted) + 1, of: COUNTED_STEPS.length };
}
