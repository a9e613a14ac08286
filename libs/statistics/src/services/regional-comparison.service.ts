import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import {
  Locale,
  PayloadTooLargeError,
  ValidationFailedError,
  translate,
  uploadParts,
} from '@app/core';
import { AuditLog, StaffPrincipal } from '@app/identity';
import { TaxonomyService } from '@app/taxonomy';
import { csvLine } from '../domain/csv';
import { HIDDEN } from '../domain/disclosure-control';
import {
  NamedReport,
  RegionalComparison,
  compareReports,
  duplicateReports,
} from '../domain/regional-comparison';
import { ReportProblem, checkRegionalReport } from '../domain/regional-report-validation';
import { StatisticsPermissions } from '../domain/statistics-permissions';
import { RegionalReportInvalidError } from '../exceptions/statistics.errors';
import { figureLabeler } from './statistics-export.service';

export const COMPARISON_FORMATS = ['html', 'csv', 'xlsx'] as const;
export type ComparisonFormat = (typeof COMPARISON_FORMATS)[number];

/** Reports compared at once: seven partners over a few years, with room to spare. */
export const REGIONAL_MAX_FILES = 40;
/** A report is a few kilobytes; anything near this is not one. */
export const REGIONAL_MAX_FILE_BYTES = 256 * 1024;

export interface ReportFile {
  name: string;
  text: string;
}

/** The comparison as a page, a CSV file and the rows of a workbook show it. */
export interface ComparisonView {
  countries: { code: string; name: string }[];
  years: {
    year: number;
    caption: string;
    rows: { section: string; code: string; label: string; values: string[]; total: string }[];
  }[];
  sources: { file: string; country: string; year: number; status: string; threshold: number }[];
  hiddenNote: string;
}

export interface ComparisonFile {
  name: string;
  contentType: string;
  body: Buffer;
}

