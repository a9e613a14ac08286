import { type FieldError, isContactEmail, textLengthErrors } from '@app/core';
import {
  CLOSURE_REASONS,
  isDecidedStatus,
  requirementsOf,
  type CaseStatus,
  type ClosureReason,
  type TransitionActor,
} from './case-status.machine';
import { isCalendarDate } from '../../referrals/domain/referral-rules';
import {
  type ContactPointFacts,
  isActiveOn,
  servesReferral,
} from '../../directory/domain/contact-point-rules';

export const REASON_MAX_LENGTH = 5000;
export const RECOMMENDATION_LENGTH = { min: 10, max: 5000 } as const;
/** The summary an institution reads instead of the reporter's words. */
export const REFERRAL_SUMMARY_LENGTH = { min: 20, max: 5000 } as const;
export const MAX_REFERRALS = 20;
/** The legal expert's message to the reporter about a decision: short, in plain words. */
export const OUTCOME_MESSAGE_LENGTH = { min: 20, max: 2000 } as const;

/** A referral as given with a step to `referred`. */
export interface ReferralDraft {
  institutionCode: string;
  municipalityCode?: string | null;
  recommendation: string;
  /**
   * The case told for the institution by the legal expert: without the reporter's consent it is
   * all the institution learns of the facts, so it must not tell who reported.
   */
  summary: string;
  responseDueDate: string;
  /** The directory's contact point the referral goes to (its e-mail address gets the link). */
  contactPointId?: string | null;
  /** A one-off address, not in the directory: only with `oneOffConfirmed`. */
  contactEmail?: string | null;
  /** The one-off address typed a second time: it must be the same. */
  contactEmailRepeat?: string | null;
  /** The second, explicit confirmation that a one-off address was checked. */
  oneOffConfirmed?: boolean | null;
}

/** What a step may carry besides its target. */
export interface TransitionDraft {
  reason?: string | null;
  assigneeId?: string;
  closureReason?: string;
  referrals?: readonly ReferralDraft[];
  outcomeMessage?: string | null;
}

/** The lookups the rules need, answered by the caller (reference data, staff directory). */
export interface RequirementLookups {
  /** Today in the installation's time zone (YYYY-MM-DD): a response due date must come after it. */
  today: string;
  isInstitution(code: string): boolean;
  isMunicipality(code: string): boolean;
  /** Whether this id is an active legal expert. */
  isActiveLegalExpert(id: string): boolean;
  /** Whether a text for an institution could tell who reported (see identity-in-text). */
  revealsIdentity(text: string): boolean;
  /** The directory's contact point of this id, whatever its window; null when unknown. */
  contactPoint(id: string): ContactPointFacts | null;
}

function error(field: string, code: string, params?: Record<string, string | number>): FieldError {
  return { field, code, messageKey: `validation.${code}`, params };
}

/**
 * Every missing or wrong field of a step, at once (the form shows them all). An empty list
 * means the step has what it needs.
 */
export function checkTransitionRequirements(
  from: CaseStatus,
  to: CaseStatus,
  draft: TransitionDraft,
  lookups: RequirementLookups,
  by: TransitionActor = 'legal_expert',
): FieldError[] {
  const needs = requirementsOf(from, to, by);
  const errors: FieldError[] = [];
  const reason = draft.reason?.trim() ?? '';
  if (needs.reason && reason.length === 0) errors.push(error('reason', 'isNotEmpty'));
  if (reason.length > REASON_MAX_LENGTH) {
    errors.push(error('reason', 'maxLength', { 0: REASON_MAX_LENGTH }));
  }
  if (needs.assignee) {
    if (!draft.assigneeId) errors.push(error('assigneeId', 'isDefined'));
    else if (!lookups.isActiveLegalExpert(draft.assigneeId)) {
      errors.push(error('assigneeId', 'isActiveLegalExpert'));
    }
  }
  if (needs.closureReason) {
    if (!draft.closureReason) errors.push(error('closureReason', 'isDefined'));
    else if (!(CLOSURE_REASONS as readonly string[]).includes(draft.closureReason)) {
      errors.push(error('closureReason', 'isIn', { 0: CLOSURE_REASONS.join(', ') }));
    }
  }
  if (needs.referral) errors.push(...checkReferrals(draft.referrals ?? [], lookups));
  errors.push(...checkOutcomeMessage(to, draft.outcomeMessage, needs.outcomeMessage));
  return errors;
}

/**
 * The message is required where the step needs it (its own message names what is missing),
 * may be given on any other decision, and belongs to no other step.
 */
