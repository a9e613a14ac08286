import { PublicContactView, PublicContactsService } from '@app/help';
import { Inject, Injectable } from '@nestjs/common';
import {
  APP_CONFIG,
  AppConfig,
  ConflictError,
  DomainError,
  FormMessage,
  FormProblem,
  Locale,
  NotFoundError,
  PayloadTooLargeError,
  TooManyRequestsError,
  UnsupportedMediaTypeError,
  ValidationFailedError,
  fieldMessages,
  formProblem,
} from '@app/core';
import { displayDateTime } from '../../common/domain/display-date';
import { CaseClockFacts } from '../../clocks/services/case-clock-facts';
import { FollowUpAccessDto } from '../dto/follow-up-access.dto';
import type { FollowUpViewDto } from '../dto/follow-up-view.dto';
import {
  CaseAccessDeniedError,
  CaseLockedError,
} from '../../staff-cases/exceptions/case-access.errors';
import { IncomingPart } from '../../evidence/services/evidence-upload.reader';
import { FollowUpAccessService } from './follow-up-access.service';
import { EvidenceDownload, FollowUpService } from './follow-up.service';

export interface SignInFormView {
  reference: string;
  errors: FormMessage[];
  fieldErrors: Record<string, string[]>;
}

export interface CasePageView {
  /** What happens next and by when (the case clock), or null when no clock runs. */
  nextStep: string | null;
  followUp: FollowUpViewDto & {
    submittedAtText: string;
    timeline: (FollowUpViewDto['timeline'][number] & { atText: string })[];
    messages: (FollowUpViewDto['messages'][number] & { createdAtText: string })[];
    evidence: (FollowUpViewDto['evidence'][number] & { sizeText: string })[];
    sharedAnswers: (FollowUpViewDto['sharedAnswers'][number] & { answeredAtText: string })[];
  };
  /** Where to turn when the reporter disagrees; only on a decided case. */
  /** Where to turn when the reporter disagrees (the public contacts' appeal routes). */
  appealRoutes: PublicContactView[];
  sessionMinutes: number;
  sessionHours: number;
  limits: { files: number; fileMb: number; totalMb: number };
  errors: FormMessage[];
  fieldErrors: Record<string, string[]>;
  message: string;
}

