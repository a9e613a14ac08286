import { Injectable } from '@nestjs/common';
import { Clock, CountryProfile, FieldError, ValidationFailedError } from '@app/core';
import { AuditLog, StaffPrincipal } from '@app/identity';
import {
  InstitutionKind,
  RegionalReport,
  institutionKind,
  regionalReport,
} from '../domain/regional-report';
import { StatisticsPermissions } from '../domain/statistics-permissions';
import { StatisticsService } from './statistics.service';

/**
 * What the platform calls the body that reviews cases in meetings (the report's `meetingsBody`);
 * the country and the office that runs the installation come from the profile.
 */
export const INSTALLATION = {
  meetingsBody: 'Technical Group',
} as const;

/**
 * The yearly regional report (docs/regional-report/v1) of this installation. Its figures are the
 * public page's for that year, taken through the one public path (`publicYearly`): published
 * years as frozen, others through `publicYear` with the same disclosure control.
 */
@Injectable()
export class RegionalReports {
  constructor(
    private readonly statistics: StatisticsService,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
    private readonly profile: CountryProfile,
  ) {}

  async report(year: number): Promise<RegionalReport> {
    this.checkYear(year);
    const data = await this.statistics.publicYearly({ from: year, to: year });
    const entry = data.years[0];
    return regionalReport({
      country: { code: this.profile.code, name: this.profile.countryName('en') },
      // The office that runs the platform, as the profile names it (Kosovo: the OGG).
      installation: this.profile.data.contacts.office?.[0]?.names.en,
      meetingsBody: INSTALLATION.meetingsBody,
      year,
      generatedAt: this.clock.now(),
      publishedAt: entry.publishedAt,
      threshold: this.statistics.publicThreshold(),
      figures: entry.figures,
      // The profile says each of its institutions' kind; one added later is looked up by code.
      kindOf: (code) =>
        (this.profile.institutions.find((i) => i.code === code)?.kind as InstitutionKind) ??
        institutionKind(code),
    });
  }

  /** The report as a staff download: administrators, written to the audit log first. */
  async download(
    year: number,
    actor: StaffPrincipal,
    ip: string | null,
  ): Promise<{ name: string; body: Buffer }> {
    StatisticsPermissions.require(actor, 'regionalReport');
    this.checkYear(year);
    await this.audit.record(null, {
      action: 'export',
      actor: { id: actor.id, role: actor.role },
      subjectType: 'regional_report',
      subjectId: String(year),
      ip,
      details: { format: 'json', year },
    });
    const report = await this.report(year);
    return {
      name: regionalReportFileName(report),
      body: Buffer.from(`${JSON.stringify(report, null, 2)}\n`),
    };
  }

  private checkYear(year: number): void {
    const problems: FieldError[] = [];
    if (!Number.isInteger(year) || year < 2000) {
      problems.push({
        field: 'year',
        code: 'min',
        messageKey: 'validation.min',
        params: { 0: 2000 },
      });
    } else if (year > this.statistics.currentYear()) {
      problems.push({
        field: 'year',
        code: 'max',
        messageKey: 'validation.max',
        params: { 0: this.statistics.currentYear() },
      });
    }
    if (problems.length > 0) throw new ValidationFailedError(problems);
  }
}

export function regionalReportFileName(report: RegionalReport): string {
  return `regional-report-${report.country.code.toLowerCase()}-${report.year}.json`;
}
