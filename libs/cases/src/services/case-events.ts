import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { CaseStatus } from '../domain/case-status.machine';
import type { ReferralOutcome } from '../domain/referral-rules';
import type { Case } from '../entities/case.entity';

export interface CaseSubmittedEvent {
  /** The stored row; contact fields are ciphertext. */
  case: Case;
  grounds: readonly string[];
}

export interface CaseStatusChangedEvent {
  case: Case;
  from: CaseStatus;
  to: CaseStatus;
  at: Date;
  actorId: string | null;
  reason: string | null;
}

export interface CaseMessagePostedEvent {
  caseId: string;
  reference: string;
  author: 'reporter' | 'staff';
  messageId: string;
}

export interface ReferralsCreatedEvent {
  caseId: string;
  referrals: { id: string; institutionCode: string; responseDueDate: string; sentAt: Date }[];
}

export interface ReferralAnsweredEvent {
  caseId: string;
  referralId: string;
  institutionCode: string;
  outcome: ReferralOutcome;
  answeredAt: Date;
  /** The response due date (YYYY-MM-DD), to tell answers in time from late ones. */
  dueDate: string;
}

/**
 * Someone who reacts to cases inside the same transaction (statistics counts, staff alerts),
 * so the reaction commits with the change or not at all. Every method is optional.
 */
export interface CaseEventListener {
  afterSubmitted?(manager: EntityManager, event: CaseSubmittedEvent): Promise<void>;
  afterStatusChanged?(manager: EntityManager, event: CaseStatusChangedEvent): Promise<void>;
  afterMessagePosted?(manager: EntityManager, event: CaseMessagePostedEvent): Promise<void>;
  afterReferralsCreated?(manager: EntityManager, event: ReferralsCreatedEvent): Promise<void>;
  afterReferralAnswered?(manager: EntityManager, event: ReferralAnsweredEvent): Promise<void>;
}

/**
 * The cases lib announces what happens to cases; other libs register listeners at start-up
 * (`onModuleInit`), so cases needs to know none of them.
 */
@Injectable()
export class CaseEvents {
  private readonly listeners: CaseEventListener[] = [];

  register(listener: CaseEventListener): void {
    this.listeners.push(listener);
  }

  async submitted(manager: EntityManager, event: CaseSubmittedEvent): Promise<void> {
    for (const listener of this.listeners) await listener.afterSubmitted?.(manager, event);
  }

  async statusChanged(manager: EntityManager, event: CaseStatusChangedEvent): Promise<void> {
    for (const listener of this.listeners) await listener.afterStatusChanged?.(manager, event);
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
}
