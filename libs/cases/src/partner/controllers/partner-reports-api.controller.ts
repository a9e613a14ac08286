import { Body, Controller, Get, Headers, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { MediatorAccess, requestLocale } from '@app/core';
import { CurrentMediator, MediatorPrincipal } from '@app/identity';
import { MessageBodyDto } from '../../follow-up/dto/post-message.dto';
import { SubmittedCaseDto } from '../../intake/dto/submitted-case.dto';
import {
  PartnerFilingDto,
  PartnerReportDto,
  PartnerReportLineDto,
} from '../dto/partner-report.dto';
import {
  PartnerReportLine,
  PartnerReportView,
  PartnerReportsService,
} from '../services/partner-reports.service';
import { PostedMessage } from '../../follow-up/services/case-messages.service';

/**
 * The JSON API of a signed-in community mediator (session cookie and `x-csrf-token`, as staff):
 * file a report for a person, list the reports they filed, read one, and message on it where
 * the person agreed. Any other case is "not found".
 */
@ApiTags('partner')
@MediatorAccess()
@Controller('api/v1/partner/reports')
export class PartnerReportsApiController {
  constructor(private readonly reports: PartnerReportsService) {}

  /**
   * Files a report for a person: `report` is the body of `POST /api/v1/cases`, and
   * `mediatorMayFollow` the person's answer to "may this mediator follow the case". Held to the
   * mediator's own daily limit, not the per-address one. The receipt code is in this answer only.
   */
  @Post()
  @HttpCode(201)
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: SubmittedCaseDto })
  @ApiBadRequestResponse({ description: 'Problem details listing every invalid field' })
  @ApiTooManyRequestsResponse({ description: "Over the mediator's daily limit (Retry-After)" })
  async file(
    @CurrentMediator() mediator: MediatorPrincipal,
    @Body() body: PartnerFilingDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SubmittedCaseDto> {
    const { result, replayed } = await this.reports.file(mediator, body, {
      locale: requestLocale(request),
      idempotencyKey,
    });
    reply.header('cache-control', 'no-store');
    if (replayed) reply.header('idempotent-replayed', 'true');
    return result;
  }

  @Get()
  @ApiOkResponse({ type: [PartnerReportLineDto] })
  list(
    @CurrentMediator() mediator: MediatorPrincipal,
    @Req() request: FastifyRequest,
  ): Promise<PartnerReportLine[]> {
    return this.reports.list(mediator, requestLocale(request));
  }

  @Get(':reference')
  @ApiOkResponse({ type: PartnerReportDto })
  @ApiNotFoundResponse({ description: 'Not a report this mediator filed' })
  view(
    @CurrentMediator() mediator: MediatorPrincipal,
    @Param('reference') reference: string,
    @Req() request: FastifyRequest,
  ): Promise<PartnerReportView> {
    return this.reports.view(mediator, reference, requestLocale(request));
  }

  @Post(':reference/messages')
  @HttpCode(201)
  @ApiCreatedResponse({ description: 'The message id and time' })
  @ApiForbiddenResponse({ description: 'The person did not agree that the mediator follows' })
  @ApiNotFoundResponse({ description: 'Not a report this mediator filed' })
  postMessage(
    @CurrentMediator() mediator: MediatorPrincipal,
    @Param('reference') reference: string,
    @Body() body: MessageBodyDto,
  ): Promise<PostedMessage> {
    return this.reports.postMessage(mediator, reference, body.body);
  }
}
