import { SectionSpec, env } from '../env-schema';

export const casesSection = {
  evidenceMaxFiles: env.int('EVIDENCE_MAX_FILES', 'Evidence files a case may hold', {
    default: '5',
    min: 1,
    max: 50,
  }),
  evidenceMaxFileBytes: env.int('EVIDENCE_MAX_FILE_BYTES', 'Largest evidence file, in bytes', {
    default: '10485760',
    min: 1024,
  }),
  evidenceMaxTotalBytes: env.int(
    'EVIDENCE_MAX_TOTAL_BYTES',
    'Largest total size of the evidence files of one case, in bytes',
    { default: '26214400', min: 1024 },
  ),
  intakeRateLimit: env.int('INTAKE_RATE_LIMIT', 'Reports one client may submit per window', {
    default: '20',
    min: 1,
  }),
  intakeRateWindowSeconds: env.int(
    'INTAKE_RATE_WINDOW_SECONDS',
    'Window of the intake rate limit, in seconds',
    { default: '3600', min: 1 },
  ),
  mediatorReportsPerDay: env.int(
    'MEDIATOR_REPORTS_PER_DAY',
    'Reports one community mediator account may file in 24 hours (instead of the per-address intake limit)',
    { default: '30', min: 1, max: 1000 },
  ),
  followUpRateLimit: env.int(
    'FOLLOW_UP_RATE_LIMIT',
    'Follow-up sign-ins (reference + receipt code) one client may try per window',
    { default: '30', min: 1 },
  ),
  followUpRateWindowSeconds: env.int(
    'FOLLOW_UP_RATE_WINDOW_SECONDS',
    'Window of the follow-up rate limit, in seconds',
    { default: '900', min: 1 },
  ),
  followUpMaxAttempts: env.int(
    'FOLLOW_UP_MAX_ATTEMPTS',
    'Wrong receipt codes in a row from one client that lock that client out of a case reference',
    { default: '5', min: 1, max: 100 },
  ),
  followUpLockMinutes: env.int(
    'FOLLOW_UP_LOCK_MINUTES',
    'How long a client stays locked out of a case reference after too many wrong codes, in minutes; also the window of FOLLOW_UP_REFERENCE_FAILURES',
    { default: '15', min: 1 },
  ),
  followUpReferenceFailures: env.int(
    'FOLLOW_UP_REFERENCE_FAILURES',
    'Wrong receipt codes for one case reference from all clients within FOLLOW_UP_LOCK_MINUTES after which the reference counts as under attack: staff see it, and clients that already failed on it wait a growing delay',
    { default: '20', min: 2, max: 10000 },
  ),
  followUpBackoffMaxSeconds: env.int(
    'FOLLOW_UP_BACKOFF_MAX_SECONDS',
    'Longest delay between attempts on a case reference under attack, for clients that already failed on it, in seconds',
    { default: '60', min: 1, max: 3600 },
  ),
  followUpSessionIdleMinutes: env.int(
    'FOLLOW_UP_SESSION_IDLE_MINUTES',
    'A reporter stays signed in to the follow-up pages this long without activity, in minutes',
    { default: '30', min: 1, max: 1440 },
  ),
  followUpSessionAbsoluteHours: env.int(
    'FOLLOW_UP_SESSION_ABSOLUTE_HOURS',
    'A follow-up session ends this many hours after sign-in with the receipt code, however active',
    { default: '2', min: 1, max: 24 },
  ),
  referralLinkGraceDays: env.int(
    'REFERRAL_LINK_GRACE_DAYS',
    "An institution's referral response link works this many days after the response due date",
    { default: '30', min: 0, max: 365 },
  ),
} as const satisfies SectionSpec;
