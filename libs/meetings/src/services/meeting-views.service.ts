import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { APP_CONFIG, AppConfig, Locale, installationDate, installationDateTime } from '@app/core';
import { AgendaCaseFact, AgendaCaseFacts } from '@app/cases';
import { StaffDirectory, StaffPrincipal } from '@app/identity';
import { TaxonomyKind, TaxonomyService, TaxonomySnapshot } from '@app/taxonomy';
import { excludedFromItem } from '../domain/meeting-access';
import { MeetingPermissions } from '../domain/meeting-permissions';
import { itemQuorum, quorumThreshold } from '../domain/quorum';
import { MeetingListQueryDto } from '../dto/meeting-query.dto';
import {
  AgendaCaseDto,
  AgendaItemViewDto,
  AttendanceViewDto,
  LabelledCodeDto,
  MeetingDto,
  MeetingListDto,
  MeetingSummaryDto,
} from '../dto/meeting-view.dto';
import { MeetingAgendaItem } from '../entities/meeting-agenda-item.entity';
import { MeetingAttendance } from '../entities/meeting-attendance.entity';
import { MeetingComment } from '../entities/meeting-comment.entity';
import { MeetingDecision } from '../entities/meeting-decision.entity';
import { MeetingRecusal } from '../entities/meeting-recusal.entity';
import { Meeting } from '../entities/meeting.entity';
import { MeetingNotFoundError } from '../exceptions/meeting.errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Meetings as staff read them (API, pages and PDFs alike). Cases are read column by column,
 * never the reporter's contact details, helper or own description: the Technical Group reads
 * the legal expert's summary and the facts of the case, whatever the reader's role.
 */
