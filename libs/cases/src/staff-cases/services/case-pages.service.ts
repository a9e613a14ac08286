import {
  InstitutionDirectoryService,
  type ContactPointGroup,
} from '../../directory/services/institution-directory.service';
import { Injectable } from '@nestjs/common';
import {
  ClockHistoryLine,
  clockSummaryText,
  mergeHistory,
} from '../../clocks/domain/clock-history';
import { CaseClockFacts } from '../../clocks/services/case-clock-facts';
import {
  Clock,
  DomainError,
  ForbiddenError,
  FormMessage,
  FormProblem,
  LANGUAGE_NAMES,
  Locale,
  MessageParams,
  fieldMessages,
  formProblem,
  isLocale,
  installationDate,
  installationYear,
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
} from '../../workflow/domain/case-status.machine';
import { displayDate, displayDateTime } from '../../common/domain/display-date';
import { REFERRAL_FORM_BLOCKS } from '../../referrals/domain/referral-form';
import { addDays } from '../../referrals/domain/referral-rules';
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
import { CaseQueryService } from './case-query.service';
import { calendarDaysSince, caseAgeMessage } from '../domain/case-age';

function ageText(locale: Locale, days: number): string {
  const { key, params } = caseAgeMessage(days);
  return translate(locale, key, params);
}

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
      clockText: ReturnType<typeof clockSummaryText>;
    })[];
  };
  options: {
    statuses: Option[];
    areas: Option[];
    communities: Option[];
    municipalities: Option[];
    experts: Option[];
    years: number[];
    due: Option[];
    orders: Option[];
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
  history: ((HistoryEntryDto & { atText: string; text: string }) | ClockHistoryLine)[];
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
  /** The directory's active contact points by institution, the case's municipality first. */
  contactPoints: ContactPointGroup[];
  minDueDate: string;
  identity: ReporterIdentityDto | null;
  renewedLink: (RenewedLinkDto & { expiresText: string }) | null;
  referralBlocks: number;
  errors: FormMessage[];
  fieldErrors: Record<string, string[]>;
  values: Record<string, string>;
  openForm: string | null;
  notice: string | null;
}

/** A refused form of the case page: which one, what was wrong, what was typed. */
export interface CaseFormRefusal {
  form: string;
  problem: FormProblem;
  values: Record<string, string>;
}

