import { Injectable } from '@nestjs/common';
import { Locale, installationDate, translate } from '@app/core';
import { StaffPrincipal } from '@app/identity';
import { TaxonomyService } from '@app/taxonomy';
import { Bar, bars } from '../domain/chart';
import { HIDDEN } from '../domain/disclosure-control';
import { StatisticsPermissions } from '../domain/statistics-permissions';
import { stageTimeliness } from '../domain/stage-timeliness';
import { Cell, YearCounts, YearFigures } from '../domain/yearly-figures';
import { figureLabeler } from './statistics-export.service';
import {
  StatisticsFilter,
  StatisticsService,
  YearRangeQuery,
  YearlyStatistics,
} from './statistics.service';

/**
 * The public timeliness tables, newest year first: each year's figures as protected (frozen
 * with a published year), a year without any timed stage (or published before timeliness was
 * frozen with its figures) left out.
 */
export function publicTimeliness(data: YearlyStatistics, locale: Locale) {
  return data.years
    .filter((y) => y.figures.timeliness?.some((st) => st.timed !== 'none'))
    .map((y) => ({
      year: y.year,
      stages: y.figures.timeliness!.map((st) => ({
        ...st,
        label: translate(locale, `clock.stage.${st.stage}`),
      })),
    }))
    .reverse();
}

/**
 * The timeliness figures publishing will hide, with their exact values (staff only): a stage
 * too few went through (the number of its stages), a percentile too few stand behind.
 */
function hiddenTimeliness(
  figures: YearFigures<Cell>,
  counts: YearCounts,
  threshold: number,
  locale: Locale,
): PublishPreview['hidden'] {
  const t = (key: string, params?: Record<string, string | number>) =>
    translate(locale, key, params);
  const hidden: PublishPreview['hidden'] = [];
  for (const st of figures.timeliness ?? []) {
    if (st.timed === 'none') continue;
    const exact = stageTimeliness(
      Object.entries(counts.stageDays?.[st.stage] ?? {}).map(([days, [count, within]]) => ({
        days: Number(days),
        count,
        within,
      })),
    );
    const stage = `${t('statistics.timeliness.title')} – ${t(`clock.stage.${st.stage}`)}`;
    if (st.timed === 'too_few') {
      hidden.push({
        section: 'timeliness',
        code: st.stage,
        figure: `${stage} – ${t('statistics.timeliness.count')}`,
        value: exact.count,
        reason: t('statistics.hidden.timeliness_few', { threshold }),
      });
      continue;
    }
    for (const [key, shown, value] of [
      ['median', st.median, exact.median],
      ['p90', st.p90, exact.p90],
    ] as const) {
      if (shown !== HIDDEN) continue;
      hidden.push({
        section: 'timeliness',
        code: `${st.stage}.${key}`,
        figure: `${stage} – ${t(`statistics.timeliness.${key}`)}`,
        value: value ?? 0,
        reason: t('statistics.hidden.timeliness_percentile', { threshold }),
      });
    }
    if (st.withinPercent === HIDDEN) {
      hidden.push({
        section: 'timeliness',
        code: `${st.stage}.within`,
        figure: `${stage} – ${t('statistics.timeliness.within')}`,
        value: Math.round((exact.withinShare ?? 0) * 100),
        reason: t('statistics.hidden.timeliness_share', { threshold }),
      });
    }
  }
  return hidden;
}

export interface ChartSection {
  id: string;
  title: string;
  keyHeading: string;
  bars: Bar[];
}

export interface PublishPreview {
  year: number;
  /** Exactly what publishing will freeze and the public will then see. */
  figures: YearFigures<Cell>;
  hidden: { section: string; code: string; figure: string; value: number; reason: string }[];
}

export interface PageQuery extends YearRangeQuery, StatisticsFilter {
  /** The year whose details are shown: a year of the range, or `all`. */
  year?: string;
}

const DETAIL_SECTIONS = [
  'community',
  'area',
  'ground',
  'gender',
  'age_group',
  'reporter_role',
  'perpetrator_kind',
  'referral_institution',
] as const;

