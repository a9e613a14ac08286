import { stageTimeliness } from './stage-timeliness';

describe('stage timeliness from the histogram', () => {
  it('has no figures without stages', () => {
    expect(stageTimeliness([])).toEqual({ count: 0, median: null, p90: null, withinShare: null });
    expect(stageTimeliness([{ days: 3, count: 0, within: 0 }]).median).toBeNull();
  });

  it('reads the median and the 90th percentile by nearest rank', () => {
    // 1, 2, 2, 3, 3, 3, 4, 5, 8, 20 working days.
    const figures = stageTimeliness([
      { days: 20, count: 1, within: 0 },
      { days: 3, count: 3, within: 3 },
      { days: 1, count: 1, within: 1 },
      { days: 2, count: 2, within: 2 },
      { days: 5, count: 1, within: 1 },
      { days: 4, count: 1, within: 1 },
      { days: 8, count: 1, within: 0 },
    ]);
    expect(figures).toEqual({ count: 10, median: 3, p90: 8, withinShare: 0.8 });
  });

  it('gives one stage as its own median and 90th percentile', () => {
    expect(stageTimeliness([{ days: 0, count: 1, within: 1 }])).toEqual({
      count: 1,
      median: 0,
      p90: 0,
      withinShare: 1,
    });
  });

  it('weighs a bucket by its count', () => {
    const figures = stageTimeliness([
      { days: 1, count: 95, within: 95 },
      { days: 40, count: 5, within: 0 },
    ]);
    expect(figures.median).toBe(1);
    expect(figures.p90).toBe(1);
    expect(figures.withinShare).toBe(0.95);
  });
});
