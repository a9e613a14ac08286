import { randomUUID } from 'node:crypto';
import { CaseClockFacts } from '../../clocks/services/case-clock-facts';
import { Injectable } from '@nestjs/common';
import {
  DomainError,
  FieldError,
  FormMessage,
  FormProblem,
  LANGUAGE_NAMES,
  offeredLocales,
  Locale,
  PayloadTooLargeError,
  TooManyRequestsError,
  UnsupportedMediaTypeError,
  ValidationFailedError,
  formProblem,
} from '@app/core';
import { LocalizedEntry, TaxonomyKind, TaxonomyService } from '@app/taxonomy';
import type { CaseSubmission } from '../domain/case-submission';
import { IdempotencyKeyReusedError } from '../exceptions/idempotency.errors';
import { CaseIntakeService, MediatorFiling, SubmittedCase } from './case-intake.service';
import { CaseSubmissionValidator } from './case-submission.validator';
import { plainReportErrors } from './report-errors';
import { EvidenceStore, StagedEvidence } from '../../evidence/services/evidence-store.service';
import {
  FormFields,
  IncomingPart,
  emptyFields,
  readUpload,
} from '../../evidence/services/evidence-upload.reader';

/** The report form as its template needs it. */
export interface ReportFormView {
  lists: Record<string, LocalizedEntry[]>;
  languages: { code: Locale; name: string }[];
  limits: { files: number; fileMb: number; totalMb: number };
  values: Record<string, string>;
  grounds: string[];
  errors: FormMessage[];
  fieldErrors: Record<string, string[]>;
  idempotencyKey: string;
  /** Files were sent but not kept (the form had errors): they must be chosen again. */
  filesDropped: boolean;
}

export type ReportFormOutcome =
  | { kind: 'done'; result: SubmittedCase & { receiptCode: string }; nextStep: string | null }
  /** The same form sent again (Back and resend, a reload): the case it filed, no code. */
  | { kind: 'received'; reference: string };

/** Refusals the form shows with the answers kept (anything else is the error page). */
const SHOWN = [
  ValidationFailedError,
  PayloadTooLargeError,
  UnsupportedMediaTypeError,
  TooManyRequestsError,
  IdempotencyKeyReusedError,
];

/**
 * A refused report with the answers read before the refusal (a multipart body is read by the
 * service, not by the web layer), so the form can be shown again with them.
 */
export class ReportRefusedError extends DomainError {
  readonly retryAfterSeconds?: number;

  constructor(
    readonly refusal: DomainError,
    readonly fields: FormFields,
    readonly filesDropped: boolean,
  ) {
    super(refusal.code, refusal.status, refusal.params, refusal.extensions, refusal.fieldErrors);
    this.retryAfterSeconds = (refusal as { retryAfterSeconds?: number }).retryAfterSeconds;
  }
}

export const REPORT_LISTS: Record<string, TaxonomyKind> = {
  community: 'community',
  area: 'area',
  ground: 'ground',
  municipality: 'municipality',
  perpetratorKind: 'perpetrator_kind',
  reporterRole: 'reporter_role',
  gender: 'gender',
  ageGroup: 'age_group',
};

/** The questions of the one-page form in the order it asks them (the error summary's order). */
const ONE_PAGE_ORDER = [
  'description',
  'incidentDate',
  'municipality',
  'primaryArea',
  'grounds',
  'perpetratorKind',
  'community',
  'reporterRole',
  'gender',
  'ageGroup',
  'anonymous',
  'contact',
  'contactName',
  'contactEmail',
  'contactPhone',
  'consentToContact',
  'consentToShareIdentity',
  'preferredLanguage',
  'helperKind',
  'helperName',
  'mediatorMayFollow',
  'evidence',
];

