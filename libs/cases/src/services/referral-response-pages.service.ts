import { Inject, Injectable } from '@nestjs/common';
import {
  APP_CONFIG,
  AppConfig,
  Locale,
  PayloadTooLargeError,
  UnsupportedMediaTypeError,
  ValidationFailedError,
  translate,
} from '@app/core';
import { displayDate } from '../domain/display-date';
import { REFERRAL_OUTCOMES } from '../domain/referral-rules';
import { ReferralLinkError } from '../exceptions/referral.errors';
import { CaseReferralsService, ReferralPacket } from './case-referrals.service';
import { IncomingPart } from './evidence-upload.reader';
import { PageFieldError, translateFieldErrors } from './form-fields';

export type ResponsePageView =
  | {
      kind: 'form';
      status: number;
      packet: ReferralPacket & { dueText: string; incidentText: string };
      outcomes: { code: string; label: string }[];
      limits: { files: number; fileMb: number };
      errors: PageFieldError[];
      fieldErrors: Record<string, string[]>;
    }
  | { kind: 'invalid'; status: number; reason: string }
  | { kind: 'answered' };

/** A page to show (not the redirect after an answer). */
export type ShownResponsePage = Exclude<ResponsePageView, { kind: 'answered' }>;

function grouped(errors: PageFieldError[]): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const e of errors) (result[e.field] ??= []).push(e.message);
  return result;
}

/** The institution's pages: the referral packet and its answer form, and their refusals. */
@Injectable()
export class ReferralResponsePagesService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly referrals: CaseReferralsService,
  ) {}

  async packetPage(
    token: string,
    locale: Locale,
    errors: PageFieldError[] = [],
    status = 200,
    audit = true,
  ): Promise<ShownResponsePage> {
    const view = await this.referrals.viewByToken(token, locale, audit);
    if (view.state !== 'usable') return this.invalid(view.state);
    const { evidenceMaxFiles, evidenceMaxFileBytes } = this.config.cases;
    return {
      kind: 'form',
      status,
      packet: {
        ...view.packet,
        dueText: displayDate(`${view.packet.responseDueDate}T12:00:00Z`),
        incidentText: displayDate(`${view.packet.incidentDate}T12:00:00Z`),
      },
      outcomes: REFERRAL_OUTCOMES.map((code) => ({
        code,
        label: translate(locale, `staff.referral.outcome.${code}`),
      })),
      limits: { files: evidenceMaxFiles, fileMb: Math.round(evidenceMaxFileBytes / 1048576) },
      errors,
      fieldErrors: grouped(errors),
    };
  }

  async answer(
    token: string,
    parts: AsyncIterable<IncomingPart>,
    locale: Locale,
  ): Promise<ResponsePageView> {
    try {
      await this.referrals.answerByToken(token, parts);
      return { kind: 'answered' };
    } catch (error) {
      if (error instanceof ReferralLinkError) return this.invalid(error.state);
      if (error instanceof ValidationFailedError) {
        return this.packetPage(
          token,
          locale,
          translateFieldErrors(error.fieldErrors, locale),
          400,
          false,
        );
      }
      if (error instanceof PayloadTooLargeError || error instanceof UnsupportedMediaTypeError) {
        const errors = [
          { field: 'documents', message: translate(locale, `error.${error.code}`, error.params) },
        ];
        return this.packetPage(token, locale, errors, error.status, false);
      }
      throw error;
    }
  }

  private invalid(state: string): ShownResponsePage {
    return { kind: 'invalid', status: state === 'unknown' ? 404 : 410, reason: state };
  }
}