function shown(value: number | string | null): string {
  return value === null ? '' : String(value);
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

async function readReportFile(
  name: string,
  file: AsyncIterable<unknown> & { truncated?: boolean },
): Promise<string> {
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of file) chunks.push(chunk as Buffer);
  } catch (error) {
    if ((error as { code?: unknown }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new PayloadTooLargeError('statistics_regional_file_too_large', {
        file: name,
        kb: REGIONAL_MAX_FILE_BYTES / 1024,
      });
    }
    throw error;
  }
  if (file.truncated) {
    throw new PayloadTooLargeError('statistics_regional_file_too_large', {
      file: name,
      kb: REGIONAL_MAX_FILE_BYTES / 1024,
    });
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Compares several countries' yearly regional reports: each file checked against the schema
 * and its own disclosure control, then one table per year with every country and the region's
 * total (`compareReports` keeps the totals from revealing a hidden cell). All files or nothing:
 * one bad file refuses the comparison and names the file and the problem.
 */
@Injectable()
export class RegionalComparisons {
  constructor(
    private readonly taxonomy: TaxonomyService,
    private readonly audit: AuditLog,
  ) {}

  /** The files as checked reports, or the refusal listing every problem of every file. */
  compare(files: readonly ReportFile[]): RegionalComparison {
    if (files.length === 0) {
      throw new ValidationFailedError([
        { field: 'reports', code: 'required', messageKey: 'statistics.regional.no_files' },
      ]);
    }
    if (files.length > REGIONAL_MAX_FILES) {
      throw new PayloadTooLargeError('statistics_regional_too_many_files', {
        max: REGIONAL_MAX_FILES,
      });
    }
    const refused: { file: string; problems: ReportProblem[] }[] = [];
    const reports: NamedReport[] = [];
    for (const file of files) {
      const checked = checkRegionalReport(file.text);
      if (checked.report) reports.push({ file: file.name, report: checked.report });
      else refused.push({ file: file.name, problems: checked.problems });
    }
    for (const [file, problem] of duplicateReports(reports)) {
      refused.push({ file, problems: [problem] });
    }
    if (refused.length > 0) throw new RegionalReportInvalidError(refused);
    return compareReports(reports);
  }

  /** What the administrator page sends: the files `reports` and the field `format`. */
  async readUpload(request: FastifyRequest): Promise<{ files: ReportFile[]; format: string }> {
    const files: ReportFile[] = [];
    let format = 'html';
    for await (const part of uploadParts(request, {
      limits: { files: REGIONAL_MAX_FILES + 1, fileSize: REGIONAL_MAX_FILE_BYTES },
    })) {
      if (part.type === 'field') {
        if (part.fieldname === 'format') format = String(part.value);
        continue;
      }
      if (part.fieldname !== 'reports' || !part.filename) {
        part.file.resume();
        continue;
      }
      if (files.length === REGIONAL_MAX_FILES) {
        throw new PayloadTooLargeError('statistics_regional_too_many_files', {
          max: REGIONAL_MAX_FILES,
        });
      }
      const name = part.filename.slice(0, 200);
      files.push({ name, text: await readReportFile(name, part.file) });
    }
    return { files, format };
  }

  /** The page's form: the comparison on the page, or as a file to download. */
  async compareUpload(
    request: FastifyRequest,
    actor: StaffPrincipal,
    locale: Locale,
  ): Promise<{ view: ComparisonView } | { file: ComparisonFile }> {
    // Before reading the upload: a caller who may not compare sends nothing further.
    StatisticsPermissions.require(actor, 'regionalCompare');
    const { files, format } = await this.readUpload(request);
    if (!(COMPARISON_FORMATS as readonly string[]).includes(format)) {
      throw new ValidationFailedError([
        {
          field: 'format',
          code: 'isIn',
          messageKey: 'validation.isIn',
          params: { 0: COMPARISON_FORMATS.join(', ') },
        },
      ]);
    }
    const comparison = this.compare(files);
    await this.audit.record(null, {
      action: 'export',
      actor: { id: actor.id, role: actor.role },
      subjectType: 'regional_comparison',
      subjectId: comparison.countries.map((c) => c.code).join(','),
      ip: request.ip ?? null,
      details: {
        format,
        countries: comparison.countries.map((c) => c.code).join(','),
        years: comparison.years.map((y) => y.year).join(','),
      },
    });
    if (format === 'html') return { view: await this.view(comparison, locale) };
    return { file: await this.file(comparison, format as ComparisonFormat, locale) };
  }

  /** The comparison labelled in a language. */
  async view(comparison: RegionalComparison, locale: Locale): Promise<ComparisonView> {
    const labels = figureLabeler(await this.taxonomy.snapshot(), locale);
    const label = (section: string, code: string) => {
      const sectionLabel = labels.section(section);
      if (code === 'all') return sectionLabel;
      const codeLabel = section.startsWith('referrals.')
        ? translate(locale, `statistics.regional.kind.${code}`)
        : labels.code(section, code);
      return `${sectionLabel} – ${codeLabel}`;
    };
    return {
      countries: comparison.countries,
      years: comparison.years.map((y) => ({
        year: y.year,
        caption: translate(locale, 'statistics.regional.table', { year: y.year }),
        rows: y.rows.map((row) => ({
          section: row.section,
          code: row.code,
          label: label(row.section, row.code),
          values: row.values.map(shown),
          total: shown(row.total),
        })),
      })),
      sources: comparison.sources.map((s) => ({
        ...s,
        status: translate(locale, `statistics.regional.status.${s.status}`),
      })),
      hiddenNote: translate(locale, 'statistics.regional.hidden_note', { marker: HIDDEN }),
    };
  }

  /** The comparison as a file: CSV or XLSX (one row per year and figure), or an HTML page. */
  async file(
    comparison: RegionalComparison,
    format: ComparisonFormat,
    locale: Locale,
  ): Promise<ComparisonFile> {
    const view = await this.view(comparison, locale);
    const name = `regional-comparison-${comparison.years[0]?.year ?? ''}-${
      comparison.years[comparison.years.length - 1]?.year ?? ''
    }.${format}`;
    if (format === 'html') {
      return {
        name,
        contentType: 'text/html; charset=utf-8',
        body: Buffer.from(this.html(view, locale)),
      };
    }
    const region = translate(locale, 'statistics.regional.region');
    const header = [
      'year',
      'section',
      'code',
      'label',
      ...view.countries.map((c) => c.code),
      region,
    ];
    const rows: (string | number)[][] = view.years.flatMap((y) =>
      y.rows.map((row) => [
        y.year,
        row.section,
        row.code,
        row.label,
        ...row.values.map((v) => (/^\d+(\.\d+)?$/.test(v) ? Number(v) : v)),
        /^\d+(\.\d+)?$/.test(row.total) ? Number(row.total) : row.total,
      ]),
    );
    if (format === 'csv') {
      // A byte order mark, so spreadsheet programs read the file as UTF-8 (ë, ç, š, ž...).
      const text = `\ufeff${[header, ...rows].map((row) => csvLine(row)).join('')}`;
      return { name, contentType: 'text/csv; charset=utf-8', body: Buffer.from(text) };
    }
    // exceljs is loaded on the first spreadsheet, not at start-up.
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet(
      translate(locale, 'statistics.regional.sheet').slice(0, 31),
    );
    sheet.addRow(header).font = { bold: true };
    sheet.addRows(rows);
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    return {
      name,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      body: Buffer.from(await workbook.xlsx.writeBuffer()),
    };
  }

  /** A plain page, readable offline and printable: one table per year. */
  private html(view: ComparisonView, locale: Locale): string {
    const t = (key: string) => escapeHtml(translate(locale, key));
    const title = t('statistics.regional.title');
    const head = view.countries
      .map((c) => `<th scope="col">${escapeHtml(c.name)} (${escapeHtml(c.code)})</th>`)
      .join('');
    const tables = view.years
      .map(
        (y) =>
          `<table>\n<caption>${escapeHtml(y.caption)}</caption>\n<thead><tr><th scope="col">${t('statistics.regional.figure')}</th>${head}<th scope="col">${t('statistics.regional.region')}</th></tr></thead>\n<tbody>\n${y.rows
            .map(
              (row) =>
                `<tr><th scope="row">${escapeHtml(row.label)}</th>${row.values
                  .map((v) => `<td>${escapeHtml(v)}</td>`)
                  .join('')}<td>${escapeHtml(row.total)}</td></tr>`,
            )
            .join('\n')}\n</tbody>\n</table>`,
      )
      .join('\n');
    return `<!doctype html>\n<html lang="${locale}">\n<head><meta charset="utf-8"><title>${title}</title></head>\n<body>\n<h1>${title}</h1>\n<p>${escapeHtml(view.hiddenNote)}</p>\n${tables}\n</body>\n</html>\n`;
  }
}
