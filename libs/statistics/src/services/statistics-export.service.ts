import { Injectable } from '@nestjs/common';
import { Clock, Locale, translate } from '@app/core';
import { AuditLog, StaffPrincipal } from '@app/identity';
import { TaxonomyService, TaxonomySnapshot } from '@app/taxonomy';
import { csvLine } from '../domain/csv';
import { figureRows } from '../domain/figure-rows';
import { TableWords, statisticsTables } from '../domain/statistics-tables';
import { SheetCell, xlsxWorkbook } from '../domain/xlsx';
import {
  StatisticsFilter,
  StatisticsService,
  YearRangeQuery,
  YearlyStatistics,
} from './statistics.service';

export const EXPORT_FORMATS = ['csv', 'xlsx', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportFile {
  contentType: string;
  filename: string;
  body: Buffer | string;
}

const TAXONOMY_OF_SECTION: Record<string, Parameters<TaxonomySnapshot['label']>[0]> = {
  community: 'community',
  area: 'area',
  ground: 'ground',
  municipality: 'municipality',
  gender: 'gender',
  age_group: 'age_group',
  reporter_role: 'reporter_role',
  perpetrator_kind: 'perpetrator_kind',
  referral_institution: 'institution',
  closed_by_reason: 'closure_reason',
};

/** Labels of figures in a language: taxonomy labels for codes, messages for the rest. */
export function figureLabeler(
  taxonomy: TaxonomySnapshot,
  locale: Locale,
): { section(section: string): string; code(section: string, code: string): string } {
  return {
    section: (section) => translate(locale, `statistics.section.${section}`),
    code(section, code) {
      if (code === 'all') return '';
      if (code === 'not_stated' || code === 'not_recorded' || code === 'unspecified') {
        return translate(locale, `statistics.code.${code}`);
      }
      if (section === 'status' || section === 'decided') {
        return translate(locale, `statistics.status.${code}`);
      }
      const kind = section.startsWith('referrals.') ? 'institution' : TAXONOMY_OF_SECTION[section];
      return kind ? taxonomy.label(kind, code, locale) : code;
    },
  };
}

/**
 * The staff figures, with the filters on screen, as CSV, XLSX or JSON. Every export is written
 * to the audit log with its format and filters before the file is handed out.
 */
@Injectable()
export class StatisticsExport {
  constructor(
    private readonly statistics: StatisticsService,
    private readonly taxonomy: TaxonomyService,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async export(
    format: ExportFormat,
    query: YearRangeQuery,
    filter: StatisticsFilter,
    actor: StaffPrincipal,
    locale: Locale,
    ip: string | null,
  ): Promise<ExportFile> {
    const data = await this.statistics.staffYearly(query, filter);
    await this.audit.record(null, {
      action: 'export',
      actor: { id: actor.id, role: actor.role },
      subjectType: 'statistics',
      subjectId: `${data.from}-${data.to}`,
      ip,
      details: {
        format,
        from: data.from,
        to: data.to,
        community: data.filters.community,
        area: data.filters.area,
        municipality: data.filters.municipality,
      },
    });
    const filename = `statistics-${data.from}-${data.to}${[
      data.filters.community,
      data.filters.area,
      data.filters.municipality,
    ]
      .filter(Boolean)
      .map((code) => `-${code}`)
      .join('')}.${format}`;
    // The timeliness histogram has no community, area or municipality: all cases only.
    const unfiltered = !filter.community && !filter.area && !filter.municipality;
    const timeliness = unfiltered ? await this.statistics.timeliness(data.from, data.to) : [];
    if (format === 'json') {
      return {
        contentType: 'application/json; charset=utf-8',
        filename,
        // The figures of the staff view, and (for all cases) the timeliness beside them.
        body: JSON.stringify(unfiltered ? { ...data, timeliness } : data, null, 2),
      };
    }
    const table = await this.table(data, locale);
    for (const { year, stages } of timeliness) {
      for (const stage of stages) {
        const label = translate(locale, `clock.stage.${stage.stage}`);
        const metrics: [string, number | null][] = [
          ['count', stage.count],
          ['median', stage.median],
          ['p90', stage.p90],
          [
            'within_percent',
            stage.withinShare === null ? null : Math.round(stage.withinShare * 1000) / 10,
          ],
        ];
        for (const [metric, value] of metrics) {
          if (value === null) continue;
          table.push([
            year,
            `timeliness_${metric}`,
            stage.stage,
            translate(locale, `statistics.timeliness.${metric}`),
            label,
            value,
          ]);
        }
      }
    }
    if (format === 'csv') {
      // A byte order mark, so spreadsheet programs read the file as UTF-8 (ë, ç, š, ž...).
      return {
        contentType: 'text/csv; charset=utf-8',
        filename,
        body: `\ufeff${table.map((row) => csvLine(row)).join('')}`,
      };
    }
    return {
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      filename,
      body: await this.workbook(data, table, locale),
    };
  }

  /**
   * One sheet per table (overview, each breakdown, referrals), and last every figure as one
   * flat table, the same rows as the CSV, for those who filter and pivot themselves.
   */
  private async workbook(
    data: YearlyStatistics,
    flat: SheetCell[][],
    locale: Locale,
  ): Promise<Buffer> {
    const labels = figureLabeler(await this.taxonomy.snapshot(), locale);
    const words: TableWords = {
      ...labels,
      word: (key) => translate(locale, `statistics.xlsx.${key}`),
    };
    const [header, ...rows] = flat;
    const tables = statisticsTables(
      [
        ...data.years.map((y) => ({ year: y.year, figures: y.figures })),
        { year: null, figures: data.allYears },
      ],
      words,
    );
    tables.push({
      name: words.word('all_figures'),
      columns: header.map((name) => ({
        header: String(name),
        kind: name === 'value' ? 'count' : 'text',
      })),
      rows,
      frozenColumns: 0,
    });
    return xlsxWorkbook(tables, {
      creator: 'PMD',
      created: this.clock.now(),
    });
  }

  /** One row per figure and year: year, section, code, labels, value. */
  private async table(data: YearlyStatistics, locale: Locale): Promise<SheetCell[][]> {
    const labels = figureLabeler(await this.taxonomy.snapshot(), locale);
    const header: SheetCell[] = ['year', 'section', 'code', 'section_label', 'label', 'value'];
    const rows: SheetCell[][] = [header];
    const add = (year: string | number, figures: YearlyStatistics['allYears']) => {
      for (const row of figureRows(figures)) {
        rows.push([
          year,
          row.section,
          row.code,
          labels.section(row.section),
          labels.code(row.section, row.code),
          row.value,
        ]);
      }
    };
    for (const entry of data.years) add(entry.year, entry.figures);
    add('all', data.allYears);
    return rows;
  }
}
