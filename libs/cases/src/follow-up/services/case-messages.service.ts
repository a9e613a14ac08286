import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { Clock, ForbiddenError, NotFoundError } from '@app/core';
import { Case } from '../../common/entities/case.entity';
import { CaseMessage, MessageAuthorKind } from '../entities/case-message.entity';
import { CaseEvents } from '../../workflow/services/case-events';

export interface PostedMessage {
  id: string;
  createdAt: string;
}

/**
 * Messages between a reporter and the legal expert. Bodies are personal data: they go to the
 * database and the pages, never to logs, emails or job payloads (an email only says that
 * there is a new message).
 */
@Injectable()
export class CaseMessagesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly events: CaseEvents,
  ) {}

  /** The conversation, oldest first; the expert's messages are marked read by the reporter. */
  async readByReporter(caseId: string): Promise<CaseMessage[]> {
    const manager = this.dataSource.manager;
    const messages = await manager.find(CaseMessage, {
      where: { caseId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    // Marked are the expert's messages this read returned (one written since waits for the
    // next read), and only when one is unread: most reads of a case write nothing.
    const unread = messages.filter((m) => m.authorKind === 'staff' && m.readByReporterAt === null);
    if (unread.length > 0) {
      const now = this.clock.now();
      await manager.update(
        CaseMessage,
        { id: In(unread.map((m) => m.id)), readByReporterAt: IsNull() },
        { readByReporterAt: now },
      );
      for (const message of unread) message.readByReporterAt = now;
    }
    return messages;
  }

  async postFromReporter(caseId: string, body: string): Promise<PostedMessage> {
    return this.dataSource.transaction((manager) =>
      this.post(manager, caseId, 'reporter', null, body),
    );
  }

  /**
   * A legal expert's message (the staff pages come with case handling); the listeners tell the
   * reporter a message waits. The caller has checked that this staff member may write here.
   */
  async postFromStaff(caseId: string, staffId: string, body: string): Promise<PostedMessage> {
    return this.dataSource.transaction((manager) =>
      this.post(manager, caseId, 'staff', staffId, body),
    );
  }

  /**
   * The message of the community mediator who filed the report; the caller has checked that
   * the person agreed to the mediator following the case. Staff are told, as for the reporter.
   */
  async postFromMediator(caseId: string, mediatorId: string, body: string): Promise<PostedMessage> {
    return this.dataSource.transaction((manager) =>
      this.post(manager, caseId, 'mediator', mediatorId, body, (found) => {
        // Checked again on the locked row: the person may have withdrawn and erased since the
        // caller read the case, and a message must not land on an erased case.
        if (
          found.filedByAccountId !== mediatorId ||
          !found.mediatorMayFollow ||
          found.personalDataErasedAt !== null
        ) {
          throw new ForbiddenError('mediator_not_following');
        }
      }),
    );
  }

  private async post(
    manager: EntityManager,
    caseId: string,
    author: MessageAuthorKind,
    authorId: string | null,
    body: string,
    admit?: (found: Case) => void,
  ): Promise<PostedMessage> {
    // Locks the case so messages and status changes of one case do not interleave oddly.
    const found = await manager.findOne(Case, {
      where: { id: caseId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!found) throw new NotFoundError('case_not_found');
    admit?.(found);
    const now = this.clock.now();
    const id = randomUUID();
    await manager.insert(CaseMessage, {
      id,
      caseId,
      authorKind: author,
      authorId,
      body,
      createdAt: now,
      readByReporterAt: author === 'reporter' ? now : null,
      readByStaffAt: author === 'staff' ? now : null,
    });
    await this.events.messagePosted(manager, {
      case: found,
      author,
      messageId: id,
    });
    return { id, createdAt: now.toISOString() };
  }
}
