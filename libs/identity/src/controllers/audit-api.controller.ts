import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { StaffAccess } from '@app/core';
import { AuditPageDto } from '../dto/audit-page.dto';
import { AuditQueryDto } from '../dto/audit-query.dto';
import { AuditLog } from '../services/audit-log.service';
import { AUDIT_PAGE_SIZE } from './audit.controller';

@ApiTags('audit')
@StaffAccess('administrator')
@Controller('api/v1/audit')
export class AuditApiController {
  constructor(private readonly audit: AuditLog) {}

  /** The audit log, newest first, filtered and paginated (administrators). */
  @Get()
  @ApiOkResponse({ type: AuditPageDto })
  async search(@Query() query: AuditQueryDto): Promise<AuditPageDto> {
    const result = await this.audit.search({
      ...query,
      page: query.page ?? 1,
      pageSize: query.pageSize ?? AUDIT_PAGE_SIZE,
    });
    return { ...result, items: result.items.map((i) => ({ ...i, at: i.at.toISOString() })) };
  }
}
