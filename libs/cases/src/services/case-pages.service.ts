import { Injectable } from '@nestjs/common';
import {
  Clock,
  DomainError,
  FieldError,
  Locale,
  kosovoDate,
  kosovoYear,
  translate,
} from '@app/core';
import { StaffDirectory, StaffPrincipal } from '@app/identity';
import { TaxonomyService } from '@app/taxonomy';
import {
  CASE_STATUSES,
  CLOSURE_REASONS,
  CaseStatus,
  TransitionRequirements,
  requirementsOf,
} from '../domain/case-status.machine';
import { displayDate, displayDateTime } from '../domain/display-date';
import { addDays } from '../domain/referral-rules';
import { CaseListQueryDto } from '../dto/case-list-query.dto';
import type {
  CaseDetailDto,
  CaseListDto,
  HistoryEntryDto,
  NoteDto,
  ReferralDto,
  RenewedLinkDto,
  ReporterIdentityDto,
  StaffMessageDto,
} from '../dto/staff-case.dto';
import type { ReferralRequestDto, TransitionRequestDto } from '../dto/transition-request.dto';
import { CaseHandlingService } from './case-handling.service';
import { CaseQueryService } from './case-query.service';
import { PageFieldError } from './form-fields';

export type CaseListMode = 'all' | 'triage' | 'mine';

interface Option {
  code: string;
  label: string;
}

export interface CaseListPageView {
  mode: CaseListMode;
  filters: CaseListQueryDto;
  result: CaseListDto & {
    items: (CaseListDto['items'][number] & {
      statusLabel: string;
      areaLabel: string;
      municipalityLabel: string;
      submittedText: string;
    })[];
  };
  options: {
    statuses: Option[];
    areas: Option[];
    communities: Option[];
    municipalities: Option[];
    experts: Option[];
    years: number[];
  };
  previousHref: string | null;
  nextHref: string | null;
}

export interface TransitionForm {
  to: CaseStatus;
  label: string;
  needs: TransitionRequirements;
}

export interface CasePageView {
  case: CaseDetailDto & Record<string, unknown>;
  history: (HistoryEntryDto & { atText: string; text: string })[];
  notes: (NoteDto & { createdAtText: string })[];
  messages: (StaffMessageDto & { createdAtText: string })[] | null;
  referrals: (ReferralDto & {
    sentAtText: string;
    dueText: string;
    statusLabel: string;
    outcomeLabel: string | null;
    answeredAtText: string | null;
  })[];
  transitions: TransitionForm[];
  experts: Option[];
  closureReasons: Option[];
  institutions: Option[];
  municipalities: Option[];
  minDueDate: string;
  identity: ReporterIdentityDto | null;
  renewedLink: (RenewedLinkDto & { expiresText: string }) | null;
  errors: PageFieldError[];
  fieldErrors: Record<string, string[]>;
  values: Record<string, string>;
  openForm: string | null;
  notice: string | null;
}

/** What a refused form needs to show itself again. */
export interface PageProblem {
  status: number;
  errors: PageFieldError[];
  fieldErrors: Record<string, string[]>;
  values: Record<string, string>;
  openForm: string | null;
}

const NOTICES = ['transition', 'assignment', 'note', 'message'] as const;
const REFERRAL_FORM_BLOCKS = 3;
const REFERRAL_FIELDS = [
  'institutionCode',
  'municipalityCode',
  'recommendation',
  'summary',
  'responseDueDate',
  'contactEmail',
] as const;

