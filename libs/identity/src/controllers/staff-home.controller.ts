import { Controller, Get } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Page, StaffAccess } from '@app/core';
import { StaffPermissions } from '../domain/staff-permissions';
import { StaffPrincipal } from '../domain/staff-principal';
import { CurrentStaff } from '../http/current-staff.decorator';

/** The back office's first page: what the signed-in role can do. */
@ApiExcludeController()
@Controller('staff')
export class StaffHomeController {
  @Get()
  @StaffAccess()
  @Page('identity/home.njk', { csrf: true })
  home(@CurrentStaff() staff: StaffPrincipal) {
    return {
      mayManageAccounts: StaffPermissions.may(staff.role, 'manageAccounts'),
      mayReadAudit: StaffPermissions.may(staff.role, 'readAudit'),
    };
  }
}
