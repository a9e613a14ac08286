import { daysToOutcome, medianOfHistogram } from './outcome-days';

describe('median days to outcome from the histogram', () => {
  const h = (entries: [number, number][]) => new Map(entries);

  it('is null when no case has an outcome', () => {
    expect(medianOfHistogram(h([]))).toBeNull();
    expect(medianOfHistogram(h([[5, 0]]))).toBeNull();
  });

  it('is the middle value of an odd number of cases', () => {
    // 1, 3, 3, 10, 40
    expect(
      medianOfHistogram(
        h([
          [40, 1],
          [1, 1],
          [3, 2],
          [10, 1],
        ]),
      ),
    ).toBe(3);
  });

  it('is the mean of the two middle values of an even number of cases', () => {
    // 2, 4, 7, 9
    expect(
      medianOfHistogram(
        h([
          [2, 1],
          [4, 1],
          [7, 1],
          [9, 1],
        ]),
      ),
    ).toBe(5.5);
    // 2, 2, 9, 9: middle values fall in different buckets
    expect(
      medianOfHistogram(
        h([
          [2, 2],
          [9, 2],
        ]),
      ),
    ).toBe(5.5);
  });

  it('equals the median of the expanded values for many random histograms', () => {
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let run = 0; run < 200; run++) {
      const buckets = new Map<number, number>();
      const values: number[] = [];
      const n = 1 + Math.floor(random() * 30);
      for (let i = 0; i < n; i++) {
        const days = Math.floor(random() * 400);
        buckets.set(days, (buckets.get(days) ?? 0) + 1);
        values.push(days);
      }
      values.sort((a, b) => a - b);
      const mid = values.length / 2;
      const expected =
        values.length % 2 ? values[Math.floor(mid)] : (values[mid - 1] + values[mid]) / 2;
      expect(medianOfHistogram(buckets)).toBe(expected);
    }
  });

  it('counts whole calendar days of the installation, whatever the hour', () => {
    // 23:30 on 31 December and 00:30 on 1 January in Kosovo are one day apart.
    expect(daysToOutcome(new Date('2025-12-31T22:30:00Z'), new Date('2025-12-31T23:30:00Z'))).toBe(
      1,
    );
    expect(daysToOutcome(new Date('2025-03-01T08:00:00Z'), new Date('2025-03-01T20:00:00Z'))).toBe(
      0,
    );
    // Across the change to summer time (30 March 2025) still 2 days.
    expect(daysToOutcome(new Date('2025-03-29T12:00:00Z'), new Date('2025-03-31T12:00:00Z'))).toBe(
      2,
    );
  });
});