const NOTICES = ['transition', 'assignment', 'note', 'message', 'sharing'] as const;
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
    private readonly staff: StaffDirectory,
    private readonly taxonomy: TaxonomyService,
    private readonly clockFacts: CaseClockFacts,
    private readonly directory: InstitutionDirectoryService,
  ) {}

  async listPage(
    principal: StaffPrincipal,
    mode: CaseListMode,
    filters: CaseListQueryDto,
    locale: Locale,
  ): Promise<CaseListPageView> {
    // "My cases" are a legal expert's: an administrator is assigned none.
    if (mode === 'mine' && principal.role !== 'legal_expert') throw new ForbiddenError('forbidden');
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
    const thisYear = installationYear(this.clock.now());
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
          ageText: ageText(locale, calendarDaysSince(item.submittedAt, this.clock.now())),
          clockText: clockSummaryText(item.clock ?? null, locale),
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
        due: (['overdue', 'due_soon'] as const).map((code) => ({
          code,
          label: translate(locale, `staff.cases.filter.due.${code}`),
        })),
        orders: (['newest', 'oldest', 'due'] as const).map((code) => ({
          code,
          label: translate(locale, `staff.cases.order.${code}`),
        })),
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
      refusal?: CaseFormRefusal;
    } = {},
  ): Promise<CasePageView> {
    const detail = await this.query.detail(principal, caseId, locale);
    const handle = detail.permissions.handle;
    const [history, notes, messages, snapshot, experts, clockLines] = await Promise.all([
      this.query.history(principal, caseId),
      this.query.notes(principal, caseId),
      handle ? this.query.messages(principal, caseId) : Promise.resolve(null),
      this.taxonomy.snapshot(),
      detail.permissions.assign ? this.staff.activeByRole('legal_expert') : Promise.resolve([]),
      this.clockFacts.historyLines(caseId, locale),
    ]);
    const status = (s: CaseStatus) => translate(locale, `case.status.${s}`);
    const institutions = new Map(detail.referrals.map((r) => [r.id, r.institution]));
    const actorText = (entry: HistoryEntryDto): string => {
      if (entry.actorKind === 'staff')
        return entry.actorName ?? translate(locale, 'staff.case.former_staff');
      return translate(locale, `staff.case.actor.${entry.actorKind}`);
    };
    const refusal = extra.refusal;
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
        ageText: ageText(locale, calendarDaysSince(detail.submittedAt, this.clock.now())),
        preferredLanguage: isLocale(detail.preferredLocale)
          ? LANGUAGE_NAMES[detail.preferredLocale]
          : detail.preferredLocale,
        incidentText: displayDate(`${detail.incidentDate}T12:00:00Z`),
        receiptCodeAttackText: detail.receiptCodeAttack
          ? displayDateTime(detail.receiptCodeAttack.lastAt)
          : null,
      },
      history: mergeHistory(
        history.map((entry) => ({
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
        clockLines,
      ),
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
      experts: await this.expertOptions(experts, locale),
      closureReasons: CLOSURE_REASONS.map((code) => ({
        code,
        label: snapshot.label('closure_reason', code, locale),
      })),
      institutions: snapshot.list('institution', locale),
      municipalities: snapshot.list('municipality', locale),
      contactPoints: detail.allowedTransitions.includes('referred')
        ? await this.directory.offered(detail.municipality, locale)
        : [],
      minDueDate: addDays(installationDate(this.clock.now()), 1),
      identity: extra.identity ?? null,
      renewedLink: extra.renewedLink
        ? { ...extra.renewedLink, expiresText: displayDateTime(extra.renewedLink.expiresAt) }
        : null,
      referralBlocks: REFERRAL_FORM_BLOCKS,
      errors: refusal?.problem.errors ?? [],
      fieldErrors: fieldMessages(refusal?.problem),
      values: refusal?.values ?? {},
      openForm: refusal?.form ?? null,
      notice: (NOTICES as readonly string[]).includes(extra.notice ?? '')
        ? (extra.notice as string)
        : null,
    };
  }

  /**
   * The legal experts to assign to, each with the cases they handle now and the languages they
   * write in, so that the administrator sees the workload and who can write to the reporter.
   */
  private async expertOptions(
    experts: { id: string; name: string; workingLocales: Locale[] }[],
    locale: Locale,
  ): Promise<{ code: string; label: string }[]> {
    const open = await this.query.openCasesOf(experts.map((e) => e.id));
    return experts.map((e) => ({
      code: e.id,
      label: translate(locale, 'staff.case.expert_option', {
        name: e.name,
        open: open.get(e.id) ?? 0,
        language: e.workingLocales.map((code) => LANGUAGE_NAMES[code]).join(', '),
      }),
    }));
  }

  /**
   * A refusal as the case page shows it: field messages beside the form's fields (ids prefixed
   * by the form, e.g. `closed-reason`, `t-referred-summary-1`), others one line in the summary,
   * with statuses by their names.
   */
  problemOf(error: DomainError, locale: Locale, form: string): FormProblem {
    const label = (value: MessageParams[string]) => translate(locale, `case.status.${value}`);
    return formProblem(error, locale, {
      defaultField: 'form',
      field: (name) => {
        const match = /^referrals\.(\d+)\.(\w+)$/.exec(name);
        return match ? `${form}-${match[2]}-${match[1]}` : `${form}-${name.replace(/\./g, '-')}`;
      },
      params: (params: MessageParams) => ({
        ...params,
        ...(typeof params.from === 'string' ? { from: label(params.from) } : {}),
        ...(typeof params.to === 'string' ? { to: label(params.to) } : {}),
      }),
    });
  }
}