@Injectable()
export class MeetingViews {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly directory: StaffDirectory,
    private readonly taxonomy: TaxonomyService,
    private readonly cases: AgendaCaseFacts,
  ) {}

  /** Newest first; members see the meetings whose agenda was published to them. */
  async list(actor: StaffPrincipal, query: MeetingListQueryDto): Promise<MeetingListDto> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const builder = this.dataSource
      .createQueryBuilder(Meeting, 'meeting')
      .orderBy('meeting.scheduled_at', 'DESC')
      .addOrderBy('meeting.id', 'DESC')
      .skip((page - 1) * pageSize)
      .take(pageSize);
    if (!MeetingPermissions.mayReadUnpublished(actor.role)) {
      builder.andWhere('meeting.agenda_published_at IS NOT NULL');
    }
    if (query.status) builder.andWhere('meeting.status = :status', { status: query.status });
    const [meetings, total] = await builder.getManyAndCount();
    const counts = await this.itemCounts(meetings.map((m) => m.id));
    return {
      items: meetings.map((m) => this.summary(m, counts.get(m.id) ?? 0)),
      total,
      page,
      pageSize,
    };
  }

  /** One meeting: agenda, attendance, recusals, decisions, comments and (when allowed) minutes. */
  async detail(actor: StaffPrincipal, id: string, locale: Locale): Promise<MeetingDto> {
    if (!UUID.test(id)) throw new MeetingNotFoundError();
    // One snapshot: a decision recorded meanwhile is either wholly in the view or not at all.
    return this.dataSource.transaction('REPEATABLE READ', (manager) =>
      this.read(manager, actor, id, locale),
    );
  }

  private async read(
    manager: EntityManager,
    actor: StaffPrincipal,
    id: string,
    locale: Locale,
  ): Promise<MeetingDto> {
    const meeting = await manager.findOne(Meeting, { where: { id } });
    if (!meeting || !MeetingPermissions.mayRead(actor.role, meeting))
      throw new MeetingNotFoundError();
    const items = await manager.find(MeetingAgendaItem, {
      where: { meetingId: id },
      order: { position: 'ASC' },
    });
    const itemIds = items.map((i) => i.id);
    const caseIds = items.map((i) => i.caseId);
    const some = itemIds.length > 0;
    const cases = await this.cases.facts(manager, caseIds);
    const recusals = some
      ? await manager.find(MeetingRecusal, { where: { itemId: In(itemIds) } })
      : [];
    const decisions = some
      ? await manager.find(MeetingDecision, { where: { itemId: In(itemIds) } })
      : [];
    const comments = some
      ? await manager.find(MeetingComment, {
          where: { itemId: In(itemIds) },
          order: { createdAt: 'ASC' },
        })
      : [];
    const attendance = await manager.find(MeetingAttendance, { where: { meetingId: id } });
    const members = await this.directory.activeTechnicalGroupMembers(manager);
    const snapshot = await this.taxonomy.snapshot();
    const names = await this.directory.namesOf(
      [
        ...recusals.map((r) => r.memberId),
        ...decisions.map((d) => d.recordedBy),
        ...comments.map((c) => c.authorId),
        ...attendance.map((a) => a.memberId),
        ...(meeting.minutesApprovedBy ? [meeting.minutesApprovedBy] : []),
      ],
      manager,
    );
    const label = (kind: TaxonomyKind, code: string): LabelledCodeDto => ({
      code,
      label: snapshot.label(kind, code, locale),
    });
    const required = quorumThreshold(this.config.meetings.quorum, members.length);
    const presentIds = attendance.filter((a) => a.present).map((a) => a.memberId);
    const attendanceRecorded = attendance.length > 0;

    const itemViews = items.map((item): AgendaItemViewDto => {
      const row = cases.get(item.caseId)!;
      const itemRecusals = recusals.filter((r) => r.itemId === item.id);
      const decision = decisions.find((d) => d.itemId === item.id) ?? null;
      const live = itemQuorum(
        presentIds,
        itemRecusals.map((r) => r.memberId),
        required,
      );
      // A member of the institution the case is about reads none of what is said of it.
      const excluded = excludedFromItem(actor, item, itemRecusals);
      return {
        id: item.id,
        position: item.position,
        case: this.agendaCase(row, label),
        excluded,
        summary: excluded ? null : item.summary,
        proposedDecision: item.proposedDecision,
        proposedInstitutions: item.proposedInstitutionCodes.map((c) => label('institution', c)),
        respondentInstitution: item.respondentInstitutionCode
          ? label('institution', item.respondentInstitutionCode)
          : null,
        carriedOver: item.carriedFromItemId !== null,
        recusals: itemRecusals.map((r) => ({
          memberId: r.memberId,
          memberName: names.get(r.memberId) ?? '',
          reason: r.reason,
        })),
        quorum: decision
          ? {
              voting: decision.membersPresent - decision.membersRecused,
              present: decision.membersPresent,
              recused: decision.membersRecused,
              required: decision.quorumRequired,
              met: decision.membersPresent - decision.membersRecused >= decision.quorumRequired,
            }
          : attendanceRecorded
            ? live
            : null,
        decision: decision
          ? {
              id: decision.id,
              kind: decision.kind,
              text: excluded ? null : decision.text,
              referrals: decision.referrals.map((r) => ({
                institution: label('institution', r.institutionCode),
                municipality: r.municipalityCode ? label('municipality', r.municipalityCode) : null,
                recommendation: excluded ? null : r.recommendation,
                responseDueDate: r.responseDueDate,
              })),
              referralIds: decision.referralIds,
              membersPresent: decision.membersPresent,
              membersRecused: decision.membersRecused,
              quorumRequired: decision.quorumRequired,
              recordedBy: names.get(decision.recordedBy) ?? '',
              recordedAt: decision.recordedAt.toISOString(),
            }
          : null,
        comments: comments
          .filter((c) => !excluded && c.itemId === item.id)
          .map((c) => ({
            id: c.id,
            authorName: names.get(c.authorId) ?? '',
            body: c.body,
            createdAt: c.createdAt.toISOString(),
            createdLocal: installationDateTime(c.createdAt),
          })),
      };
    });

    return {
      ...this.summary(meeting, items.length),
      agendaPublishedAt: meeting.agendaPublishedAt?.toISOString() ?? null,
      heldAt: meeting.heldAt?.toISOString() ?? null,
      cancelledAt: meeting.cancelledAt?.toISOString() ?? null,
      quorumRequired: required,
      attendanceRecorded,
      attendance: this.attendance(attendance, members, names, snapshot, locale),
      items: itemViews,
      minutes: MeetingPermissions.mayReadMinutes(actor.role, meeting)
        ? {
            text: meeting.minutesText,
            approvedAt: meeting.minutesApprovedAt?.toISOString() ?? null,
            approvedLocal: meeting.minutesApprovedAt
              ? installationDateTime(meeting.minutesApprovedAt)
              : null,
            approvedBy: meeting.minutesApprovedBy
              ? (names.get(meeting.minutesApprovedBy) ?? null)
              : null,
          }
        : null,
    };
  }

  private summary(meeting: Meeting, itemCount: number): MeetingSummaryDto {
    return {
      id: meeting.id,
      scheduledAt: meeting.scheduledAt.toISOString(),
      scheduledLocal: installationDateTime(meeting.scheduledAt),
      place: meeting.place,
      onlineLink: meeting.onlineLink,
      status: meeting.status,
      itemCount,
      version: meeting.version,
    };
  }

  /** Recorded attendance (also of members since deactivated), or the active members to record. */
  private attendance(
    rows: MeetingAttendance[],
    members: Awaited<ReturnType<StaffDirectory['activeTechnicalGroupMembers']>>,
    names: Map<string, string>,
    snapshot: TaxonomySnapshot,
    locale: Locale,
  ): AttendanceViewDto[] {
    const institution = (code: string | null) =>
      code ? { code, label: snapshot.label('institution', code, locale) } : null;
    const byId = new Map(members.map((m) => [m.id, m]));
    const recorded = new Map(rows.map((r) => [r.memberId, r.present]));
    const ids = [...new Set([...members.map((m) => m.id), ...rows.map((r) => r.memberId)])];
    return ids
      .map((memberId) => ({
        memberId,
        name: byId.get(memberId)?.name ?? names.get(memberId) ?? '',
        institution: institution(byId.get(memberId)?.institutionCode ?? null),
        present: recorded.has(memberId) ? recorded.get(memberId)! : null,
      }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  private agendaCase(
    row: AgendaCaseFact,
    label: (kind: TaxonomyKind, code: string) => LabelledCodeDto,
  ): AgendaCaseDto {
    return {
      id: row.id,
      reference: row.reference,
      status: row.status,
      community: label('community', row.community),
      area: label('area', row.area),
      grounds: [...row.grounds].sort().map((g) => label('ground', g)),
      municipality: label('municipality', row.municipality),
      perpetratorKind: label('perpetrator_kind', row.perpetratorKind),
      incidentDate: row.incidentDate,
      submittedOn: installationDate(row.submittedAt),
    };
  }

  private async itemCounts(meetingIds: string[]): Promise<Map<string, number>> {
    if (meetingIds.length === 0) return new Map();
    const rows = (await this.dataSource.query(
      `SELECT meeting_id, count(*)::int AS n FROM meeting_agenda_items WHERE meeting_id = ANY($1) GROUP BY meeting_id`,
      [meetingIds],
    )) as { meeting_id: string; n: number }[];
    return new Map(rows.map((r) => [r.meeting_id, r.n]));
  }
}
