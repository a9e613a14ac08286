import { CaseClockFacts } from '../../clocks/services/case-clock-facts';
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  APP_CONFIG,
  AppConfig,
  Clock,
  DomainError,
  FieldCipher,
  FormMessage,
  LANGUAGE_NAMES,
  offeredLocales,
  Locale,
  PayloadTooLargeError,
  RateLimiter,
  TooManyRequestsError,
  UnsupportedMediaTypeError,
  ValidationFailedError,
  formProblem,
} from '@app/core';
import { LocalizedEntry, TaxonomyService } from '@app/taxonomy';
import type { CaseSubmission } from '../domain/case-submission';
import {
  ANSWER_FIELDS,
  CONTACT_FIELDS,
  REPORT_DRAFT_TTL_MS,
  REPORT_STEPS,
  ReportStep,
  STEP_FIELDS,
  isReportStep,
  nextStep,
  previousStep,
  progress,
} from '../domain/report-steps';
import { IdempotencyKeyReusedError } from '../exceptions/idempotency.errors';
import { CaseIntakeService, SubmittedCase } from './case-intake.service';
import { CaseSubmissionValidator } from './case-submission.validator';
import { plainReportErrors } from './report-errors';
import { REPORT_LISTS, formField, reportFromForm } from './report-form.service';
import { EvidenceStore, StagedEvidence } from '../../evidence/services/evidence-store.service';
import {
  FormFields,
  IncomingPart,
  emptyFields,
  readUpload,
} from '../../evidence/services/evidence-upload.reader';

/** A file staged for a report being written, and the sealed handle its pages carry. */
interface HeldEvidence extends StagedEvidence {
  handle: string;
}

/** What the steps carry from page to page: nothing of it is stored on the server. */
interface Draft {
  /** The draft's id, also the idempotency key of its "Send" (one report however often sent). */
  key: string;
  answers: FormFields;
  held: HeldEvidence[];
  /** The page was opened with "Change" from "Check your answers": "Continue" returns there. */
  fromCheck: boolean;
  /** Files of this draft were held too long and deleted: the reporter must choose them again. */
  filesExpired: boolean;
}

/** One answer on "Check your answers". */
export interface CheckRow {
  step: ReportStep;
  /** Message key of the question. */
  label: string;
  /** The answer as the reporter reads it (a list's label, not its code); empty: not given. */
  value: string;
  /** Message key of an answer that is one of the form's own choices (read before `value`). */
  valueKey?: string;
}

/** A step's page as its template needs it. */
export interface ReportStepView {
  step: ReportStep;
  progress: { number: number; of: number };
  lists: Record<string, LocalizedEntry[]>;
  languages: { code: Locale; name: string }[];
  limits: { files: number; fileMb: number; totalMb: number };
  /** The first answer of each question on this page. */
  values: Record<string, string>;
  grounds: string[];
  errors: FormMessage[];
  fieldErrors: Record<string, string[]>;
  /** The answers of the other pages, sent on as hidden fields. */
  carried: { name: string; value: string }[];
  held: { handle: string; name: string; kb: number }[];
  draft: string;
  fromCheck: boolean;
  filesExpired: boolean;
  rows: CheckRow[];
}

export type ReportStepOutcome =
  | { kind: 'step'; view: ReportStepView }
  | {
      kind: 'done';
      result: SubmittedCase & { receiptCode: string };
      /** When the reporter can expect the next step, from the configured service targets. */
      nextStep: string | null;
    }
  /** The same draft sent again (a double "Send", a reload): the case it filed, no code. */
  | { kind: 'received'; reference: string };

/** A refused step: its page again with the problem, everything typed and chosen kept. */
export class ReportStepRefusedError extends DomainError {
  readonly retryAfterSeconds?: number;

  constructor(
    readonly refusal: DomainError,
    readonly view: ReportStepView,
  ) {
    super(refusal.code, refusal.status, refusal.params, refusal.extensions, refusal.fieldErrors);
    this.retryAfterSeconds = (refusal as { retryAfterSeconds?: number }).retryAfterSeconds;
  }
}

const DRAFT_KEY = /^[A-Za-z0-9-]{1,64}$/;
/** The form order of every question, for the error summary. */
const FORM_ORDER = REPORT_STEPS.flatMap((step) => STEP_FIELDS[step]);
/** Sealed handles are bound to their draft: a handle copied into another draft opens nothing. */
const handleContext = (key: string) => `report-draft:${key}`;

