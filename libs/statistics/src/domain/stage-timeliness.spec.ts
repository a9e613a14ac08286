import { protectStageTimeliness, stageTimeliness } from './stage-timeliness';

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

describe('stage timeliness for the public', () => {
  const even = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ days: i + 1, count: 1, within: i < n / 2 ? 1 : 0 }));

  it('shows nothing but "too few" below the threshold, and nothing at all without a stage', () => {
    expect(protectStageTimeliness('triage', [], 3, 'x')).toEqual({
      stage: 'triage',
      timed: 'none',
      median: null,
      p90: null,
      withinPercent: null,
    });
    expect(protectStageTimeliness('triage', even(2), 3, 'x')).toEqual({
      stage: 'triage',
      timed: 'too_few',
      median: 'x',
      p90: 'x',
      withinPercent: 'x',
    });
  });

  it('hides a percentile with fewer than the threshold of stages on either side of it', () => {
    // Three or four stages: the median has fewer than three on one side; the 90th percentile
    // is the longest.
    expect(protectStageTimeliness('triage', even(3), 3, 'x')).toMatchObject({
      timed: 'enough',
      median: 'x',
      p90: 'x',
      // Two within target and one past it: the share would tell the one late case apart.
      withinPercent: 'x',
    });
    expect(protectStageTimeliness('triage', even(4), 3, 'x')).toMatchObject({ median: 'x' });
    // Five: the third of them has two below and two above it, three on each side with itself.
    expect(protectStageTimeliness('triage', even(5), 3, 'x')).toMatchObject({
      median: 3,
      p90: 'x',
    });
    // The 90th percentile of 19 is the 18th (two at or above it); of 20 the 18th (three).
    expect(protectStageTimeliness('triage', even(19), 3, 'x').p90).toBe('x');
    expect(protectStageTimeliness('triage', even(20), 3, 'x')).toMatchObject({
      median: 10,
      p90: 18,
      withinPercent: 50,
    });
  });

  it('hides the share within target when the cases within or past it are too few', () => {
    const stages = (within: number, late: number) => [
      { days: 2, count: within, within },
      { days: 30, count: late, within: 0 },
    ];
    // Two of three within target: 67 % would say that exactly one case was late.
    expect(protectStageTimeliness('triage', stages(2, 1), 3, 'x').withinPercent).toBe('x');
    expect(protectStageTimeliness('triage', stages(9, 2), 3, 'x').withinPercent).toBe('x');
    expect(protectStageTimeliness('triage', stages(1, 9), 3, 'x').withinPercent).toBe('x');
    expect(protectStageTimeliness('triage', stages(3, 0), 3, 'x').withinPercent).toBe(100);
    expect(protectStageTimeliness('triage', stages(0, 4), 3, 'x').withinPercent).toBe(0);
    expect(protectStageTimeliness('triage', stages(6, 3), 3, 'x').withinPercent).toBe(67);
  });

  it('never publishes the shortest or the longest duration of a group', () => {
    for (let n = 1; n <= 40; n++) {
      const figures = protectStageTimeliness('triage', even(n), 3, 'x');
      for (const value of [figures.median, figures.p90]) {
        expect(value === 'x' || value === null || (value !== 1 && value !== n)).toBe(true);
      }
    }
  });
});
