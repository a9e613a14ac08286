import { Inject, Injectable } from '@nestjs/common';
import {
  APP_CONFIG,
  AppConfig,
  DomainError,
  FormMessage,
  FormProblem,
  Locale,
  PayloadTooLargeError,
  UnsupportedMediaTypeError,
  ValidationFailedError,
  fieldMessages,
  formProblem,
  translate,
} from '@app/core';
import { displayDate } from '../../common/domain/display-date';
import { REFERRAL_OUTCOMES } from '../domain/referral-rules';
import { ReferralLinkError } from '../exceptions/referral.errors';
import { ReferralPacket } from './case-referrals.service';
import { ReferralAnswersService } from './referral-answers.service';
import { IncomingPart } from '../../evidence/services/evidence-upload.reader';

export type ResponsePageView =
  | {
      kind: 'form';
      packet: ReferralPacket & { dueText: string; incidentText: string };
      outcomes: { code: string; label: string }[];
      limits: { files: number; fileMb: number };
      errors: FormMessage[];
      fieldErrors: Record<string, string[]>;
    }
  | { kind: 'invalid'; status: number; reason: string };

/** The refusals of an answer shown on its form (anything else is a bug). */
const SHOWN = [ValidationFailedError, PayloadTooLargeError, UnsupportedMediaTypeError];

/** The institution's pages: the referral packet and its answer form, and their refusals. */
@Injectable()
export class ReferralResponsePagesService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly answers: ReferralAnswersService,
  ) {}

  /** The packet and the answer form (again after a refusal, without a second audit entry). */
  async packetPage(
    token: string,
    locale: Locale,
    problem?: FormProblem,
  ): Promise<ResponsePageView> {
    const view = await this.answers.viewByToken(token, locale, problem === undefined);
    if (view.state !== 'usable') return this.invalid(view.state);
    const { evidenceMaxFiles, evidenceMaxFileBytes } = this.config.cases;
    return {
      kind: 'form',
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
      errors: problem?.errors ?? [],
      fieldErrors: fieldMessages(problem),
    };
  }

  async answer(token: string, parts: AsyncIterable<IncomingPart>): Promise<void> {
    await this.answers.answerByToken(token, parts);
  }

  /** The page after a refused answer: the form with the problem, or the dead link. */
  refusedPage(token: string, locale: Locale, error: DomainError): Promise<ResponsePageView> {
    if (error instanceof ReferralLinkError) return Promise.resolve(this.invalid(error.state));
    if (!SHOWN.some((type) => error instanceof type)) throw error;
    return this.packetPage(
      token,
      locale,
      formProblem(error, locale, { defaultField: 'documents' }),
    );
  }

  private invalid(state: string): ResponsePageView {
    return { kind: 'invalid', status: state === 'unknown' ? 404 : 410, reason: state };
  }
}
