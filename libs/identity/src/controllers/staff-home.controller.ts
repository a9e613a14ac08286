import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { StaffAccess } from '@app/core';
import { StaffPermissions } from '../domain/staff-permissions';
import { StaffPages } from '../http/staff-pages';

/** The back office's first page: what the signed-in role can do. */
@ApiExcludeController()
@Controller('staff')
export class StaffHomeController {
  constructor(private readonly pages: StaffPages) {}

  @Get()
  @StaffAccess()
  home(@Req() request: FastifyRequest, @Res() reply: FastifyReply): FastifyReply {
    const role = request.staff?.role;
    return this.pages.render(request, reply, 'identity/home.njk', {
      mayManageAccounts: role !== undefined && StaffPermissions.may(role, 'manageAccounts'),
      mayReadAudit: role !== undefined && StaffPermissions.may(role, 'readAudit'),
    });
  }
}