/**
 * Builds what the statistics pages show: the summary by year, charts (drawn on the server as
 * inline SVG, each with a table of the same figures), the table by municipality and the
 * referral responsiveness. The public page and the staff page share it.
 */
@Injectable()
export class StatisticsPages {
  constructor(
    private readonly statistics: StatisticsService,
    private readonly taxonomy: TaxonomyService,
  ) {}

  async publicPage(query: PageQuery, locale: Locale): Promise<Record<string, unknown>> {
    const data = await this.statistics.publicYearly(query);
    const model = await this.model(data, query, locale);
    return { ...model, timeliness: publicTimeliness(data, locale) };
  }

  async staffPage(
    query: PageQuery,
    staff: StaffPrincipal,
    locale: Locale,
  ): Promise<Record<string, unknown>> {
    const filter: StatisticsFilter = {
      community: query.community,
      area: query.area,
      municipality: query.municipality,
    };
    const [data, snapshot] = await Promise.all([
      this.statistics.staffYearly(query, filter),
      this.taxonomy.snapshot(),
    ]);
    // The histogram has no community, area or municipality: shown for all cases only.
    const unfiltered = !filter.community && !filter.area && !filter.municipality;
    const timeliness = unfiltered ? await this.statistics.timeliness(data.from, data.to) : [];
    const model = await this.model(data, query, locale);
    const labels = figureLabeler(snapshot, locale);
    const params = new URLSearchParams();
    params.set('from', String(data.from));
    params.set('to', String(data.to));
    for (const key of ['community', 'area', 'municipality'] as const) {
      const value = data.filters[key];
      if (value) params.set(key, value);
    }
    const currentYear = this.statistics.currentYear();
    const publishable = data.years
      .filter((y) => y.publishedAt === null && y.year < currentYear)
      .map((y) => y.year)
      .reverse();
    const mayPublish = StatisticsPermissions.may(staff.role, 'publish');
    return {
      ...model,
      mayPublish,
      mayImport: StatisticsPermissions.may(staff.role, 'import'),
      options: {
        community: snapshot.list('community', locale),
        area: snapshot.list('area', locale),
        municipality: snapshot.list('municipality', locale),
      },
      exportLinks: (['csv', 'xlsx', 'json'] as const).map((format) => ({
        format,
        href: `/api/v1/statistics/export?${new URLSearchParams([...params, ['format', format]])}`,
      })),
      regionalReports: StatisticsPermissions.may(staff.role, 'regionalReport')
        ? data.years
            .map((y) => ({
              year: y.year,
              href: `/staff/statistics/regional-report?year=${y.year}`,
            }))
            .reverse()
        : [],
      mayCompare: StatisticsPermissions.may(staff.role, 'regionalCompare'),
      timeliness: timeliness.map((y) => ({
        year: y.year,
        stages: y.stages.map((st) => ({
          ...st,
          label: translate(locale, `clock.stage.${st.stage}`),
          withinPercent: st.withinShare === null ? null : Math.round(st.withinShare * 100),
        })),
      })),
      publishable,
      publishPreview: mayPublish ? await this.publishPreview(publishable, locale) : [],
      hiddenMarker: HIDDEN,
      published: data.years
        .filter((y) => y.publishedAt !== null)
        .map((y) => ({
          year: y.year,
          date: installationDate(new Date(y.publishedAt!)),
          changes: (y.changesSincePublished ?? []).map((d) => ({
            figure: `${labels.section(d.section)}${d.code === 'all' ? '' : ` – ${labels.code(d.section, d.code)}`}`,
            published: d.published,
            current: d.current,
          })),
          compared: y.changesSincePublished !== undefined,
        })),
    };
  }