function sizeText(bytes: number): string {
  if (bytes >= 1048576) return `${(bytes / 1048576).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** The forms of the follow-up case page, by the field their refusals show beside. */
export type FollowUpForm = 'body' | 'evidence' | 'confirm';

/** What each form's refusal may be (anything else is the error page). */
const SHOWN: Record<FollowUpForm, (abstract new (...args: never[]) => DomainError)[]> = {
  body: [ValidationFailedError],
  evidence: [ValidationFailedError, PayloadTooLargeError, UnsupportedMediaTypeError],
  confirm: [ValidationFailedError, ConflictError],
};

/** What a sign-in refusal may be: shown beside the reference (anything else is a bug). */
export const SIGN_IN_REFUSALS = [
  ValidationFailedError,
  CaseAccessDeniedError,
  CaseLockedError,
  TooManyRequestsError,
];

/**
 * The follow-up pages: sign in with reference + receipt code, then a short session (a cookie
 * with a random token) to read the case, answer the legal expert and add evidence, without
 * typing the code again and without the code ever being in a URL.
 */
@Injectable()
export class FollowUpPagesService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly access: FollowUpAccessService,
    private readonly followUp: FollowUpService,
    private readonly contacts: PublicContactsService,
    private readonly clockFacts: CaseClockFacts,
  ) {}

  /** The sign-in form (again after a refusal: the reference kept, never the code). */
  signInForm(reference = '', problem?: FormProblem): SignInFormView {
    return {
      reference: reference.slice(0, 40),
      errors: problem?.errors ?? [],
      fieldErrors: fieldMessages(problem),
    };
  }

  /** A new follow-up session for the case of this reference and receipt code. */
  /** A session for the case, and the language its reporter asked to be written in. */
  async signIn(
    form: FollowUpAccessDto,
    clientKey: string,
  ): Promise<{ token: string; locale?: Locale }> {
    const caseId = await this.access.verify(form.reference, form.receiptCode, clientKey);
    const token = await this.access.openSession(caseId);
    return { token, locale: await this.access.preferredLocale(caseId) };
  }

  /** The case page, or undefined when the session ended. */
  async casePage(
    token: string | undefined,
    locale: Locale,
    extra: { problem?: FormProblem; message?: string } = {},
  ): Promise<CasePageView | undefined> {
    const caseId = await this.access.resumeSession(token);
    return caseId ? this.render(caseId, locale, extra) : undefined;
  }

  /**
   * The case page again with the refusal of one of its forms (messages beside its field), or
   * undefined when the session ended. Refusals the form does not expect go to the error page.
   */
  async refusedPage(
    token: string | undefined,
    locale: Locale,
    error: DomainError,
    form: FollowUpForm,
  ): Promise<CasePageView | undefined> {
    if (!SHOWN[form].some((type) => error instanceof type)) throw error;
    const problem = formProblem(error, locale, { defaultField: form });
    return this.casePage(token, locale, { problem });
  }

  /** False when the session ended. */
  async postMessage(token: string | undefined, body: string): Promise<boolean> {
    const caseId = await this.access.resumeSession(token);
    if (!caseId) return false;
    await this.followUp.postMessage(caseId, body);
    return true;
  }

  /** False when the session ended. */
  async addEvidence(
    token: string | undefined,
    parts: AsyncIterable<IncomingPart>,
  ): Promise<boolean> {
    const caseId = await this.access.resumeSession(token);
    if (!caseId) return false;
    await this.followUp.addEvidence(caseId, parts);
    return true;
  }

  async download(token: string | undefined, evidenceId: string): Promise<EvidenceDownload> {
    const caseId = await this.access.resumeSession(token);
    if (!caseId) throw new NotFoundError('evidence_not_found');
    return this.followUp.openEvidence(caseId, evidenceId);
  }

  signOut(token: string | undefined): Promise<void> {
    return this.access.closeSession(token);
  }

  private async render(
    caseId: string,
    locale: Locale,
    extra: { problem?: FormProblem; message?: string },
  ): Promise<CasePageView> {
    const view = await this.followUp.view(caseId, locale);
    const { evidenceMaxFiles, evidenceMaxFileBytes, evidenceMaxTotalBytes } = this.config.cases;
    return {
      followUp: {
        ...view,
        submittedAtText: displayDateTime(view.submittedAt),
        timeline: view.timeline.map((e) => ({ ...e, atText: displayDateTime(e.at) })),
        messages: view.messages.map((m) => ({ ...m, createdAtText: displayDateTime(m.createdAt) })),
        evidence: view.evidence.map((e) => ({ ...e, sizeText: sizeText(e.sizeBytes) })),
        sharedAnswers: view.sharedAnswers.map((a) => ({
          ...a,
          answeredAtText: displayDateTime(a.answeredAt),
        })),
      },
      appealRoutes: view.decided ? await this.contacts.list('appeal_route', locale) : [],
      sessionMinutes: this.config.cases.followUpSessionIdleMinutes,
      sessionHours: this.config.cases.followUpSessionAbsoluteHours,
      limits: {
        files: evidenceMaxFiles,
        fileMb: Math.round((evidenceMaxFileBytes / 1048576) * 10) / 10,
        totalMb: Math.round((evidenceMaxTotalBytes / 1048576) * 10) / 10,
      },
      errors: extra.problem?.errors ?? [],
      fieldErrors: fieldMessages(extra.problem),
      message: extra.message ?? '',
      nextStep: await this.clockFacts.nextStepForReporter(caseId, locale),
    };
  }
}
