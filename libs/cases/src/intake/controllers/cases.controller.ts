import { Body, Controller, Headers, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PublicAccess, requestLocale } from '@app/core';
import type { CaseSubmission } from '../domain/case-submission';
import { AddedEvidenceDto } from '../../follow-up/dto/follow-up-view.dto';
import { SubmitCaseDto } from '../dto/submit-case.dto';
import { SubmittedCaseDto } from '../dto/submitted-case.dto';
import { CaseIntakeService } from '../services/case-intake.service';
import { CaseSubmissionPipe } from '../services/case-submission.pipe';
import { FollowUpService } from '../../follow-up/services/follow-up.service';
import { clientKey, multipartParts } from '../../common/controllers/http-context';

@ApiTags('cases')
@PublicAccess()
@Controller('api/v1/cases')
export class CasesController {
  constructor(
    private readonly intake: CaseIntakeService,
    private readonly followUp: FollowUpService,
  ) {}

  /**
   * Files a report. The answer holds the receipt code, once: only its hash is kept. A repeat
   * with the same Idempotency-Key and body files nothing and answers "already received": the
   * same case id and reference, `alreadyReceived: true`, no receipt code (header
   * `Idempotent-Replayed: true`); the same key with another body is a 409.
   */
  @Post()
  @HttpCode(201)
  @ApiBody({ type: SubmitCaseDto })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Up to 200 of A-Z a-z 0-9 . _ : -',
  })
  @ApiCreatedResponse({
    type: SubmittedCaseDto,
    description:
      'The case filed, with its receipt code. A repeat with the same Idempotency-Key and body ' +
      'answers the same case with `alreadyReceived: true` and without `receiptCode` ' +
      '(header `Idempotent-Replayed: true`): the code is shown once only.',
  })
  @ApiBadRequestResponse({ description: 'Problem details listing every invalid field' })
  @ApiTooManyRequestsResponse({ description: 'Too many reports from this client (Retry-After)' })
  async submit(
    @Body(CaseSubmissionPipe) submission: CaseSubmission,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SubmittedCaseDto> {
    const { result, replayed } = await this.intake.submitFromApi(submission, clientKey(request), {
      locale: requestLocale(request),
      idempotencyKey,
    });
    reply.header('cache-control', 'no-store');
    if (replayed) reply.header('idempotent-replayed', 'true');
    return result;
  }

  /** Adds evidence files (multipart, field `evidence`) to a case, with its receipt code. */
  @Post(':reference/evidence')
  @HttpCode(201)
  @ApiConsumes('multipart/form-data')
  @ApiHeader({ name: 'X-Receipt-Code', required: true })
  @ApiBody({
    schema: {
      type: 'object',
      properties: { evidence: { type: 'array', items: { type: 'string', format: 'binary' } } },
    },
  })
  @ApiCreatedResponse({ type: AddedEvidenceDto })
  @ApiNotFoundResponse({ description: 'Unknown reference or wrong code (the same answer)' })
  @ApiPayloadTooLargeResponse({ description: 'Too many files, a file or the total too large' })
  @ApiUnsupportedMediaTypeResponse({ description: 'Not an accepted kind of file (by content)' })
  addEvidence(
    @Param('reference') reference: string,
    @Headers('x-receipt-code') receiptCode: string | undefined,
    @Req() request: FastifyRequest,
  ): Promise<AddedEvidenceDto> {
    return this.followUp.addEvidenceWithCode(
      reference,
      receiptCode ?? '',
      multipartParts(request),
      clientKey(request),
    );
  }
}