function checkOutcomeMessage(
  to: CaseStatus,
  message: string | null | undefined,
  required: boolean,
): FieldError[] {
  const text = message?.trim() ?? '';
  if (text.length === 0) {
    return required
      ? [{ field: 'outcomeMessage', code: 'isNotEmpty', messageKey: 'validation.outcomeMessage' }]
      : [];
  }
  if (!isDecidedStatus(to)) return [error('outcomeMessage', 'onlyForDecision')];
  return textLengthErrors(
    'outcomeMessage',
    text,
    OUTCOME_MESSAGE_LENGTH.min,
    OUTCOME_MESSAGE_LENGTH.max,
  );
}

function checkReferrals(
  referrals: readonly ReferralDraft[],
  lookups: RequirementLookups,
): FieldError[] {
  if (referrals.length === 0) return [error('referrals', 'arrayMinSize', { 0: 1 })];
  if (referrals.length > MAX_REFERRALS) {
    return [error('referrals', 'arrayMaxSize', { 0: MAX_REFERRALS })];
  }
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  referrals.forEach((referral, index) => {
    const at = (field: string) => `referrals.${index}.${field}`;
    const institution = referral.institutionCode ?? '';
    if (!institution) errors.push(error(at('institutionCode'), 'isDefined'));
    else if (!lookups.isInstitution(institution)) {
      errors.push(error(at('institutionCode'), 'isKnownCode'));
    }
    const municipality = referral.municipalityCode ?? null;
    if (institution === 'municipality') {
      if (!municipality) errors.push(error(at('municipalityCode'), 'isDefined'));
      else if (!lookups.isMunicipality(municipality)) {
        errors.push(error(at('municipalityCode'), 'isKnownCode'));
      }
    } else if (municipality) {
      errors.push(error(at('municipalityCode'), 'onlyForMunicipality'));
    }
    const key = `${institution}:${municipality ?? ''}`;
    if (institution && seen.has(key)) errors.push(error(at('institutionCode'), 'arrayUnique'));
    seen.add(key);
    // Counted as a reader counts letters, like every other free text (see @app/core text).
    const recommendation = referral.recommendation?.trim() ?? '';
    errors.push(
      ...textLengthErrors(
        at('recommendation'),
        recommendation,
        RECOMMENDATION_LENGTH.min,
        RECOMMENDATION_LENGTH.max,
      ),
    );
    const summary = referral.summary?.trim() ?? '';
    const summaryErrors = textLengthErrors(
      at('summary'),
      summary,
      REFERRAL_SUMMARY_LENGTH.min,
      REFERRAL_SUMMARY_LENGTH.max,
    );
    errors.push(...summaryErrors);
    if (summaryErrors.length === 0 && lookups.revealsIdentity(summary)) {
      errors.push(error(at('summary'), 'revealsIdentity'));
    }
    const due = referral.responseDueDate ?? '';
    if (!isCalendarDate(due)) errors.push(error(at('responseDueDate'), 'isDateString'));
    else if (due <= lookups.today) errors.push(error(at('responseDueDate'), 'isAfterToday'));
    errors.push(...checkRecipient(referral, lookups, at));
  });
  return errors;
}

/**
 * A referral goes to a contact point of the directory (active today, of the referral's
 * institution), or to a one-off address only with a second, explicit confirmation; never to
 * both, never to neither.
 */
function checkRecipient(
  referral: ReferralDraft,
  lookups: RequirementLookups,
  at: (field: string) => string,
): FieldError[] {
  const pointId = referral.contactPointId?.trim() || null;
  const email = referral.contactEmail?.trim() || null;
  if (pointId && email) return [error(at('contactEmail'), 'oneRecipientOnly')];
  if (pointId) {
    const point = lookups.contactPoint(pointId);
    if (!point) return [error(at('contactPointId'), 'isKnownContactPoint')];
    if (!isActiveOn(point, lookups.today)) {
      return [error(at('contactPointId'), 'contactPointNotActive')];
    }
    if (referral.institutionCode && !servesReferral(point, referral)) {
      return [error(at('contactPointId'), 'contactPointOtherInstitution')];
    }
    return [];
  }
  if (email) {
    if (!isContactEmail(email)) return [error(at('contactEmail'), 'isEmail')];
    const problems: FieldError[] = [];
    // Typed twice, so that a typo does not send the answer link to a stranger.
    const repeat = referral.contactEmailRepeat?.trim() || '';
    if (repeat.toLowerCase() !== email.toLowerCase()) {
      problems.push(error(at('contactEmailRepeat'), 'oneOffRepeatDiffers'));
    }
    if (referral.oneOffConfirmed !== true) {
      problems.push(error(at('oneOffConfirmed'), 'oneOffNotConfirmed'));
    }
    return problems;
  }
  return [error(at('contactPointId'), 'recipientRequired')];
}

export function isClosureReason(value: string | undefined): value is ClosureReason {
  return value !== undefined && (CLOSURE_REASONS as readonly string[]).includes(value);
}
