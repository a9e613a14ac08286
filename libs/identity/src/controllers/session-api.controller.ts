import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AccountAccess, CsrfService } from '@app/core';

import { SessionDto } from '../dto/session.dto';
import '../http/staff-request';

@ApiTags('session')
@AccountAccess()
@Controller('api/v1/session')
export class SessionApiController {
  constructor(private readonly csrf: CsrfService) {}

  /**
   * The signed-in staff member (or community mediator) and a CSRF token: API clients using the session cookie send
   * it as `x-csrf-token` with every POST, PUT, PATCH or DELETE.
   */
  @Get()
  @ApiOkResponse({ type: SessionDto })
  @ApiUnauthorizedResponse({ description: 'No signed-in session (problem with signInUrl)' })
  current(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): SessionDto {
    const mediator = request.mediator;
    const user = mediator
      ? {
          id: mediator.id,
          name: mediator.name,
          role: mediator.role,
          locale: mediator.locale,
          organisationId: mediator.organisationId,
        }
      : request.staff!;
    return { user, csrfToken: this.csrf.token(request, reply) };
  }
}