  /**
   * For each year an administrator may publish: the figures the public will see and every
   * figure that will be hidden, with its exact value and why (publishing freezes exactly these).
   */
  async publishPreview(years: number[], locale: Locale): Promise<PublishPreview[]> {
    const [known, snapshot] = await Promise.all([
      this.statistics.knownCodes(),
      this.taxonomy.snapshot(),
    ]);
    const labels = figureLabeler(snapshot, locale);
    const threshold = this.statistics.publicThreshold();
    const previews: PublishPreview[] = [];
    for (const year of years) {
      const counts = await this.statistics.currentCounts(year);
      const { figures, hidden } = this.statistics.publicYear(year, counts, known);
      previews.push({
        year,
        figures,
        hidden: hidden.map((h) => ({
          section: h.section,
          code: h.code,
          figure: `${labels.section(h.section)}${h.code === 'all' ? '' : ` – ${labels.code(h.section, h.code)}`}`,
          value: h.value,
          reason:
            h.reason === 'small'
              ? translate(locale, 'statistics.hidden.small', { threshold })
              : translate(locale, `statistics.hidden.${h.reason}`, {
                  section: labels.section(h.protects ?? h.section),
                }),
        })),
      });
      previews[previews.length - 1].hidden.push(
        ...hiddenTimeliness(figures, counts, threshold, locale),
      );
    }
    return previews;
  }

  private async model(
    data: YearlyStatistics,
    query: PageQuery,
    locale: Locale,
  ): Promise<Record<string, unknown>> {
    const snapshot = await this.taxonomy.snapshot();
    const labels = figureLabeler(snapshot, locale);
    const t = (key: string, params?: Record<string, string | number>) =>
      translate(locale, key, params);
    const lastYear = data.years[data.years.length - 1];
    const detailYear =
      query.year === 'all'
        ? 'all'
        : data.years.some((y) => String(y.year) === query.year)
          ? Number(query.year)
          : lastYear.year;
    const detail: YearFigures<Cell> =
      detailYear === 'all' ? data.allYears : data.years.find((y) => y.year === detailYear)!.figures;
    const detailEntry =
      detailYear === 'all' ? null : data.years.find((y) => y.year === detailYear)!;

    const section = (id: string, record: Record<string, Cell>, sectionKey = id): ChartSection => ({
      id,
      title: labels.section(id),
      keyHeading: labels.section(sectionKey),
      bars: bars(record, (code) => labels.code(sectionKey, code)),
    });
    const { total: _total, ...decidedByOutcome } = detail.decided;
    const charts: ChartSection[] = [
      section('status', { ...detail.status }),
      section('closed_by_reason', detail.closedByReason),
      section('decided', decidedByOutcome),
      ...DETAIL_SECTIONS.map((name) => section(name, detail.breakdowns[name])),
    ];
    const referrals = Object.entries(detail.referrals).map(([code, r]) => ({
      code,
      label: labels.code('referral_institution', code),
      ...r,
      overdueNow: detailEntry?.overdueNow?.[code] ?? null,
    }));
    const summaryRows = [
      ...data.years.map((y) => ({
        label: String(y.year),
        year: y.year,
        publishedAt: y.publishedAt ? installationDate(new Date(y.publishedAt)) : null,
        figures: y.figures,
      })),
      { label: t('statistics.all_years'), year: null, publishedAt: null, figures: data.allYears },
    ];
    const threshold = data.suppressionThreshold;
    return {
      data,
      query,
      from: data.from,
      to: data.to,
      years: data.years.map((y) => y.year),
      detailYear,
      detailTitle: detailYear === 'all' ? t('statistics.all_years') : String(detailYear),
      detail,
      summaryRows,
      reportedChart: {
        id: 'reported_by_year',
        title: labels.section('reported'),
        keyHeading: t('statistics.year'),
        bars: bars(
          Object.fromEntries(data.years.map((y) => [String(y.year), y.figures.reported])),
          (code) => code,
        ),
      } satisfies ChartSection,
      charts,
      municipalities: Object.entries(detail.breakdowns.municipality).map(([code, value]) => ({
        code,
        label: labels.code('municipality', code),
        value,
      })),
      referrals,
      hasProvisional: data.years.some((y) => y.publishedAt === null),
      suppression: threshold === null ? null : { threshold, below: threshold - 1, marker: HIDDEN },
    };
  }
}
