import { Controller, Get, Inject, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { AccountAccess, Page, requestLocale, seeOther } from '@app/core';
import { StaffPermissions } from '../domain/staff-permissions';
import { StaffPrincipal } from '../domain/staff-principal';
import '../http/staff-request';
import { STAFF_HOME_SECTIONS, StaffHomeSection } from './staff-home-section';

/** The back office's first page: what the signed-in role can do, and the sections for them. */
@ApiExcludeController()
@Controller('staff')
export class StaffHomeController {
  constructor(@Inject(STAFF_HOME_SECTIONS) private readonly sections: StaffHomeSection[]) {}

  @Get()
  @AccountAccess()
  @Page('identity/home.njk', { csrf: true })
  async home(@Req() request: FastifyRequest) {
    // Sign-in lands here; a community mediator's home is their own reports.
    if (request.mediator) return seeOther('/staff/partner');
    const staff: StaffPrincipal = request.staff!;
    const locale = requestLocale(request);
    const sections = [];
    for (const section of this.sections) {
      const model = await section.model(staff, locale);
      if (model) sections.push({ template: section.template, model });
    }
    return {
      // Technical Group members read cases through their meetings, never the case list.
      mayListCases: staff.role !== 'technical_group_member',
      mayManageAccounts: StaffPermissions.may(staff.role, 'manageAccounts'),
      mayReadAudit: StaffPermissions.may(staff.role, 'readAudit'),
      sections,
    };
  }
}
