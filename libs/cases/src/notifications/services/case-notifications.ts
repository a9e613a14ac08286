import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { FieldCipher, Locale } from '@app/core';
import { StaffDirectory, StaffMember } from '@app/identity';
import { NotificationOutbox, OutboxItem } from '@app/notifications';
import { TaxonomyService } from '@app/taxonomy';
import { displayDate } from '../../common/domain/display-date';
import {
  CaseEventListener,
  CaseMessagePostedEvent,
  CaseReassignedEvent,
  CaseSnapshot,
  CaseStatusChangedEvent,
  CaseSubmittedEvent,
  ReferralAnsweredEvent,
  ReferralOverdueEvent,
  ReferralsCreatedEvent,
} from '../../workflow/services/case-events';
import { CaseLinks } from './case-links';
import { institutionLabel } from '../../referrals/services/institution-label';

/** Institutions are written to in the official language; their pages offer the switcher. */
const INSTITUTION_LOCALE: Locale = 'sq';

/**
 * Every email a case change causes, written in the transaction of the change (outbox):
 * to the reporter (receipt, status changes, a staff message; only with an address, consent, and
 * data not erased; neutral words and the follow-up link only), to staff (a new case to the administrators, an assignment, a reporter's
 * message, a referral answered or overdue: the legal expert of the case, or the administrators
 * while it has none), to the community mediator following a report (a staff reply: that a
 * message waits, nothing of it) and to institutions (the referral and its overdue reminder). Staff emails
 * are in each member's language and name the case by its reference only.
 */
@Injectable()
export class CaseNotifications implements CaseEventListener {
  constructor(
    private readonly cipher: FieldCipher,
    private readonly staff: StaffDirectory,
    private readonly outbox: NotificationOutbox,
    private readonly taxonomy: TaxonomyService,
    private readonly links: CaseLinks,
  ) {}

  async afterSubmitted(manager: EntityManager, event: CaseSubmittedEvent): Promise<void> {
    const row = event.case;
    const admins = await this.staff.activeAdministrators(manager);
    await this.outbox.add(manager, [
      ...this.toReporter(row, (to) => ({
        template: 'case_received',
        locale: row.preferredLocale,
        to,
        params: { followUpUrl: this.links.followUp() },
        caseId: row.id,
      })),
      ...admins.map((admin): OutboxItem => ({
        template: 'case_submitted_staff',
        locale: admin.locale,
        to: admin.email,
        params: { reference: row.reference, caseUrl: this.links.staffCase(row.id) },
        caseId: row.id,
      })),
    ]);
  }

  async afterStatusChanged(manager: EntityManager, event: CaseStatusChangedEvent): Promise<void> {
    const row = event.case;
    // A withdrawal is the reporter's own step: nobody needs telling.
    if (event.by === 'reporter') return;
    const assigneeId =
      event.from === 'in_review' && event.to === 'assigned' ? row.assigneeId : null;
    const expert = assigneeId ? await this.staff.findActive(assigneeId, manager) : null;
    await this.outbox.add(manager, [
      // A step on the way to the next in one action: one e-mail, of the status it ends in.
      ...(event.tellReporter === false
        ? []
        : this.toReporter(row, (to) => ({
            template: 'status_changed_reporter',
            locale: row.preferredLocale,
            to,
            params: { followUpUrl: this.links.followUp() },
            caseId: row.id,
          }))),
      ...(expert ? [this.assignment(row, expert)] : []),
    ]);
  }

  async afterReassigned(manager: EntityManager, event: CaseReassignedEvent): Promise<void> {
    const expert = event.case.assigneeId
      ? await this.staff.findActive(event.case.assigneeId, manager)
      : null;
    if (expert) await this.outbox.add(manager, [this.assignment(event.case, expert)]);
  }

  async afterMessagePosted(manager: EntityManager, event: CaseMessagePostedEvent): Promise<void> {
    const row = event.case;
    if (event.author === 'staff') {
      await this.outbox.add(manager, [
        ...this.toReporter(row, (to) => ({
          template: 'expert_message_reporter',
          locale: row.preferredLocale,
          to,
          params: { followUpUrl: this.links.followUp() },
          caseId: row.id,
        })),
        ...(await this.toFollowingMediator(manager, row)),
      ]);
      return;
    }
    await this.outbox.add(
      manager,
      (await this.handlers(manager, row)).map((member): OutboxItem => ({
        template: 'reporter_message_staff',
        locale: member.locale,
        to: member.email,
        params: { reference: row.reference, caseUrl: this.links.staffCase(row.id) },
        caseId: row.id,
      })),
    );
  }

