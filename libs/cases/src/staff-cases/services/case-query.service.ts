import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Clock, Locale, PreparedStatements } from '@app/core';
import { StaffDirectory, StaffPrincipal } from '@app/identity';
import { TaxonomyService } from '@app/taxonomy';
import { CaseAccessPolicy, CaseViewer } from '../domain/case-access.policy';
import { installationDayStart } from '../../referrals/domain/referral-rules';
import { containsPattern, normaliseSearch, referencePrefixPattern } from '../domain/search-text';
import {
  CASE_PAGE_SIZE_DEFAULT,
  CASE_PAGE_SIZE_MAX,
  CaseListQueryDto,
} from '../dto/case-list-query.dto';
import type {
  CaseDetailDto,
  CaseListDto,
  CaseSummaryDto,
  HistoryEntryDto,
  NoteDto,
  ReferralDto,
  StaffMessageDto,
} from '../dto/staff-case.dto';
import { Case } from '../../common/entities/case.entity';
import { CaseEvidence } from '../../evidence/entities/case-evidence.entity';
import { CaseGround } from '../../common/entities/case-ground.entity';
import { CaseHistoryEntry } from '../../workflow/entities/case-history-entry.entity';
import { CaseMessage } from '../../follow-up/entities/case-message.entity';
import { CaseNote } from '../entities/case-note.entity';
import {
  CaseActionForbiddenError,
  CaseNotFoundError,
} from '../../workflow/exceptions/workflow.errors';
import { InstitutionDirectoryService } from '../../directory/services/institution-directory.service';
import { CaseReferralsService } from '../../referrals/services/case-referrals.service';
import { CaseClockFacts } from '../../clocks/services/case-clock-facts';
import { institutionLabel } from '../../referrals/services/institution-label';
import {
  ATTACK_SHOWN_DAYS,
  FollowUpAttemptsStore,
  ReferenceAttack,
} from '../../follow-up/services/follow-up-attempts.store';
import type { RunningClockColumns } from '../../clocks/services/case-clock-facts';

/**
 * Counting every match of a filter over a million cases would cost more than the page itself;
 * the list counts up to this many and says whether the count is exact.
 */
export const CASE_COUNT_CAP = 1000;

/**
 * The cap of a free-text search's count. Its matches are found by folding each description
 * (`pmd_fold`), and a common word matches a tenth of all cases or more: counting a thousand of
 * them reads ten thousand rows or builds the trigram bitmap of every match (140-200 ms at a
 * million cases), where a hundred read a few hundred rows. The page says "more than 100".
 */
export const SEARCH_COUNT_CAP = 100;

/**
 * Which list pages are prepared on each database connection (PreparedStatements): the first
 * pages at the list's own page sizes, so that a connection holds a bounded set of plans whatever
 * the filters asked for.
 */
const PREPARED_PAGE_SIZES: ReadonlySet<number> = new Set([10, 25, 50, 100]);
const PREPARED_PAGES_MAX = 3;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY_MS = 86_400_000;

/** The ground that marks a case for urgent triage (a possible criminal offence). */
const HATE_CRIME_GROUND = 'hate_crime';

/** A row of the list's page query. */
interface ListRow extends RunningClockColumns {
  id: string;
  reference: string;
  status: Case['status'];
  version: number;
  submitted_at: Date;
  year: number;
  community: string;
  primary_area: string;
  municipality: string;
  assignee_id: string | null;
  anonymous: boolean;
  assignee_name: string | null;
  attacked_at: Date | null;
  total_failures: number | null;
  hate_crime: boolean;
  /**
   * The filter's matches counted up to the cap: lists without free text, and free-text pages
   * within the cap (the page's offset and the matches read from it); else null (see `list`).
   */
  matching: number | null;
  /** The working-day calendar's version (`CaseClockFacts.holidaysVersionColumn`). */
  holidays_version: string;
}

export function staffViewer(principal: Pick<StaffPrincipal, 'id' | 'role'>): CaseViewer {
  return { kind: 'staff', id: principal.id, role: principal.role };
}

