import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ForbiddenError, Locale, NotFoundError, ValidationFailedError, translate } from '@app/core';
import type { MediatorPrincipal } from '@app/identity';
import { Case } from '../../common/entities/case.entity';
import { CaseMessage } from '../../follow-up/entities/case-message.entity';
import { CaseMessagesService, PostedMessage } from '../../follow-up/services/case-messages.service';
import { CaseIntakeService, SubmittedCase } from '../../intake/services/case-intake.service';
import { CaseSubmissionValidator } from '../../intake/services/case-submission.validator';
import { PublicTimelineEntry, publicTimeline } from '../../follow-up/services/public-timeline';
import type { CaseStatus } from '../../workflow/domain/case-status.machine';

/** One report of the mediator's list: only what the person themselves could read. */
export interface PartnerReportLine {
  reference: string;
  submittedAt: string;
  status: CaseStatus;
  statusLabel: string;
  mayFollow: boolean;
}

/** A report the mediator filed, as the person sees it; messages only where the person agreed. */
export interface PartnerReportView extends PartnerReportLine {
  statusExplanation: string;
  timeline: PublicTimelineEntry[];
  /** Null where the person did not agree that the mediator follows the case. */
  messages:
    | {
        id: string;
        author: CaseMessage['authorKind'];
        authorLabel: string;
        body: string;
        createdAt: string;
      }[]
    | null;
}

/**
 * What a community mediator does with the reports they filed for people: file one (the public
 * intake's rules, the mediator's own limit), list them, read one's public status and timeline,
 * and, where the person agreed, exchange messages on it. Every read is of the mediator's own
 * reports only: any other reference is "not found", whoever filed it.
 */
@Injectable()
export class PartnerReportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly intake: CaseIntakeService,
    private readonly validator: CaseSubmissionValidator,
    private readonly messages: CaseMessagesService,
  ) {}

  /** A report from the JSON API: the mediator's limit, the intake, then the count. */
  async file(
    mediator: MediatorPrincipal,
    body: unknown,
    options: { locale: Locale; idempotencyKey?: string },
  ): Promise<{ result: SubmittedCase; replayed: boolean }> {
    const { report, mediatorMayFollow } = (body ?? {}) as {
      report?: unknown;
      mediatorMayFollow?: unknown;
    };
    if (options.idempotencyKey !== undefined)
      this.intake.checkIdempotencyKey(options.idempotencyKey);
    await this.intake.admitMediator(mediator.id);
    const submission = await this.validator.validate(report ?? {});
    if (typeof mediatorMayFollow !== 'boolean') {
      throw new ValidationFailedError([
        {
          field: 'mediatorMayFollow',
          code: 'mediator_may_follow_required',
          messageKey: 'partner.report.mayFollow.required',
        },
      ]);
    }
    // The case names the mediator's account and organisation, not a typed helper.
    const outcome = await this.intake.submit(
      { ...submission, helper: null },
      {
        locale: options.locale,
        idempotencyKey: options.idempotencyKey,
        filedBy: {
          accountId: mediator.id,
          organisationId: mediator.organisationId,
          mayFollow: mediatorMayFollow,
        },
      },
    );
    await this.intake.countMediatorAccepted(mediator.id, outcome);
    return outcome;
  }

  /** Exactly the reports this mediator filed, newest first. */
  async list(mediator: MediatorPrincipal, locale: Locale): Promise<PartnerReportLine[]> {
    const rows = await this.dataSource.manager.find(Case, {
      where: { filedByAccountId: mediator.id },
      order: { submittedAt: 'DESC', id: 'DESC' },
      select: {
        id: true,
        reference: true,
        submittedAt: true,
        status: true,
        mediatorMayFollow: true,
      },
    });
    return rows.map((row) => line(row, locale));
  }

  async view(
    mediator: MediatorPrincipal,
    reference: string,
    locale: Locale,
  ): Promise<PartnerReportView> {
    const row = await this.own(mediator, reference);
    const [timeline, messages] = await Promise.all([
      publicTimeline(this.dataSource.manager, row.id, locale),
      row.mediatorMayFollow
        ? this.dataSource.manager.find(CaseMessage, {
            where: { caseId: row.id },
            order: { createdAt: 'ASC', id: 'ASC' },
          })
        : Promise.resolve(null),
    ]);
    return {
      ...line(row, locale),
      statusExplanation: translate(locale, `case.status.${row.status}.explanation`),
      timeline,
      messages:
        messages?.map((m) => ({
          id: m.id,
          author: m.authorKind,
          authorLabel: translate(locale, `partner.message.author.${m.authorKind}`),
          body: m.body,
          createdAt: m.createdAt.toISOString(),
        })) ?? null,
    };
  }

  /** A message on the case, only where the person agreed that the mediator follows it. */
  async postMessage(
    mediator: MediatorPrincipal,
    reference: string,
    body: string,
  ): Promise<PostedMessage> {
    const row = await this.own(mediator, reference);
    if (!row.mediatorMayFollow) throw new ForbiddenError('mediator_not_following');
    return this.messages.postFromMediator(row.id, mediator.id, body);
  }

  private async own(mediator: MediatorPrincipal, reference: string): Promise<Case> {
    const row = await this.dataSource.manager.findOne(Case, {
      where: { reference: reference.trim().toUpperCase(), filedByAccountId: mediator.id },
    });
    if (!row) throw new NotFoundError('case_not_found');
    return row;
  }
}

function line(
  row: Pick<Case, 'reference' | 'submittedAt' | 'status' | 'mediatorMayFollow'>,
  locale: Locale,
): PartnerReportLine {
  return {
    reference: row.reference,
    submittedAt: row.submittedAt.toISOString(),
    status: row.status,
    statusLabel: translate(locale, `case.status.${row.status}`),
    mayFollow: row.mediatorMayFollow,
  };
}
