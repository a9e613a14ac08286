import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CsrfService, StaffAccess } from '@app/core';
import { StaffPrincipal } from '../domain/staff-principal';
import { SessionDto } from '../dto/session.dto';
import { CurrentStaff } from '../http/current-staff.decorator';

@ApiTags('session')
@StaffAccess()
@Controller('api/v1/session')
export class SessionApiController {
  constructor(private readonly csrf: CsrfService) {}

  /**
   * The signed-in staff member and a CSRF token: API clients using the session cookie send
   * it as `x-csrf-token` with every POST, PUT, PATCH or DELETE.
   */
  @Get()
  @ApiOkResponse({ type: SessionDto })
  @ApiUnauthorizedResponse({ description: 'No signed-in session (problem with signInUrl)' })
  current(
    @CurrentStaff() staff: StaffPrincipal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): SessionDto {
    return { user: staff, csrfToken: this.csrf.token(request, reply) };
  }
}
