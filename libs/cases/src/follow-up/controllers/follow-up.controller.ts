import { Body, Controller, Header, HttpCode, Post, Req } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { PublicAccess, requestLocale } from '@app/core';
import { FollowUpAccessDto } from '../dto/follow-up-access.dto';
import { FollowUpViewDto, PostedMessageDto } from '../dto/follow-up-view.dto';
import { PostMessageDto } from '../dto/post-message.dto';
import { FollowUpService } from '../services/follow-up.service';
import { clientKey } from '../../common/controllers/http-context';

/**
 * A reporter's access to their case with reference + receipt code. Always POST: the code
 * must never be in a URL. A wrong code and an unknown reference get the same 404
 * `case_access_denied`; too many wrong codes lock the client that typed them out of the
 * reference (429 `case_locked`), and a reference under attack slows the clients that already
 * failed on it (429 `rate_limited`); both with Retry-After.
 */
@ApiTags('follow-up')
@PublicAccess()
@Controller('api/v1/follow-up')
export class FollowUpController {
  constructor(private readonly followUp: FollowUpService) {}

  @Post()
  @HttpCode(200)
  @Header('cache-control', 'no-store')
  @ApiOkResponse({ type: FollowUpViewDto })
  @ApiNotFoundResponse({ description: 'Unknown reference or wrong code (the same answer)' })
  @ApiTooManyRequestsResponse({
    description:
      'This client is locked out of the reference, must wait (reference under attack), or tried too often (Retry-After)',
  })
  view(
    @Body() access: FollowUpAccessDto,
    @Req() request: FastifyRequest,
  ): Promise<FollowUpViewDto> {
    return this.followUp.viewWithCode(
      access.reference,
      access.receiptCode,
      clientKey(request),
      requestLocale(request),
    );
  }

  @Post('messages')
  @HttpCode(201)
  @Header('cache-control', 'no-store')
  @ApiCreatedResponse({ type: PostedMessageDto })
  @ApiNotFoundResponse({ description: 'Unknown reference or wrong code (the same answer)' })
  postMessage(
    @Body() message: PostMessageDto,
    @Req() request: FastifyRequest,
  ): Promise<PostedMessageDto> {
    return this.followUp.postMessageWithCode(
      message.reference,
      message.receiptCode,
      message.body,
      clientKey(request),
    );
  }
}