/** Where an API field's error shows on the form. */
export function formField(apiField: string): string {
  const nested: Record<string, string> = {
    'contact.name': 'contactName',
    'contact.email': 'contactEmail',
    'contact.phone': 'contactPhone',
    helper: 'helperKind',
    'helper.kind': 'helperKind',
    'helper.name': 'helperName',
  };
  if (nested[apiField]) return nested[apiField];
  if (apiField.startsWith('grounds')) return 'grounds';
  return apiField.split('.')[0];
}

/**
 * The form's fields as the JSON API's report. The answers a form cannot express directly
 * (yes/no radios, a helper chosen by kind) are translated; contact fields are dropped when
 * the reporter chose to stay anonymous, as the form promises.
 */
export function reportFromForm(fields: FormFields): Record<string, unknown> {
  const one = (name: string) => (fields[name]?.[0] ?? '').trim();
  const optional = (name: string) => one(name) || undefined;
  const anonymous =
    one('anonymous') === 'yes' ? true : one('anonymous') === 'no' ? false : undefined;
  const helperKind = one('helperKind');
  const report: Record<string, unknown> = {
    community: optional('community'),
    primaryArea: optional('primaryArea'),
    grounds: (fields.grounds ?? []).filter(Boolean),
    municipality: optional('municipality'),
    incidentDate: optional('incidentDate'),
    description: fields.description?.[0],
    perpetratorKind: optional('perpetratorKind'),
    reporterRole: optional('reporterRole'),
    gender: optional('gender'),
    ageGroup: optional('ageGroup'),
    preferredLanguage: optional('preferredLanguage'),
    anonymous,
  };
  if (anonymous === false) {
    report.contact = {
      name: optional('contactName'),
      email: optional('contactEmail'),
      phone: optional('contactPhone'),
    };
    report.consentToContact = one('consentToContact') === 'yes';
    report.consentToShareIdentity = one('consentToShareIdentity') === 'yes';
  }
  if (helperKind === 'mediator' || helperKind === 'organisation') {
    report.helper = { kind: helperKind, name: one('helperName') };
  }
  return report;
}

/** A mediator's report must say whether the person lets the mediator follow the case. */
function mayFollowProblems(fields: FormFields): FieldError[] {
  const answer = fields.mediatorMayFollow?.[0];
  if (answer === 'yes' || answer === 'no') return [];
  return [
    {
      field: 'mediatorMayFollow',
      code: 'mediator_may_follow_required',
      messageKey: 'partner.report.mayFollow.required',
    },
  ];
}

/**
 * The web form of a report: one multipart request with the answers and the files, so a
 * phone without JavaScript can attach photos. Errors come back as the form with every
 * problem listed and the answers kept (files must be chosen again).
 */
@Injectable()
export class ReportFormService {
  constructor(
    private readonly taxonomy: TaxonomyService,
    private readonly validator: CaseSubmissionValidator,
    private readonly intake: CaseIntakeService,
    private readonly store: EvidenceStore,
    private readonly clockFacts: CaseClockFacts,
  ) {}

  async form(
    locale: Locale,
    fields: FormFields = emptyFields(),
    problem?: FormProblem,
    filesDropped = false,
  ): Promise<ReportFormView> {
    const errors = plainReportErrors(problem?.errors ?? [], fields, locale, ONE_PAGE_ORDER);
    const snapshot = await this.taxonomy.snapshot();
    const lists = Object.fromEntries(
      Object.entries(REPORT_LISTS).map(([name, kind]) => [name, snapshot.list(kind, locale)]),
    );
    const values: Record<string, string> = {
      anonymous: 'yes',
      helperKind: 'none',
      preferredLanguage: locale,
    };
    for (const [name, list] of Object.entries(fields))
      if (list[0] !== undefined) values[name] = list[0];
    const fieldErrors: Record<string, string[]> = {};
    for (const e of errors) if (e.field) (fieldErrors[e.field] ??= []).push(e.message);
    const key = values.idempotencyKey;
    return {
      lists,
      languages: offeredLocales().map((code) => ({ code, name: LANGUAGE_NAMES[code] })),
      limits: {
        files: this.store.limits.maxFiles,
        fileMb: Math.round((this.store.limits.maxFileBytes / 1048576) * 10) / 10,
        totalMb: Math.round((this.store.limits.maxTotalBytes / 1048576) * 10) / 10,
      },
      values,
      grounds: fields.grounds ?? [],
      errors,
      fieldErrors,
      // A new form gets a new key; a form shown again keeps its key, so sending it twice
      // (a double click, a reload) files one report.
      idempotencyKey: key && /^[A-Za-z0-9-]{1,64}$/.test(key) ? key : randomUUID(),
      filesDropped,
    };
  }

