import { InvalidValue, SectionSpec, env } from '../env-schema';

/**
 * Service targets of the case clocks (DESIGN §7a), in working days (weekends and the public
 * holidays of the `public_holidays` table do not count). They are policy the Office sets once
 * and changes rarely, by deployment: validated at start-up like every other setting, so a
 * wrong target stops the app instead of silently mis-dating every case.
 */
export const clocksSection = {
  triageDays: env.int(
    'CLOCK_TRIAGE_DAYS',
    'Working days from a report to its triage (acknowledged and looked at by an administrator)',
    { default: '5', min: 1, max: 250 },
  ),
  assignmentDays: env.int(
    'CLOCK_ASSIGNMENT_DAYS',
    'Working days from the start of triage to the assignment of a legal expert',
    { default: '5', min: 1, max: 250 },
  ),
  assessmentDays: env.int(
    'CLOCK_ASSESSMENT_DAYS',
    'Working days from the assignment to a decision, a referral or a place on a Technical Group agenda',
    { default: '30', min: 1, max: 250 },
  ),
  technicalGroupDays: env.int(
    'CLOCK_TECHNICAL_GROUP_DAYS',
    'Working days from putting a case before the Technical Group to its decision',
    { default: '90', min: 1, max: 500 },
  ),
  institutionAnswerDays: env.int(
    'CLOCK_INSTITUTION_ANSWER_DAYS',
    "Working days from a referral to the institution's answer",
    { default: '30', min: 1, max: 250 },
  ),
  closingDays: env.int(
    'CLOCK_CLOSING_DAYS',
    "Working days from the institution's answer to the case's final decision",
    { default: '10', min: 1, max: 250 },
  ),
  reminderDaysBefore: env.int(
    'CLOCK_REMINDER_DAYS_BEFORE',
    'Working days before a due date when the person responsible gets a reminder (0: none before)',
    { default: '2', min: 0, max: 60 },
  ),
  reporterWaitDays: env.int(
    'CLOCK_REPORTER_WAIT_DAYS',
    "Working days a case's clock stays paused for the reporter's answer before it runs again",
    { default: '15', min: 1, max: 250 },
  ),
  checkCron: env.custom(
    'CLOCK_CHECK_CRON',
    'When the daily check of case clocks (reminders, breaches, the digest to administrators) runs (cron, the installation’s time zone)',
    (raw) => {
      if (!/^\S+( \S+){4,5}$/.test(raw.trim()))
        throw new InvalidValue('must be a cron pattern of 5 or 6 fields');
      return raw.trim();
    },
    { default: '0 8 * * *' },
  ),
} as const satisfies SectionSpec;