  async afterReferralsCreated(manager: EntityManager, event: ReferralsCreatedEvent): Promise<void> {
    const snapshot = await this.taxonomy.snapshot();
    await this.outbox.add(
      manager,
      event.referrals
        .filter((referral) => referral.contactEmail)
        .map((referral): OutboxItem => ({
          template: 'referral_sent',
          locale: INSTITUTION_LOCALE,
          to: referral.contactEmail as string,
          params: {
            reference: event.case.reference,
            institution: institutionLabel(snapshot, referral, INSTITUTION_LOCALE),
            dueDate: displayDate(`${referral.responseDueDate}T12:00:00Z`),
            responseUrl: referral.responseUrl,
          },
          caseId: event.case.id,
        })),
    );
  }

  async afterReferralAnswered(manager: EntityManager, event: ReferralAnsweredEvent): Promise<void> {
    const snapshot = await this.taxonomy.snapshot();
    await this.outbox.add(
      manager,
      (await this.handlers(manager, event.case)).map((member): OutboxItem => ({
        template: 'referral_answered',
        locale: member.locale,
        to: member.email,
        params: {
          reference: event.case.reference,
          institution: institutionLabel(snapshot, event, member.locale),
          caseUrl: this.links.staffCase(event.case.id),
        },
        caseId: event.case.id,
      })),
    );
  }

  async afterReferralOverdue(manager: EntityManager, event: ReferralOverdueEvent): Promise<void> {
    const snapshot = await this.taxonomy.snapshot();
    const row = event.case;
    const dueDate = displayDate(`${event.dueDate}T12:00:00Z`);
    const items: OutboxItem[] = [];
    if (event.reminder) {
      items.push({
        template: 'referral_overdue_institution',
        locale: INSTITUTION_LOCALE,
        to: event.reminder.contactEmail,
        params: {
          reference: row.reference,
          institution: institutionLabel(snapshot, event, INSTITUTION_LOCALE),
          dueDate,
          responseUrl: event.reminder.responseUrl,
        },
        caseId: row.id,
      });
    }
    for (const member of await this.handlers(manager, row)) {
      items.push({
        template: 'referral_overdue_staff',
        locale: member.locale,
        to: member.email,
        params: {
          reference: row.reference,
          institution: institutionLabel(snapshot, event, member.locale),
          dueDate,
          caseUrl: this.links.staffCase(row.id),
        },
        caseId: row.id,
      });
    }
    await this.outbox.add(manager, items);
  }

  /** The legal expert's email when a case is assigned to them (in their language). */
  private assignment(row: CaseSnapshot, expert: StaffMember): OutboxItem {
    return {
      template: 'case_assigned',
      locale: expert.locale,
      to: expert.email,
      params: { reference: row.reference, caseUrl: this.links.staffCase(row.id) },
      caseId: row.id,
    };
  }

  /** An email to the reporter, when they gave an address, agreed to be contacted and it is not erased. */
  private toReporter(row: CaseSnapshot, item: (to: string) => OutboxItem): OutboxItem[] {
    if (!row.contactEmailEnc || !row.consentContact || row.personalDataErasedAt) return [];
    return [item(this.cipher.decrypt(row.contactEmailEnc, row.id))];
  }

  /**
   * The community mediator who filed the report, while the person lets them follow it (not
   * withdrawn, data not erased) and they can still sign in: the reference and the link only.
   */
  private async toFollowingMediator(
    manager: EntityManager,
    row: CaseSnapshot,
  ): Promise<OutboxItem[]> {
    if (!row.filedByAccountId || !row.mediatorMayFollow || row.personalDataErasedAt) return [];
    const mediator = await this.staff.reachableMediator(row.filedByAccountId, manager);
    if (!mediator) return [];
    return [
      {
        template: 'mediator_message',
        locale: mediator.locale,
        to: mediator.email,
        params: { reference: row.reference, reportUrl: this.links.partnerReport(row.reference) },
        caseId: row.id,
      },
    ];
  }

  /** The legal expert of the case; the administrators when it has none (or they left). */
  private async handlers(manager: EntityManager, row: CaseSnapshot): Promise<StaffMember[]> {
    const expert = row.assigneeId ? await this.staff.findActive(row.assigneeId, manager) : null;
    return expert ? [expert] : this.staff.activeAdministrators(manager);
  }
}