  /**
   * Files the form's report. A community mediator's report (`mediator`) is held to their own
   * account's limit instead of the address's, records them and their organisation, and asks
   * whether the person lets them follow the case.
   */
  async submit(
    parts: AsyncIterable<IncomingPart>,
    clientKey: string,
    locale: Locale,
    mediator?: Omit<MediatorFiling, 'mayFollow'>,
  ): Promise<ReportFormOutcome> {
    const fields = emptyFields();
    let files: StagedEvidence[] = [];
    let sentFiles = false;
    try {
      try {
        if (mediator) await this.intake.admitMediator(mediator.accountId);
        else await this.intake.admit(clientKey);
      } catch (refusal) {
        // Read the answers anyway (files are dropped unwritten) to show them again.
        await readUpload(parts, this.store, this.store.budget(), { fields, acceptFiles: false });
        throw refusal;
      }
      ({ files } = await readUpload(parts, this.store, this.store.budget(), { fields }));
      sentFiles = files.length > 0;
      const report = reportFromForm(fields);
      if (mediator) delete report.helper;
      const submission = await this.validateWith(report, mediator ? mayFollowProblems(fields) : []);
      const key = fields.idempotencyKey?.[0];
      const outcome = await this.intake.submit(submission, {
        locale,
        idempotencyKey: key && /^[A-Za-z0-9-]{1,64}$/.test(key) ? key : undefined,
        evidence: files,
        filedBy: mediator
          ? { ...mediator, mayFollow: fields.mediatorMayFollow?.[0] === 'yes' }
          : undefined,
      });
      files = [];
      if (mediator) await this.intake.countMediatorAccepted(mediator.accountId, outcome);
      else await this.intake.countAccepted(clientKey, outcome);
      const { result } = outcome;
      if (result.alreadyReceived || result.receiptCode === undefined) {
        return { kind: 'received', reference: result.reference };
      }
      return {
        kind: 'done',
        result: { ...result, receiptCode: result.receiptCode },
        nextStep: await this.clockFacts.nextStepForReporter(result.id, locale),
      };
    } catch (error) {
      await this.store.discard(files);
      if (!SHOWN.some((type) => error instanceof type)) throw error;
      throw new ReportRefusedError(error as DomainError, fields, sentFiles);
    }
  }

  /** The report validated, with any further problems of the form listed together with its own. */
  private async validateWith(report: Record<string, unknown>, more: FieldError[]) {
    let submission: CaseSubmission;
    try {
      submission = await this.validator.validate(report);
    } catch (error) {
      if (!(error instanceof ValidationFailedError) || more.length === 0) throw error;
      throw new ValidationFailedError([...error.fieldErrors, ...more]);
    }
    if (more.length > 0) throw new ValidationFailedError(more);
    return submission;
  }

  /** The form again after a refusal: every problem listed, the answers kept. */
  async refusedForm(refused: ReportRefusedError, locale: Locale): Promise<ReportFormView> {
    const { refusal } = refused;
    const files =
      refusal instanceof PayloadTooLargeError || refusal instanceof UnsupportedMediaTypeError;
    const problem = formProblem(refusal, locale, {
      field: formField,
      defaultField: files ? 'evidence' : 'form',
    });
    return this.form(locale, refused.fields, problem, files || refused.filesDropped);
  }
}