function first(answers: FormFields, name: string): string {
  return (answers[name]?.[0] ?? '').trim();
}

/**
 * The report journey: a few short pages, one question group each, then "Check your answers"
 * and "Send". It stores no case until "Send", and nothing at all before it but evidence files.
 *
 * Why the answers travel in hidden fields of each page rather than in a server-side draft:
 * a description of discrimination and a reporter's contact details are the most sensitive data
 * the platform holds, and a draft kept for a person who may never send it is data held without
 * purpose. Carried by the page, the answers exist only in the reporter's browser and in the
 * request being answered (pages are `no-store`, over HTTPS, never in a URL, Redis or a log);
 * abandoning the report leaves nothing behind. Evidence cannot travel in a page, so each file
 * is staged once by the EvidenceStore and held on disk (`<id>.held`, mode 0600, outside the web
 * root) under a handle sealed with the field cipher (AES-GCM) and bound to the draft's key:
 * it cannot be guessed, forged, nor replayed into another draft; it expires after
 * REPORT_DRAFT_TTL_MS, and the retention sweep deletes files of drafts never sent. "Send" files
 * the report with the draft's key as idempotency key, so a double "Send" files one report.
 */
@Injectable()
export class ReportStepsService {
  constructor(
    private readonly taxonomy: TaxonomyService,
    private readonly validator: CaseSubmissionValidator,
    private readonly intake: CaseIntakeService,
    private readonly store: EvidenceStore,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
    private readonly clockFacts: CaseClockFacts,
    private readonly rateLimiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The first page of a new report. */
  start(locale: Locale): Promise<ReportStepView> {
    const draft: Draft = {
      key: randomUUID(),
      answers: emptyFields(),
      held: [],
      fromCheck: false,
      filesExpired: false,
    };
    return this.page('what', draft, locale);
  }

  /**
   * A page's form sent: `go` says where to ("next" after checking this page's answers, "back",
   * "change-<step>" from "Check your answers", "remove-<n>" for a held file, "stay" to show the
   * page again in another language, "send" to file the report).
   */
  async advance(
    parts: AsyncIterable<IncomingPart>,
    clientKey: string,
    locale: Locale,
  ): Promise<ReportStepOutcome> {
    const fields = emptyFields();
    let fresh: StagedEvidence[] = [];
    let uploadRefused: DomainError | undefined;
    try {
      ({ files: fresh } = await readUpload(parts, this.store, this.store.budget(), { fields }));
    } catch (error) {
      if (!(error instanceof PayloadTooLargeError || error instanceof UnsupportedMediaTypeError)) {
        throw error;
      }
      uploadRefused = error;
    }
    const draft = this.draftOf(fields);
    const step: ReportStep = isReportStep(fields.step?.[0])
      ? (fields.step[0] as ReportStep)
      : 'what';
    if (fresh.length > 0) {
      const violation = this.overLimits(draft.held, fresh);
      const admitted = violation ? undefined : await this.admitFiles(clientKey);
      if (admitted) {
        await this.store.discard(fresh);
        uploadRefused = admitted;
      } else if (violation) {
        await this.store.discard(fresh);
        uploadRefused = this.store.limitError(violation);
      } else {
        await this.store.hold(fresh);
        draft.held.push(...fresh.map((file) => this.seal(file, draft.key)));
      }
    }
    if (uploadRefused) throw await this.refused(uploadRefused, 'evidence', draft, locale);

    const go = fields.go?.[0] ?? 'next';
    if (go === 'stay') return this.show(step, draft, locale);
    if (go === 'back') {
      const back = draft.fromCheck ? 'check' : previousStep(step, draft.answers);
      return this.show(back, { ...draft, fromCheck: false }, locale);
    }
    if (go.startsWith('change-') && isReportStep(go.slice('change-'.length))) {
      return this.show(
        go.slice('change-'.length) as ReportStep,
        { ...draft, fromCheck: true },
        locale,
      );
    }
    if (go.startsWith('remove-')) {
      const index = Number(go.slice('remove-'.length));
      const [removed] = Number.isInteger(index) ? draft.held.splice(index, 1) : [];
      if (removed) await this.store.discardHeld([removed.id]);
      return this.show('evidence', draft, locale);
    }
    if (go === 'send') return this.send(draft, clientKey, locale);

    await this.checkStep(step, draft, locale);
    const contactNext = step === 'contact' && first(draft.answers, 'anonymous') === 'no';
    if (draft.fromCheck && !contactNext) return this.show('check', draft, locale);
    return this.show(nextStep(step, draft.answers), draft, locale);
  }

  /**
   * Files held for drafts stay on disk until the draft is sent or expires, so a client may hold
   * files for only so many uploads per intake window (twice as many as the reports it may send:
   * a reporter adds files in a few goes). A refusal keeps the files already held.
   */
  private async admitFiles(clientKey: string): Promise<TooManyRequestsError | undefined> {
    const { intakeRateLimit, intakeRateWindowSeconds } = this.config.cases;
    const verdict = await this.rateLimiter.hit(
      'draft_evidence',
      clientKey,
      intakeRateLimit * 2,
      intakeRateWindowSeconds,
    );
    return verdict.allowed ? undefined : new TooManyRequestsError(verdict.retryAfterSeconds);
  }

  /** Files the report: every answer checked again, the client's limit, then the intake. */
  private async send(draft: Draft, clientKey: string, locale: Locale): Promise<ReportStepOutcome> {
    // The files of the whole report, however many pages brought them: within the limits of
    // one report (a client could upload in batches and send every handle at once).
    const violation = this.overLimits(draft.held, []);
    if (violation) {
      throw await this.refused(this.store.limitError(violation), 'evidence', draft, locale);
    }
    let submission: CaseSubmission;
    try {
      submission = await this.validator.validate(reportFromForm(draft.answers));
    } catch (error) {
      if (!(error instanceof ValidationFailedError)) throw error;
      // Only a page sent by hand gets here: the first page with a problem shows it.
      const messages = this.messages(error, draft, locale);
      const step =
        REPORT_STEPS.find((s) =>
          messages.some((m) => m.field && STEP_FIELDS[s].includes(m.field)),
        ) ?? 'check';
      throw await this.refused(
        error,
        step,
        draft,
        locale,
        messages.filter((m) => m.field && STEP_FIELDS[step].includes(m.field)),
      );
    }
    try {
      await this.intake.admit(clientKey);
    } catch (error) {
      if (!(error instanceof TooManyRequestsError)) throw error;
      throw await this.refused(error, 'check', draft, locale);
    }

    const staged: StagedEvidence[] = [];
    for (const file of draft.held) {
      const id = await this.store.stageHeld(file.id);
      if (!id) break;
      staged.push({ ...file, id });
    }
    if (staged.length < draft.held.length) {
      await this.store.discard(staged);
      // A second "Send" of a report already filed finds its files gone with the first.
      const reference = await this.intake.filedUnder(draft.key);
      if (reference) return { kind: 'received', reference };
      const kept = await this.stillHeld(draft.held);
      return this.show('evidence', { ...draft, held: kept, filesExpired: true }, locale);
    }
    try {
      const outcome = await this.intake.submit(submission, {
        locale,
        idempotencyKey: draft.key,
        evidence: staged.map(({ id, originalName, mediaType, sizeBytes, sha256 }) => ({
          id,
          originalName,
          mediaType,
          sizeBytes,
          sha256,
        })),
      });
      await this.store.discardHeld(draft.held.map((file) => file.id));
      await this.intake.countAccepted(clientKey, outcome);
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
      if (!(error instanceof IdempotencyKeyReusedError)) throw error;
      throw await this.refused(error, 'check', draft, locale);
    }
  }

  /** Refuses the page when one of its own answers is missing or wrong. */
  private async checkStep(step: ReportStep, draft: Draft, locale: Locale): Promise<void> {
    try {
      await this.validator.validate(reportFromForm(draft.answers));
    } catch (error) {
      if (!(error instanceof ValidationFailedError)) throw error;
      const mine = this.messages(error, draft, locale).filter(
        (m) => m.field && STEP_FIELDS[step].includes(m.field),
      );
      if (mine.length > 0) {
        const refusal = new ValidationFailedError(
          error.fieldErrors.filter((e) => STEP_FIELDS[step].includes(formField(e.field))),
        );
        throw await this.refused(refusal, step, draft, locale, mine);
      }
    }
  }

  private messages(error: DomainError, draft: Draft, locale: Locale): FormMessage[] {
    const problem = formProblem(error, locale, { field: formField, defaultField: 'evidence' });
    return plainReportErrors(problem.errors, draft.answers, locale, FORM_ORDER);
  }

  private async refused(
    refusal: DomainError,
    step: ReportStep,
    draft: Draft,
    locale: Locale,
    messages?: FormMessage[],
  ): Promise<ReportStepRefusedError> {
    let errors = messages;
    if (!errors) {
      const files =
        refusal instanceof PayloadTooLargeError || refusal instanceof UnsupportedMediaTypeError;
      const problem = formProblem(refusal, locale, {
        field: formField,
        defaultField: files ? 'evidence' : undefined,
      });
      errors = plainReportErrors(problem.errors, draft.answers, locale, FORM_ORDER);
    }
    return new ReportStepRefusedError(refusal, await this.page(step, draft, locale, errors));
  }

  private async show(step: ReportStep, draft: Draft, locale: Locale): Promise<ReportStepOutcome> {
    return { kind: 'step', view: await this.page(step, draft, locale) };
  }

  /** The draft as the page sent it: its key, its answers (and nothing else), its files. */
  private draftOf(fields: FormFields): Draft {
    const sent = fields.draft?.[0] ?? '';
    const key = DRAFT_KEY.test(sent) ? sent : randomUUID();
    const answers = emptyFields();
    for (const name of ANSWER_FIELDS) if (fields[name]) answers[name] = fields[name];
    // Staying anonymous leaves no contact details to send, whatever was typed before:
    // an anonymous report with a phone number cannot exist.
    if (first(answers, 'anonymous') !== 'no')
      for (const name of CONTACT_FIELDS) delete answers[name];
    const held: HeldEvidence[] = [];
    let filesExpired = false;
    for (const handle of fields.heldEvidence ?? []) {
      const file = this.open(handle, key);
      if (file === 'expired') filesExpired = true;
      else if (file && !held.some((h) => h.id === file.id)) held.push(file);
    }
    return { key, answers, held, fromCheck: fields.fromCheck?.[0] === 'yes', filesExpired };
  }

  private seal(file: StagedEvidence, key: string): HeldEvidence {
    const sealed = JSON.stringify([
      file.id,
      file.originalName,
      file.mediaType,
      file.sizeBytes,
      file.sha256,
      this.clock.now().getTime(),
    ]);
    return { ...file, handle: this.cipher.encrypt(sealed, handleContext(key)) };
  }

  /** The file a handle names; undefined for a forged or foreign one. */
  private open(handle: string, key: string): HeldEvidence | 'expired' | undefined {
    try {
      const [id, originalName, mediaType, sizeBytes, sha256, at] = JSON.parse(
        this.cipher.decrypt(handle, handleContext(key)),
      ) as [string, string, string, number, string, number];
      if (this.clock.now().getTime() - at > REPORT_DRAFT_TTL_MS) return 'expired';
      return { id, originalName, mediaType, sizeBytes, sha256, handle };
    } catch {
      return undefined;
    }
  }

  /** The held files still on disk (the others expired). */
  private async stillHeld(held: HeldEvidence[]): Promise<HeldEvidence[]> {
    const kept: HeldEvidence[] = [];
    for (const file of held) if (await this.store.isHeld(file.id)) kept.push(file);
    return kept;
  }

  /** The draft's files with the new ones against the limits of one report. */
  private overLimits(held: readonly StagedEvidence[], fresh: readonly StagedEvidence[]) {
    const all = [...held, ...fresh];
    if (all.length > this.store.limits.maxFiles) return 'evidence_too_many_files' as const;
    const bytes = all.reduce((sum, file) => sum + file.sizeBytes, 0);
    if (bytes > this.store.limits.maxTotalBytes) return 'evidence_total_too_large' as const;
    return undefined;
  }

  private async page(
    step: ReportStep,
    draft: Draft,
    locale: Locale,
    errors: FormMessage[] = [],
  ): Promise<ReportStepView> {
    const snapshot = await this.taxonomy.snapshot();
    const lists = Object.fromEntries(
      Object.entries(REPORT_LISTS).map(([name, kind]) => [name, snapshot.list(kind, locale)]),
    );
    const own = STEP_FIELDS[step];
    const values: Record<string, string> = { helperKind: 'none', preferredLanguage: locale };
    for (const [name, list] of Object.entries(draft.answers))
      if (list[0] !== undefined) values[name] = list[0];
    const carried: { name: string; value: string }[] = [];
    for (const name of ANSWER_FIELDS) {
      if (own.includes(name)) continue;
      for (const value of draft.answers[name] ?? []) carried.push({ name, value });
    }
    const fieldErrors: Record<string, string[]> = {};
    for (const e of errors) if (e.field) (fieldErrors[e.field] ??= []).push(e.message);
    const { maxFiles, maxFileBytes, maxTotalBytes } = this.store.limits;
    return {
      step,
      progress: progress(step),
      lists,
      languages: offeredLocales().map((code) => ({ code, name: LANGUAGE_NAMES[code] })),
      limits: {
        files: maxFiles,
        fileMb: Math.round((maxFileBytes / 1048576) * 10) / 10,
        totalMb: Math.round((maxTotalBytes / 1048576) * 10) / 10,
      },
      values,
      grounds: draft.answers.grounds ?? [],
      errors,
      fieldErrors,
      carried,
      held: draft.held.map((file) => ({
        handle: file.handle,
        name: file.originalName,
        kb: Math.max(1, Math.round(file.sizeBytes / 1024)),
      })),
      draft: draft.key,
      fromCheck: draft.fromCheck,
      filesExpired: draft.filesExpired,
      rows: step === 'check' ? this.rows(draft, lists, locale) : [],
    };
  }

  /** "Check your answers": each answer as the reporter gave it, under its question. */
  private rows(draft: Draft, lists: Record<string, LocalizedEntry[]>, locale: Locale): CheckRow[] {
    const a = draft.answers;
    const label = (list: string, code: string) =>
      lists[list]?.find((item) => item.code === code)?.label ?? code;
    const chosen = (list: string, name: string) =>
      first(a, name) ? label(list, first(a, name)) : '';
    const rows: CheckRow[] = [
      { step: 'what', label: 'report.description.label', value: first(a, 'description') },
      {
        step: 'where',
        label: 'report.municipality.label',
        value: chosen('municipality', 'municipality'),
      },
      { step: 'where', label: 'report.incidentDate.label', value: first(a, 'incidentDate') },
      { step: 'where', label: 'report.primaryArea.legend', value: chosen('area', 'primaryArea') },
      {
        step: 'who',
        label: 'report.perpetratorKind.label',
        value: chosen('perpetratorKind', 'perpetratorKind'),
      },
      {
        step: 'who',
        label: 'report.grounds.legend',
        value: (a.grounds ?? [])
          .filter(Boolean)
          .map((code) => label('ground', code))
          .join(', '),
      },
      { step: 'you', label: 'report.community.legend', value: chosen('community', 'community') },
      {
        step: 'you',
        label: 'report.reporterRole.legend',
        value: chosen('reporterRole', 'reporterRole'),
      },
      { step: 'you', label: 'report.gender.legend', value: chosen('gender', 'gender') },
      { step: 'you', label: 'report.ageGroup.legend', value: chosen('ageGroup', 'ageGroup') },
      {
        step: 'you',
        label: 'report.preferredLanguage.label',
        value: LANGUAGE_NAMES[(first(a, 'preferredLanguage') || locale) as Locale] ?? '',
      },
      {
        step: 'you',
        label: 'report.helper.legend',
        valueKey: ['mediator', 'organisation'].includes(first(a, 'helperKind'))
          ? `report.helper.${first(a, 'helperKind')}`
          : 'report.helper.none',
        value: first(a, 'helperKind') === 'none' ? '' : first(a, 'helperName'),
      },
      {
        step: 'contact',
        label: 'report.contactChoice.legend',
        valueKey:
          first(a, 'anonymous') === 'no' ? 'report.contactChoice.no' : 'report.contactChoice.yes',
        value: '',
      },
    ];
    if (first(a, 'anonymous') === 'no') {
      rows.push(
        { step: 'details', label: 'report.contactName.label', value: first(a, 'contactName') },
        { step: 'details', label: 'report.contactEmail.label', value: first(a, 'contactEmail') },
        { step: 'details', label: 'report.contactPhone.label', value: first(a, 'contactPhone') },
        {
          step: 'details',
          label: 'report.consentToContact.label',
          valueKey: first(a, 'consentToContact') === 'yes' ? 'report.check.yes' : 'report.check.no',
          value: '',
        },
        {
          step: 'details',
          label: 'report.consentToShareIdentity.label',
          valueKey:
            first(a, 'consentToShareIdentity') === 'yes' ? 'report.check.yes' : 'report.check.no',
          value: '',
        },
      );
    }
    rows.push({
      step: 'evidence',
      label: 'report.evidence.legend',
      value: draft.held.map((file) => file.originalName).join(', '),
    });
    return rows;
  }
}
