import { Inject, Injectable } from '@nestjs/common';
import {
  APP_CONFIG,
  AppConfig,
  Locale,
  NotFoundError,
  PayloadTooLargeError,
  TooManyRequestsError,
  UnsupportedMediaTypeError,
  ValidationFailedError,
  translate,
} from '@app/core';
import { displayDateTime } from '../domain/display-date';
import { FollowUpAccessDto } from '../dto/follow-up-access.dto';
import { MessageBodyDto } from '../dto/post-message.dto';
import type { FollowUpViewDto } from '../dto/follow-up-view.dto';
import { CaseAccessDeniedError, CaseLockedError } from '../exceptions/case-access.errors';
import { IncomingPart } from './evidence-upload.reader';
import { FollowUpAccessService } from './follow-up-access.service';
import { EvidenceDownload, FollowUpService } from './follow-up.service';
import {
  PageFieldError,
  firstValues,
  translateFieldErrors,
  validateFormFields,
} from './form-fields';

export interface SignInFormView {
  reference: string;
  errors: PageFieldError[];
  fieldErrors: Record<string, string[]>;
}

export type SignInOutcome =
  | { kind: 'signed_in'; token: string }
  | { kind: 'form'; status: number; view: SignInFormView; retryAfterSeconds?: number };

export interface CasePageView {
  followUp: FollowUpViewDto & {
    submittedAtText: string;
    timeline: (FollowUpViewDto['timeline'][number] & { atText: string })[];
    messages: (FollowUpViewDto['messages'][number] & { createdAtText: string })[];
    evidence: (FollowUpViewDto['evidence'][number] & { sizeText: string })[];
  };
  sessionMinutes: number;
  sessionHours: number;
  limits: { files: number; fileMb: number; totalMb: number };
  errors: PageFieldError[];
  fieldErrors: Record<string, string[]>;
  message: string;
}

export type CaseActionOutcome =
  { kind: 'done' } | { kind: 'signed_out' } | { kind: 'page'; status: number; view: CasePageView };

function groupErrors(errors: PageFieldError[]): Record<string, string[]> {
  const grouped: Record<string, string[]> = {};
  for (const e of errors) (grouped[e.field] ??= []).push(e.message);
  return grouped;
}

function sizeText(bytes: number): string {
  if (bytes >= 1048576) return `${(bytes / 1048576).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

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
  ) {}

  signInForm(reference = '', errors: PageFieldError[] = []): SignInFormView {
    return { reference, errors, fieldErrors: groupErrors(errors) };
  }

  async signIn(body: unknown, clientKey: string, locale: Locale): Promise<SignInOutcome> {
    const values = firstValues(body);
    // The code is never shown again, even when it was wrong.
    const reference = (values.reference ?? '').slice(0, 40);
    try {
      const form = await validateFormFields(FollowUpAccessDto, {
        reference: values.reference,
        receiptCode: values.receiptCode,
      });
      const caseId = await this.access.verify(form.reference, form.receiptCode, clientKey);
      return { kind: 'signed_in', token: await this.access.openSession(caseId) };
    } catch (error) {
      if (error instanceof ValidationFailedError) {
        const errors = translateFieldErrors(error.fieldErrors, locale);
        return { kind: 'form', status: 400, view: this.signInForm(reference, errors) };
      }
      if (error instanceof CaseAccessDeniedError) {
        const errors = [
          { field: 'reference', message: translate(locale, 'error.case_access_denied') },
        ];
        return { kind: 'form', status: 404, view: this.signInForm(reference, errors) };
      }
      if (error instanceof CaseLockedError || error instanceof TooManyRequestsError) {
        const errors = [
          { field: 'reference', message: translate(locale, `error.${error.code}`, error.params) },
        ];
        return {
          kind: 'form',
          status: 429,
          retryAfterSeconds: error.retryAfterSeconds,
          view: this.signInForm(reference, errors),
        };
      }
      throw error;
    }
  }

  /** The case page, or undefined when the session ended. */
  async casePage(
    token: string | undefined,
    locale: Locale,
    extra: { errors?: PageFieldError[]; message?: string } = {},
  ): Promise<CasePageView | undefined> {
    const caseId = await this.access.resumeSession(token);
    return caseId ? this.render(caseId, locale, extra) : undefined;
  }

  async postMessage(
    token: string | undefined,
    body: unknown,
    locale: Locale,
  ): Promise<CaseActionOutcome> {
    const caseId = await this.access.resumeSession(token);
    if (!caseId) return { kind: 'signed_out' };
    try {
      const form = await validateFormFields(MessageBodyDto, { body: firstValues(body).body });
      await this.followUp.postMessage(caseId, form.body);
      return { kind: 'done' };
    } catch (error) {
      if (!(error instanceof ValidationFailedError)) throw error;
      const errors = translateFieldErrors(error.fieldErrors, locale);
      return { kind: 'page', status: 400, view: await this.render(caseId, locale, { errors }) };
    }
  }

  async addEvidence(
    token: string | undefined,
    parts: AsyncIterable<IncomingPart>,
    locale: Locale,
  ): Promise<CaseActionOutcome> {
    const caseId = await this.access.resumeSession(token);
    if (!caseId) return { kind: 'signed_out' };
    try {
      await this.followUp.addEvidence(caseId, parts);
      return { kind: 'done' };
    } catch (error) {
      let errors: PageFieldError[];
      if (error instanceof ValidationFailedError) {
        errors = translateFieldErrors(error.fieldErrors, locale);
      } else if (
        error instanceof PayloadTooLargeError ||
        error instanceof UnsupportedMediaTypeError
      ) {
        errors = [
          { field: 'evidence', message: translate(locale, `error.${error.code}`, error.params) },
        ];
      } else {
        throw error;
      }
      const status = error instanceof ValidationFailedError ? 400 : error.status;
      return { kind: 'page', status, view: await this.render(caseId, locale, { errors }) };
    }
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
    extra: { errors?: PageFieldError[]; message?: string },
  ): Promise<CasePageView> {
    const view = await this.followUp.view(caseId, locale);
    const errors = extra.errors ?? [];
    const { evidenceMaxFiles, evidenceMaxFileBytes, evidenceMaxTotalBytes } = this.config.cases;
    return {
      followUp: {
        ...view,
        submittedAtText: displayDateTime(view.submittedAt),
        timeline: view.timeline.map((e) => ({ ...e, atText: displayDateTime(e.at) })),
        messages: view.messages.map((m) => ({ ...m, createdAtText: displayDateTime(m.createdAt) })),
        evidence: view.evidence.map((e) => ({ ...e, sizeText: sizeText(e.sizeBytes) })),
      },
      sessionMinutes: this.config.cases.followUpSessionIdleMinutes,
      sessionHours: this.config.cases.followUpSessionAbsoluteHours,
      limits: {
        files: evidenceMaxFiles,
        fileMb: Math.round((evidenceMaxFileBytes / 1048576) * 10) / 10,
        totalMb: Math.round((evidenceMaxTotalBytes / 1048576) * 10) / 10,
      },
      errors,
      fieldErrors: groupErrors(errors),
      message: extra.message ?? '',
    };
  }
}
