import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { StaffDirectory, StaffMember } from '@app/identity';
import { NotificationOutbox } from '@app/notifications';
import { CaseEvents, CaseMessagePostedEvent, CaseSubmittedEvent } from './case-events';
import { CaseLinks } from './case-links';

/**
 * Emails to staff about cases, written in the transaction of what causes them: a new case to
 * every active administrator, a reporter's message to the legal expert of the case (or the
 * administrators while it has none). Staff emails are in each member's language and name the
 * case by its reference only.
 */
@Injectable()
export class CaseStaffNotifications implements OnModuleInit {
  constructor(
    private readonly events: CaseEvents,
    private readonly staff: StaffDirectory,
    private readonly outbox: NotificationOutbox,
    private readonly links: CaseLinks,
  ) {}

  onModuleInit(): void {
    this.events.register({
      afterSubmitted: (manager, event) => this.caseSubmitted(manager, event),
      afterMessagePosted: (manager, event) => this.messagePosted(manager, event),
    });
  }

  private async caseSubmitted(manager: EntityManager, event: CaseSubmittedEvent): Promise<void> {
    const admins = await this.staff.activeAdministrators(manager);
    await this.outbox.add(
      manager,
      admins.map((admin) => ({
        template: 'case_submitted_staff' as const,
        locale: admin.locale,
        to: admin.email,
        params: { reference: event.case.reference, caseUrl: this.links.staffCase(event.case.id) },
        caseId: event.case.id,
      })),
    );
  }

  private async messagePosted(
    manager: EntityManager,
    event: CaseMessagePostedEvent,
  ): Promise<void> {
    if (event.author !== 'reporter') return;
    const [row] = (await manager.query(`SELECT assignee_id FROM cases WHERE id = $1`, [
      event.caseId,
    ])) as { assignee_id: string | null }[];
    const expert = row?.assignee_id ? await this.staff.findActive(row.assignee_id, manager) : null;
    const recipients: StaffMember[] = expert
      ? [expert]
      : await this.staff.activeAdministrators(manager);
    await this.outbox.add(
      manager,
      recipients.map((member) => ({
        template: 'reporter_message_staff' as const,
        locale: member.locale,
        to: member.email,
        params: { reference: event.reference, caseUrl: this.links.staffCase(event.caseId) },
        caseId: event.caseId,
      })),
    );
  }
}