/**
 * What staff read of cases (DESIGN §6, checked here for every path): the filtered list, a
 * case's details, its history, notes and messages. The reporter's identity is never part of
 * these; it takes the audited `CaseHandlingService.revealIdentity`.
 */
@Injectable()
export class CaseQueryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly staff: StaffDirectory,
    private readonly taxonomy: TaxonomyService,
    private readonly referrals: CaseReferralsService,
    private readonly followUpAttempts: FollowUpAttemptsStore,
    private readonly clockFacts: CaseClockFacts,
    private readonly directory: InstitutionDirectoryService,
    private readonly prepared: PreparedStatements,
  ) {}

  /**
   * Offset pages of `pageSize` (at most 100), newest first unless `order=oldest`. One row more
   * than the page is read to know whether another page follows; the total is counted only up
   * to CASE_COUNT_CAP (SEARCH_COUNT_CAP with free text; exact below it), so a page costs the
   * same at any number of cases.
   */
  async list(principal: StaffPrincipal, query: CaseListQueryDto): Promise<CaseListDto> {
    if (!CaseAccessPolicy.mayBrowse(staffViewer(principal))) throw new CaseActionForbiddenError();
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? CASE_PAGE_SIZE_DEFAULT;
    // Plain SQL with positional parameters: the same statement text for every page of a filter,
    // and no query builder at work on each request.
    const parameters: unknown[] = [];
    const param = (value: unknown) => `$${parameters.push(value)}`;
    const where: string[] = [];
    if (query.status) where.push(`c.status = ${param(query.status)}`);
    if (query.area) where.push(`c.primary_area = ${param(query.area)}`);
    if (query.community) where.push(`c.community = ${param(query.community)}`);
    if (query.municipality) where.push(`c.municipality = ${param(query.municipality)}`);
    if (query.year) {
      // The year is the submission's year in the installation's zone: as a range of submitted_at
      // it rides the same (filter, submitted_at, id) indexes as the ordering, instead of skipping
      // the newer years.
      where.push(`c.year = ${param(query.year)}`);
      where.push(
        `c.submitted_at >= ${param(installationDayStart(`${query.year}-01-01`))} AND c.submitted_at < ${param(installationDayStart(`${query.year + 1}-01-01`))}`,
      );
    }
    if (query.assignee === 'none') where.push('c.assignee_id IS NULL');
    else if (query.assignee) {
      const assigneeId = query.assignee === 'me' ? principal.id : query.assignee.toLowerCase();
      where.push(`c.assignee_id = ${param(assigneeId)}`);
    }
    if (query.due) {
      const [condition, named] = await this.clockFacts.dueCondition(query.due);
      where.push(
        condition.replace(/(?<!:):([a-zA-Z]\w*)/g, (_, name: string) => {
          if (!(name in named)) throw new Error(`the due condition gives no value for :${name}`);
          return param(named[name]);
        }),
      );
    }
    const text = normaliseSearch(query.q);
    if (text) {
      const reference = referencePrefixPattern(text);
      const folded = `pmd_fold(c.description) LIKE pmd_fold(${param(containsPattern(text))})`;
      where.push(reference ? `(${folded} OR c.reference LIKE ${param(reference)})` : folded);
    }
    const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const filterParameters = [...parameters];
    const direction = query.order === 'newest' || !query.order ? 'DESC' : 'ASC';
    const offset = (page - 1) * pageSize;
    // The page's ids first, from a list index alone (each carries every filter and the id),
    // then only those rows: a deep page does not read the table rows it skips.
    const ordering =
      query.order === 'due'
        ? `${this.clockFacts.dueDateExpression} ASC NULLS LAST, c.submitted_at ASC, c.id ASC`
        : `c.submitted_at ${direction}, c.id ${direction}`;
    // Lists without free text or a due-date condition, on their first pages, are prepared
    // (planned once per connection): each of their filters rides a (filter, submitted_at, id)
    // index in the list's own order, so the plan reads no more than the page whatever the values
    // (with the id only carried, the generic plan sorted every match: OrderCaseListIndexesById),
    // and planning the page took more than running it. Their LIMIT and OFFSET are written into
    // the statement (integers, validated): with either as a parameter the generic plan cannot
    // know how few rows are asked for, so PostgreSQL keeps planning each call (OFFSET), or reads
    // the whole index range (LIMIT, a quarter of a second at a million cases).
    if (
      !Number.isInteger(pageSize) ||
      pageSize < 1 ||
      pageSize > CASE_PAGE_SIZE_MAX ||
      !Number.isInteger(page)
    ) {
      throw new Error(`page ${page} of ${pageSize} is not one the list takes`);
    }
    const preparable =
      !text &&
      !query.due &&
      query.order !== 'due' &&
      PREPARED_PAGE_SIZES.has(pageSize) &&
      page <= PREPARED_PAGES_MAX;
    // The filter's matches, counted up to the cap. Without free text the count is an index
    // range of at most cap + 1 entries and rides in the page's statement (evaluated once), so a
    // page is one round trip. A free-text match folds a description: on the pages within the
    // cap (the first ones) the matches are read once, in the list's order, up to the cap; the
    // page is the first of them and the count how many there were, where a count of its own
    // would fold the same descriptions again. Further on, the count is asked only when another
    // page follows.
    const cap = text ? SEARCH_COUNT_CAP : CASE_COUNT_CAP;
    const countSql = `SELECT count(*)::int FROM (SELECT 1 FROM cases c ${filter} LIMIT ${cap + 1}) AS matching`;
    const countInPage = Boolean(text) && query.order !== 'due' && offset + pageSize <= cap;
    const matched = countInPage
      ? `WITH matched AS MATERIALIZED (SELECT c.id, c.submitted_at FROM cases c ${filter} ORDER BY ${ordering} LIMIT ${cap + 1 - offset} OFFSET ${offset})`
      : '';
    const pageIds = countInPage
      ? `SELECT m.id FROM matched m ORDER BY m.submitted_at ${direction}, m.id ${direction} LIMIT ${pageSize + 1}`
      : `SELECT c.id FROM cases c ${filter} ORDER BY ${ordering} LIMIT ${pageSize + 1} OFFSET ${preparable ? offset : param(offset)}`;
    const matching = !text
      ? `(${countSql})`
      : countInPage
        ? `(SELECT ${offset} + count(*)::int FROM matched)`
        : 'NULL::int';
    // The page's rows with what the list shows beside each (the assignee's name, a running
    // clock, a receipt-code attack, the hate-crime mark) in one query, read as plain rows, with
    // the version of the working-day calendar the clocks are counted in (read again only when
    // it changed).
    const statement = `${matched}
       SELECT c.id, c.reference, c.status, c.version, c.submitted_at, c.year, c.community,
              c.primary_area, c.municipality, c.assignee_id, c.anonymous,
              s.name AS assignee_name, a.attacked_at, a.total_failures,
              EXISTS (SELECT 1 FROM case_grounds g WHERE g.case_id = c.id AND g.ground = ${param(HATE_CRIME_GROUND)})
                AS hate_crime,
              ${this.clockFacts.runningClockColumns}, ${this.clockFacts.holidaysVersionColumn},
              ${matching} AS matching
         FROM cases c
         LEFT JOIN staff_users s ON s.id = c.assignee_id
         LEFT JOIN follow_up_reference_attempts a
           ON a.reference = c.reference
          AND a.attacked_at > ${param(new Date(this.clock.now().getTime() - ATTACK_SHOWN_DAYS * DAY_MS))}
         ${this.clockFacts.runningClockJoin}
        WHERE c.id IN (${pageIds})
        ORDER BY c.submitted_at ${direction}, c.id ${direction}`;
    const rows = preparable
      ? await this.prepared.query<ListRow>(statement, parameters)
      : ((await this.dataSource.query(statement, parameters)) as ListRow[]);
    const clockOf =
      rows.length > 0 ? await this.clockFacts.clockReader(rows[0].holidays_version) : () => null;
    const clocks = new Map(rows.map((r) => [r.id, clockOf(r)]));
    if (query.order === 'due') {
      // The page's rows in the order of their ids' query: earliest due date first.
      const due = (id: string) => clocks.get(id)?.dueDate ?? '9999-12-31';
      rows.sort((a, b) => due(a.id).localeCompare(due(b.id)) || +a.submitted_at - +b.submitted_at);
    }
    const hasMore = rows.length > pageSize;
    const items = rows.slice(0, pageSize);
    let total = offset + items.length;
    let totalIsExact = true;
    if (hasMore || (items.length === 0 && offset > 0)) {
      const counted =
        rows.length > 0 && rows[0].matching !== null
          ? rows[0].matching
          : ((await this.dataSource.query(countSql, filterParameters)) as { count: number }[])[0]
              .count;
      total = Math.min(counted, cap);
      totalIsExact = counted <= cap;
    }
    const now = this.clock.now().getTime();
    return {
      items: items.map((row) => ({
        id: row.id,
        reference: row.reference,
        status: row.status,
        version: row.version,
        submittedAt: row.submitted_at.toISOString(),
        ageDays: Math.max(0, Math.floor((now - row.submitted_at.getTime()) / DAY_MS)),
        year: row.year,
        community: row.community,
        primaryArea: row.primary_area,
        municipality: row.municipality,
        assignee: row.assignee_id ? { id: row.assignee_id, name: row.assignee_name } : null,
        receiptCodeAttack: row.attacked_at
          ? { lastAt: row.attacked_at.toISOString(), wrongCodes: row.total_failures! }
          : null,
        anonymous: row.anonymous,
        hateCrime: row.hate_crime,
        clock: clocks.get(row.id) ?? null,
      })),
      page,
      pageSize,
      hasMore,
      total,
      totalIsExact,
    };
  }

  /** A case the caller may know about, or 404 (also for a malformed id). */
  async load(viewer: CaseViewer, id: string, manager?: EntityManager): Promise<Case> {
    if (!CaseAccessPolicy.mayBrowse(viewer) || !UUID.test(id)) throw new CaseNotFoundError();
    const row = await (manager ?? this.dataSource.manager).findOne(Case, { where: { id } });
    if (!row) throw new CaseNotFoundError();
    return row;
  }

  async detail(principal: StaffPrincipal, id: string, locale: Locale): Promise<CaseDetailDto> {
    const viewer = staffViewer(principal);
    const row = await this.load(viewer, id);
    const handle = CaseAccessPolicy.mayHandle(viewer, row);
    const manager = this.dataSource.manager;
    const [grounds, evidence, referrals, names, snapshot, attacks, mediators] = await Promise.all([
      manager.find(CaseGround, { where: { caseId: id }, order: { ground: 'ASC' } }),
      handle
        ? manager.find(CaseEvidence, {
            where: { caseId: id },
            order: { createdAt: 'ASC', id: 'ASC' },
          })
        : Promise.resolve([]),
      this.referrals.listForCase(id),
      this.staff.namesOf(row.assigneeId ? [row.assigneeId] : []),
      this.taxonomy.snapshot(),
      this.followUpAttempts.attacksOn([row.reference], this.clock.now()),
      this.staff.mediatorsOf(row.filedByAccountId ? [row.filedByAccountId] : []),
    ]);
    const [points, confirmers] = await Promise.all([
      this.directory.describe(
        referrals.flatMap(({ referral }) =>
          referral.contactPointId ? [referral.contactPointId] : [],
        ),
        locale,
      ),
      this.staff.namesOf(
        referrals.flatMap(({ referral }) =>
          referral.oneOffConfirmedBy ? [referral.oneOffConfirmedBy] : [],
        ),
      ),
    ]);
    const pointOf = (pointId: string | null) => {
      const point = pointId ? points.get(pointId) : undefined;
      return point ? [point.unit, point.municipality].filter(Boolean).join(', ') : null;
    };
    const filer = row.filedByAccountId ? mediators.get(row.filedByAccountId) : undefined;
    return {
      ...this.summary(row, names, attacks),
      grounds: grounds.map((g) => g.ground),
      perpetratorKind: row.perpetratorKind,
      reporterRole: row.reporterRole,
      gender: row.gender,
      ageGroup: row.ageGroup,
      incidentDate: row.incidentDate,
      description: row.description,
      preferredLocale: row.preferredLocale,
      anonymous: row.anonymous,
      hasContact: Boolean(row.contactNameEnc || row.contactEmailEnc || row.contactPhoneEnc),
      consentContact: row.consentContact,
      consentShareIdentity: row.consentShareIdentity,
      filedWithHelp: row.filedWithHelp,
      helperKind: row.helperKind,
      filedBy: filer
        ? {
            mediator: filer.name,
            organisation: filer.organisation,
            mayFollow: row.mediatorMayFollow,
          }
        : null,
      closureReason: row.closureReason,
      outcomeMessage: row.outcomeMessage,
      personalDataErased: row.personalDataErasedAt !== null,
      allowedTransitions: CaseAccessPolicy.allowedTransitions(viewer, row),
      permissions: {
        handle,
        viewIdentity: CaseAccessPolicy.maySeeIdentity(viewer, row),
        assign: CaseAccessPolicy.mayAssign(viewer),
      },
      evidence: evidence.map((e) => ({
        id: e.id,
        name: e.originalName,
        mediaType: e.mediaType,
        sizeBytes: e.sizeBytes,
        uploadedBy: e.uploadedBy,
        uploadedAt: e.createdAt.toISOString(),
      })),
      referrals: referrals.map(({ referral, documents }): ReferralDto => ({
        id: referral.id,
        institutionCode: referral.institutionCode,
        municipalityCode: referral.municipalityCode,
        institution: institutionLabel(snapshot, referral, locale),
        recommendation: referral.recommendation,
        summary: referral.summary,
        responseDueDate: referral.responseDueDate,
        status: referral.status,
        sentAt: referral.sentAt.toISOString(),
        answeredAt: referral.answeredAt?.toISOString() ?? null,
        answerOutcome: referral.answerOutcome,
        answerText: handle ? referral.answerText : null,
        answerSharedWithReporter: referral.answerSharedWithReporter,
        contactEmail: handle ? this.referrals.contactEmailOf(referral) : null,
        recipient: referral.recipient,
        contactPointId: referral.contactPointId,
        contactPoint: pointOf(referral.contactPointId),
        oneOffConfirmedBy: referral.oneOffConfirmedBy
          ? (confirmers.get(referral.oneOffConfirmedBy) ?? null)
          : null,
        responseLinkExpiresAt: referral.responseTokenExpiresAt.toISOString(),
        documents: handle
          ? documents.map((d) => ({
              id: d.id,
              name: d.originalName,
              mediaType: d.mediaType,
              sizeBytes: d.sizeBytes,
            }))
          : [],
      })),
    };
  }

  /** Every entry, staff-only ones included, oldest first. */
  async history(principal: StaffPrincipal, id: string): Promise<HistoryEntryDto[]> {
    await this.load(staffViewer(principal), id);
    const entries = await this.dataSource.manager.find(CaseHistoryEntry, {
      where: { caseId: id },
      order: { at: 'ASC', id: 'ASC' },
    });
    const names = await this.staff.namesOf(
      entries.flatMap((e) => (e.actorKind === 'staff' && e.actorId ? [e.actorId] : [])),
    );
    return entries.map((e) => ({
      id: e.id,
      at: e.at.toISOString(),
      event: e.event,
      actorKind: e.actorKind,
      actorId: e.actorId,
      actorName: e.actorKind === 'staff' && e.actorId ? (names.get(e.actorId) ?? null) : null,
      from: e.fromStatus,
      to: e.toStatus,
      reason: e.reason,
      public: e.public,
      referralId: e.referralId,
    }));
  }

  /** Internal notes: every staff member who may see the case reads them. */
  async notes(principal: StaffPrincipal, id: string): Promise<NoteDto[]> {
    await this.load(staffViewer(principal), id);
    const notes = await this.dataSource.manager.find(CaseNote, {
      where: { caseId: id },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    const names = await this.staff.namesOf(notes.map((n) => n.authorId));
    return notes.map((n) => ({
      id: n.id,
      authorId: n.authorId,
      authorName: names.get(n.authorId) ?? null,
      body: n.body,
      createdAt: n.createdAt.toISOString(),
    }));
  }

  /**
   * The conversation with the reporter, for those who handle the case (it can reveal who the
   * reporter is). Reading it marks the reporter's messages as read by staff.
   */
  async messages(principal: StaffPrincipal, id: string): Promise<StaffMessageDto[]> {
    const viewer = staffViewer(principal);
    const row = await this.load(viewer, id);
    if (!CaseAccessPolicy.mayHandle(viewer, row)) throw new CaseActionForbiddenError();
    const messages = await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `UPDATE case_messages SET read_by_staff_at = $2
         WHERE case_id = $1 AND author_kind IN ('reporter', 'mediator') AND read_by_staff_at IS NULL`,
        [id, this.clock.now()],
      );
      return manager.find(CaseMessage, {
        where: { caseId: id },
        order: { createdAt: 'ASC', id: 'ASC' },
      });
    });
    const authors = messages.flatMap((m) => (m.authorId ? [m.authorId] : []));
    const [names, mediators] = await Promise.all([
      this.staff.namesOf(authors),
      this.staff.mediatorsOf(authors),
    ]);
    return messages.map((m) => ({
      id: m.id,
      author: m.authorKind,
      authorName: m.authorId ? (names.get(m.authorId) ?? null) : null,
      organisation: m.authorId ? (mediators.get(m.authorId)?.organisation ?? null) : null,
      body: m.body,
      createdAt: m.createdAt.toISOString(),
      readByReporterAt: m.readByReporterAt?.toISOString() ?? null,
    }));
  }

  /** How many cases each legal expert handles now (assigned, at a meeting, referred). */
  async openCasesOf(assigneeIds: string[]): Promise<Map<string, number>> {
    if (assigneeIds.length === 0) return new Map();
    const rows = (await this.dataSource.query(
      `SELECT assignee_id, count(*)::int AS n FROM cases
        WHERE assignee_id = ANY($1) AND status IN ('assigned', 'technical_group', 'referred')
        GROUP BY assignee_id`,
      [assigneeIds],
    )) as { assignee_id: string; n: number }[];
    return new Map(rows.map((r) => [r.assignee_id, r.n]));
  }

  private summary(
    row: Case,
    names: Map<string, string>,
    attacks: Map<string, ReferenceAttack>,
    hateCrimes: Set<string> = new Set(),
  ): CaseSummaryDto {
    const attack = attacks.get(row.reference);
    return {
      id: row.id,
      reference: row.reference,
      status: row.status,
      version: row.version,
      submittedAt: row.submittedAt.toISOString(),
      ageDays: Math.max(
        0,
        Math.floor((this.clock.now().getTime() - row.submittedAt.getTime()) / DAY_MS),
      ),
      year: row.year,
      community: row.community,
      primaryArea: row.primaryArea,
      municipality: row.municipality,
      assignee: row.assigneeId
        ? { id: row.assigneeId, name: names.get(row.assigneeId) ?? null }
        : null,
      receiptCodeAttack: attack
        ? { lastAt: attack.attackedAt.toISOString(), wrongCodes: attack.totalFailures }
        : null,
      anonymous: row.anonymous,
      hateCrime: hateCrimes.has(row.id),
    };
  }
}
