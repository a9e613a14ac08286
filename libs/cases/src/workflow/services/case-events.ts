import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { CaseStatus } from '../domain/case-status.machine';
import type { HistoryActorKind } from '../domain/history-actor';
import type { ReferralOutcome } from '../../referrals/domain/referral-rules';
import type { Case } from '../../common/entities/case.entity';

/**
 * The case as listeners see it: the row as it stands after the change, in the transaction of
 * the change (contact fields are ciphertext). Listeners read it; they never query `cases`.
 */
export type CaseSnapshot = Readonly<Case>;

export interface CaseSubmittedEvent {
  case: CaseSnapshot;
  grounds: readonly string[];
}

export interface CaseStatusChangedEvent {
  case: CaseSnapshot;
  from: CaseStatus;
  to: CaseStatus;
  at: Date;
  /** Who took the step: `staff`, `meeting` (a decision) or `reporter` (a withdrawal). */
  by: Extract<HistoryActorKind, 'staff' | 'meeting' | 'reporter'>;
  actorId: string | null;
  reason: string | null;
  /** False: a step on the way to the next one in the same action; the reporter is told of that one. */
  tellReporter?: boolean;
}

export interface CaseReassignedEvent {
  case: CaseSnapshot;
  previousAssigneeId: string | null;
  at: Date;
}

export interface CaseMessagePostedEvent {
  case: CaseSnapshot;
  /** A mediator's message counts as the reporter's side (staff are told, the clock runs). */
  author: 'reporter' | 'staff' | 'mediator';
  messageId: string;
}

export interface SentReferral {
  id: string;
  institutionCode: string;
  municipalityCode: string | null;
  responseDueDate: string;
  sentAt: Date;
  /** Where the response link goes; null when the legal expert gave no address. */
  contactEmail: string | null;
  /** The single-use link, kept only as a hash: this event is the one chance to send it. */
  responseUrl: string;
}

export interface ReferralsCreatedEvent {
  case: CaseSnapshot;
  referrals: SentReferral[];
  /** Institutions this case had been referred to before these referrals (live ones). */
  earlierInstitutionCodes: string[];
}

export interface ReferralAnsweredEvent {
  case: CaseSnapshot;
  referralId: string;
  institutionCode: string;
  municipalityCode: string | null;
  outcome: ReferralOutcome;
  sentAt: Date;
  answeredAt: Date;
  /** The response due date (YYYY-MM-DD), to tell answers in time from late ones. */
  dueDate: string;
}

export interface ReferralOverdueEvent {
  case: CaseSnapshot;
  referralId: string;
  institutionCode: string;
  municipalityCode: string | null;
  dueDate: string;
  at: Date;
  /** The institution's address and a new response link, when it gave an address. */
  reminder: { contactEmail: string; responseUrl: string } | null;
}

/**
 * Someone who reacts to cases inside the same transaction (statistics counts, emails), so the
 * reaction commits with the change or not at all. Every method is optional. Listeners are
 * wired where an app is composed (`CaseEventsModule.forRoot({ listeners })`).
 */
export interface CaseEventListener {
  /**
   * True on the one listener that keeps the published case counts (statistics). Every process
   * that can change a case must have exactly one, or the figures silently drift.
   */
  readonly keepsCaseCounts?: boolean;
  afterSubmitted?(manager: EntityManager, event: CaseSubmittedEvent): Promise<void>;
  afterStatusChanged?(manager: EntityManager, event: CaseStatusChangedEvent): Promise<void>;
  afterReassigned?(manager: EntityManager, event: CaseReassignedEvent): Promise<void>;
  afterMessagePosted?(manager: EntityManager, event: CaseMessagePostedEvent): Promise<void>;
  afterReferralsCreated?(manager: EntityManager, event: ReferralsCreatedEvent): Promise<void>;
  afterReferralAnswered?(manager: EntityManager, event: ReferralAnsweredEvent): Promise<void>;
  afterReferralOverdue?(manager: EntityManager, event: ReferralOverdueEvent): Promise<void>;
}

/** The listeners of case events, in the order they run; provided by `CaseEventsModule.forRoot`. */
export const CASE_EVENT_LISTENERS = Symbol('CASE_EVENT_LISTENERS');

export class CaseEventsCompositionError extends Error {}

/**
 * Refuses a composition in which case changes would not be counted exactly once; the message
 * names the listeners that are wired and what to add.
 */
export function checkCaseEventListeners(listeners: readonly CaseEventListener[]): void {
  const counting = listeners.filter((listener) => listener.keepsCaseCounts === true);
  const wired = listeners.map((listener) => listener.constructor.name).join(', ') || 'none';
  if (counting.length === 0) {
    throw new CaseEventsCompositionError(
      `Case events: no listener keeps the case statistics (listeners: ${wired}). This process ` +
        `can change cases, and its changes would be missing from the published figures: add ` +
        `StatisticsCaseListener to CaseEventsModule.forRoot({ listeners }) where the app is composed.`,
    );
  }
  if (counting.length > 1) {
    throw new CaseEventsCompositionError(
      `Case events: ${counting.length} listeners keep the case statistics (listeners: ${wired}); ` +
        `every change would be counted ${counting.length} times. Wire StatisticsCaseListener once.`,
    );
  }
}

/**
 * The cases lib announces what happens to cases; it knows none of its listeners, which the app
 * hands it where it is composed. Each announcement runs every listener in the caller's
 * transaction, in order.
 */
@Injectable()
export class CaseEvents implements OnModuleInit {
  constructor(
    @Inject(CASE_EVENT_LISTENERS) private readonly listeners: readonly CaseEventListener[],
  ) {}

  onModuleInit(): void {
    checkCaseEventListeners(this.listeners);
  }

  async submitted(manager: EntityManager, event: CaseSubmittedEvent): Promise<void> {
    for (const listener of this.listeners) await listener.afterSubmitted?.(manager, event);
  }

  async statusChanged(manager: EntityManager, event: CaseStatusChangedEvent): Promise<void> {
    for (const listener of this.listeners) await listener.afterStatusChanged?.(manager, event);
  }

  async reassigned(manager: EntityManager, event: CaseReassignedEvent): Promise<void> {
    for (const listener of this.listeners) await listener.afterReassigned?.(manager, event);
  }

  async messagePosted(manager: EntityManager, event: CaseMessagePostedEvent): Promise<void> {
    for (const listener of this.listeners) await listener.afterMessagePosted?.(manager, event);
  }

  async referralsCreated(manager: EntityManager, event: ReferralsCreatedEvent): Promise<void> {
    for (const listener of this.listeners) await listener.afterReferralsCreated?.(manager, event);
  }

  async referralAnswered(manager: EntityManager, event: ReferralAnsweredEvent): Promise<void> {
    for (const listener of this.listeners) await listener.afterReferralAnswered?.(manager, event);
  }

  async referralOverdue(manager: EntityManager, event: ReferralOverdueEvent): Promise<void> {
    for (const listener of this.listeners) await listener.afterReferralOverdue?.(manager, event);
  }
}