function field(body: Record<string, unknown>, name: string): string | undefined {
  const value = body[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' && first.trim() !== '' ? first : undefined;
}

function fields(body: Record<string, unknown>, name: string): string[] {
  const value = body[name];
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.map((v) => (typeof v === 'string' ? v : ''));
}

/**
 * The back-office case pages (server-rendered, usable without JavaScript): the lists, the
 * case page with only the actions the user may take now, and the forms' round trips. It
 * reads and acts only through CaseQueryService and CaseHandlingService, so the pages obey
 * exactly the rules of the API.
 */
@Injectable()
export class CasePagesService {
  constructor(
    private readonly clock: Clock,
    private readonly query: CaseQueryService,
    private readonly handling: CaseHandlingService,
    private readonly staff: StaffDirectory,
    private readonly taxonomy: TaxonomyService,
  ) {}

  async listPage(
    principal: StaffPrincipal,
    mode: CaseListMode,
    filters: CaseListQueryDto,
    locale: Locale,
  ): Promise<CaseListPageView> {
    const effective: CaseListQueryDto =
      mode === 'triage'
        ? { ...filters, status: 'submitted', order: 'oldest' }
        : mode === 'mine'
          ? { ...filters, assignee: 'me' }
          : filters;
    const [result, snapshot, experts] = await Promise.all([
      this.query.list(principal, effective),
      this.taxonomy.snapshot(),
      this.staff.activeByRole('legal_expert'),
    ]);
    const base = mode === 'all' ? '/staff/cases' : `/staff/cases/${mode}`;
    const href = (page: number) => {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(filters)) {
        if (value !== undefined && key !== 'page' && key !== 'lang') params.set(key, String(value));
      }
      params.set('page', String(page));
      return `${base}?${params.toString()}`;
    };
    const thisYear = kosovoYear(this.clock.now());
    return {
      mode,
      filters,
      result: {
        ...result,
        items: result.items.map((item) => ({
          ...item,
          statusLabel: translate(locale, `case.status.${item.status}`),
          areaLabel: snapshot.label('area', item.primaryArea, locale),
          municipalityLabel: snapshot.label('municipality', item.municipality, locale),
          submittedText: displayDateTime(item.submittedAt),
        })),
      },
      options: {
        statuses: CASE_STATUSES.map((code) => ({
          code,
          label: translate(locale, `case.status.${code}`),
        })),
        areas: snapshot.list('area', locale),
        communities: snapshot.list('community', locale),
        municipalities: snapshot.list('municipality', locale),
        experts: experts.map((e) => ({ code: e.id, label: e.name })),
        years: Array.from({ length: thisYear - 2022 + 1 }, (_, i) => thisYear - i),
      },
      previousHref: result.page > 1 ? href(result.page - 1) : null,
      nextHref: result.hasMore ? href(result.page + 1) : null,
    };
  }

  async casePage(
    principal: StaffPrincipal,
    caseId: string,
    locale: Locale,
    extra: {
      notice?: string;
      identity?: ReporterIdentityDto;
      renewedLink?: RenewedLinkDto;
      problem?: PageProblem;
    } = {},
  ): Promise<CasePageView> {
    const detail = await this.query.detail(principal, caseId, locale);
    const handle = detail.permissions.handle;
    const [history, notes, messages, snapshot, experts] = await Promise.all([
      this.query.history(principal, caseId),
      this.query.notes(principal, caseId),
      handle ? this.query.messages(principal, caseId) : Promise.resolve(null),
      this.taxonomy.snapshot(),
      detail.permissions.assign ? this.staff.activeByRole('legal_expert') : Promise.resolve([]),
    ]);
    const status = (s: CaseStatus) => translate(locale, `case.status.${s}`);
    const institutions = new Map(detail.referrals.map((r) => [r.id, r.institution]));
    const actorText = (entry: HistoryEntryDto): string => {
      if (entry.actorKind === 'staff')
        return entry.actorName ?? translate(locale, 'staff.case.former_staff');
      return translate(locale, `staff.case.actor.${entry.actorKind}`);
    };
    const problem = extra.problem;
    return {
      case: {
        ...detail,
        statusLabel: status(detail.status),
        communityLabel: snapshot.label('community', detail.community, locale),
        areaLabel: snapshot.label('area', detail.primaryArea, locale),
        municipalityLabel: snapshot.label('municipality', detail.municipality, locale),
        groundLabels: detail.grounds.map((g) => snapshot.label('ground', g, locale)),
        perpetratorLabel: snapshot.label('perpetrator_kind', detail.perpetratorKind, locale),
        reporterRoleLabel: snapshot.label('reporter_role', detail.reporterRole, locale),
        closureReasonLabel: detail.closureReason
          ? snapshot.label('closure_reason', detail.closureReason, locale)
          : null,
        submittedText: displayDateTime(detail.submittedAt),
        incidentText: displayDate(`${detail.incidentDate}T12:00:00Z`),
        receiptCodeAttackText: detail.receiptCodeAttack
          ? displayDateTime(detail.receiptCodeAttack.lastAt)
          : null,
      },
      history: history.map((entry) => ({
        ...entry,
        atText: displayDateTime(entry.at),
        text: translate(locale, `staff.case.event.${entry.event}`, {
          from: entry.from ? status(entry.from) : '',
          to: status(entry.to),
          actor: actorText(entry),
          institution: entry.referralId ? (institutions.get(entry.referralId) ?? '') : '',
          outcome:
            entry.event === 'referral_answered' && entry.reason
              ? translate(locale, `staff.referral.outcome.${entry.reason}`)
              : '',
        }),
      })),
      notes: notes.map((n) => ({ ...n, createdAtText: displayDateTime(n.createdAt) })),
      messages:
        messages?.map((m) => ({ ...m, createdAtText: displayDateTime(m.createdAt) })) ?? null,
      referrals: detail.referrals.map((r) => ({
        ...r,
        sentAtText: displayDateTime(r.sentAt),
        dueText: displayDate(`${r.responseDueDate}T12:00:00Z`),
        statusLabel: translate(locale, `staff.referral.status.${r.status}`),
        outcomeLabel: r.answerOutcome
          ? translate(locale, `staff.referral.outcome.${r.answerOutcome}`)
          : null,
        answeredAtText: r.answeredAt ? displayDateTime(r.answeredAt) : null,
      })),
      transitions: detail.allowedTransitions.map((to) => ({
        to,
        label: translate(locale, `staff.case.move_to`, { status: status(to) }),
        needs: requirementsOf(detail.status, to),
      })),
      experts: experts.map((e) => ({ code: e.id, label: e.name })),
      closureReasons: CLOSURE_REASONS.map((code) => ({
        code,
        label: snapshot.label('closure_reason', code, locale),
      })),
      institutions: snapshot.list('institution', locale),
      municipalities: snapshot.list('municipality', locale),
      minDueDate: addDays(kosovoDate(this.clock.now()), 1),
      identity: extra.identity ?? null,
      renewedLink: extra.renewedLink
        ? { ...extra.renewedLink, expiresText: displayDateTime(extra.renewedLink.expiresAt) }
        : null,
      errors: problem?.errors ?? [],
      fieldErrors: problem?.fieldErrors ?? {},
      values: problem?.values ?? {},
      openForm: problem?.openForm ?? null,
      notice: (NOTICES as readonly string[]).includes(extra.notice ?? '')
        ? (extra.notice as string)
        : null,
    };
  }

  /** A transition form as the workflow reads it; empty referral blocks are left out. */
  transitionFrom(body: Record<string, unknown>): TransitionRequestDto {
    const version = Number(field(body, 'expectedVersion'));
    const columns = Object.fromEntries(REFERRAL_FIELDS.map((name) => [name, fields(body, name)]));
    const referrals: ReferralRequestDto[] = [];
    for (let i = 0; i < REFERRAL_FORM_BLOCKS; i++) {
      const block = Object.fromEntries(
        REFERRAL_FIELDS.map((name) => [name, (columns[name][i] ?? '').trim()]),
      ) as Record<(typeof REFERRAL_FIELDS)[number], string>;
      // Only the first block counts when every block is empty, so "one or more" is reported.
      if (i > 0 && !block.institutionCode && !block.recommendation && !block.summary) continue;
      if (i === 0 && Object.values(block).every((v) => v === '')) continue;
      referrals.push({
        institutionCode: block.institutionCode,
        municipalityCode: block.municipalityCode || null,
        recommendation: block.recommendation,
        summary: block.summary,
        responseDueDate: block.responseDueDate,
        contactEmail: block.contactEmail || null,
      });
    }
    return {
      to: field(body, 'to') as CaseStatus,
      reason: field(body, 'reason') ?? null,
      expectedVersion: Number.isInteger(version) && version > 0 ? version : undefined,
      assigneeId: field(body, 'assigneeId'),
      closureReason: field(body, 'closureReason') as TransitionRequestDto['closureReason'],
      referrals,
    };
  }

  /** The first value of every field of a form, to fill it in again after a refusal. */
  valuesOf(body: unknown): Record<string, string> {
    const values: Record<string, string> = {};
    if (!body || typeof body !== 'object') return values;
    for (const [name, value] of Object.entries(body as Record<string, unknown>)) {
      if (name === '_csrf') continue;
      const list = Array.isArray(value) ? value : [value];
      list.forEach((v, i) => {
        if (typeof v === 'string') values[i === 0 ? name : `${name}.${i}`] = v;
      });
    }
    return values;
  }

  /**
   * A refusal as the page shows it: field errors become messages beside the form's fields
   * (ids prefixed by the form, e.g. `closed-reason`), others one line in the summary.
   */
  problemOf(error: unknown, locale: Locale, form: string, body: unknown): PageProblem {
    if (!(error instanceof DomainError)) throw error;
    const toId = (name: string) => {
      const match = /^referrals\.(\d+)\.(\w+)$/.exec(name);
      return match ? `${form}-${match[2]}-${match[1]}` : `${form}-${name.replace(/\./g, '-')}`;
    };
    const errors: PageFieldError[] =
      error.fieldErrors.length > 0
        ? error.fieldErrors.map((e: FieldError) => ({
            field: toId(e.field),
            message: translate(locale, e.messageKey, e.params),
          }))
        : [
            {
              field: 'form',
              message: translate(locale, `error.${error.code}`, {
                ...error.params,
                ...(typeof error.params.from === 'string'
                  ? { from: translate(locale, `case.status.${error.params.from}`) }
                  : {}),
                ...(typeof error.params.to === 'string'
                  ? { to: translate(locale, `case.status.${error.params.to}`) }
                  : {}),
              }),
            },
          ];
    const fieldErrors: Record<string, string[]> = {};
    for (const e of errors) if (e.field !== 'form') (fieldErrors[e.field] ??= []).push(e.message);
    return {
      status: error.status,
      errors,
      fieldErrors,
      values: this.valuesOf(body),
      openForm: form,
    };
  }
}
