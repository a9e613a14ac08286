import { Controller, Get, Query, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Page, StaffAccess, installationDateTime, requestLocale } from '@app/core';
import { TaxonomyService } from '@app/taxonomy';
import { KNOWN_AUDIT_ACTIONS } from '../domain/audit-actions';
import { KNOWN_AUDIT_SUBJECTS, auditDetailsText, auditSubjectLabel } from '../domain/audit-labels';
import { AuditQueryDto } from '../dto/audit-query.dto';
import { AuditLog } from '../services/audit-log.service';
import { StaffAccounts } from '../services/staff-accounts.service';

export const AUDIT_PAGE_SIZE = 50;

/** Administrators browse the audit log, filtered and paginated. */
@ApiExcludeController()
@StaffAccess('administrator')
@Controller('staff/audit')
export class AuditController {
  constructor(
    private readonly audit: AuditLog,
    private readonly accounts: StaffAccounts,
    private readonly taxonomy: TaxonomyService,
  ) {}

  @Get()
  @Page('identity/audit.njk', { csrf: true })
  async page(@Query() query: AuditQueryDto, @Req() request: FastifyRequest) {
    const locale = requestLocale(request);
    const pageSize = query.pageSize ?? AUDIT_PAGE_SIZE;
    const result = await this.audit.search({ ...query, page: query.page ?? 1, pageSize });
    // The filter offers every account by name (the log keeps pointing at deactivated ones).
    const staff = await this.accounts.list('sq');
    const filters = new URLSearchParams(
      Object.entries({ ...query, page: undefined }).filter(
        (entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '',
      ),
    );
    const pageLink = (page: number) =>
      `/staff/audit?${new URLSearchParams([...filters, ['page', String(page)]])}`;
    const lastPage = Math.max(1, Math.ceil(result.total / pageSize));
    // Institutions and municipalities (of directory changes) by their names.
    const snapshot = await this.taxonomy.snapshot();
    const taxonomyLabel = (kind: 'institution' | 'municipality', code: string) =>
      snapshot.isKnown(kind, code) ? snapshot.label(kind, code, locale) : undefined;
    return {
      query,
      actions: KNOWN_AUDIT_ACTIONS,
      subjects: KNOWN_AUDIT_SUBJECTS.map((code) => ({
        code,
        label: auditSubjectLabel(code, locale),
      })),
      staffOptions: staff.map((s) => ({ id: s.id, name: s.name })),
      items: result.items.map((item) => ({
        ...item,
        atText: installationDateTime(item.at, true),
        subjectLabel: item.subjectType ? auditSubjectLabel(item.subjectType, locale) : null,
        detailsText: auditDetailsText(item.details, locale, taxonomyLabel),
      })),
      total: result.total,
      page: result.page,
      lastPage,
      previous: result.page > 1 ? pageLink(result.page - 1) : null,
      next: result.page < lastPage ? pageLink(result.page + 1) : null,
    };
  }
}
