import { WorkingCalendar, addCalendarDays, stageDueDay, stageWorkingDays } from './working-days';

// Independence Day (Tue 17 Feb 2026), Catholic Christmas (Fri 25 Dec 2026), New Year 2027
// (Fri 1 and Sat 2 Jan 2027).
const calendar = new WorkingCalendar(['2026-02-17', '2026-12-25', '2027-01-01', '2027-01-02']);

describe('WorkingCalendar', () => {
  it('counts Monday to Friday and skips weekends', () => {
    expect(calendar.isWorkingDay('2026-02-13')).toBe(true); // Friday
    expect(calendar.isWorkingDay('2026-02-14')).toBe(false); // Saturday
    expect(calendar.isWorkingDay('2026-02-15')).toBe(false); // Sunday
    // Friday + 1 working day is Monday.
    expect(calendar.addWorkingDays('2026-02-13', 1)).toBe('2026-02-16');
    expect(calendar.addWorkingDays('2026-02-09', 5)).toBe('2026-02-16');
  });

  it('skips public holidays', () => {
    expect(calendar.isWorkingDay('2026-02-17')).toBe(false);
    // Monday 16 Feb + 1 is Wednesday 18 Feb: Independence Day does not count.
    expect(calendar.addWorkingDays('2026-02-16', 1)).toBe('2026-02-18');
    expect(calendar.addWorkingDays('2026-02-13', 5)).toBe('2026-02-23');
    expect(new WorkingCalendar().addWorkingDays('2026-02-13', 5)).toBe('2026-02-20');
  });

  it('crosses the end of a year through its holidays', () => {
    // Thu 24 Dec 2026 + 2: Fri 25 Dec (Christmas), the weekend, Mon 28, Tue 29.
    expect(calendar.addWorkingDays('2026-12-24', 2)).toBe('2026-12-29');
    // Thu 31 Dec + 1: Fri 1 Jan and Sat 2 Jan are holidays, then Sunday: Mon 4 Jan 2027.
    expect(calendar.addWorkingDays('2026-12-31', 1)).toBe('2027-01-04');
    expect(calendar.workingDaysBetween('2026-12-24', '2027-01-04')).toBe(5);
  });

  it('with 0 days, is due the start day or the next working day', () => {
    expect(calendar.addWorkingDays('2026-02-13', 0)).toBe('2026-02-13');
    expect(calendar.addWorkingDays('2026-02-14', 0)).toBe('2026-02-16');
  });

  it('counts working days between two days, either way round', () => {
    expect(calendar.workingDaysBetween('2026-02-13', '2026-02-13')).toBe(0);
    expect(calendar.workingDaysBetween('2026-02-13', '2026-02-23')).toBe(5);
    expect(calendar.workingDaysBetween('2026-02-23', '2026-02-13')).toBe(-5);
    expect(calendar.workingDaysBetween('2026-02-14', '2026-02-15')).toBe(0);
  });

  it('is the inverse of adding working days', () => {
    for (let n = 0; n <= 40; n += 1) {
      const due = calendar.addWorkingDays('2026-12-10', n);
      expect(calendar.workingDaysBetween('2026-12-10', due)).toBe(n);
    }
  });

  it('refuses what is not a calendar date or a day count', () => {
    expect(() => calendar.isWorkingDay('2026-2-1')).toThrow(RangeError);
    expect(() => calendar.isWorkingDay('2026-13-45')).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2026-02-13', -1)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2026-02-13', 1.5)).toThrow(RangeError);
  });

  it('adds calendar days across months and leap years', () => {
    expect(addCalendarDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addCalendarDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});

describe('a stage clock', () => {
  it('is due its target in working days after the start', () => {
    expect(stageDueDay(calendar, { startDay: '2026-02-13', targetDays: 5, pausedDays: 0 })).toBe(
      '2026-02-23',
    );
  });

  it('moves the due date one working day later for each working day paused', () => {
    // Paused from Wed 18 Feb to Fri 20 Feb: 2 working days (Thu, Fri).
    const pausedDays = calendar.workingDaysBetween('2026-02-18', '2026-02-20');
    expect(pausedDays).toBe(2);
    expect(stageDueDay(calendar, { startDay: '2026-02-13', targetDays: 5, pausedDays })).toBe(
      '2026-02-25',
    );
    // A pause over a weekend alone costs nothing.
    expect(calendar.workingDaysBetween('2026-02-20', '2026-02-22')).toBe(0);
  });

  it('takes the working days to the stop, the paused ones left out', () => {
    expect(
      stageWorkingDays(calendar, { startDay: '2026-02-13', pausedDays: 2 }, '2026-02-25'),
    ).toBe(5);
    expect(
      stageWorkingDays(calendar, { startDay: '2026-02-13', pausedDays: 0 }, '2026-02-13'),
    ).toBe(0);
    // Across the year end: started Thu 24 Dec 2026, stopped Mon 4 Jan 2027 (28-31 Dec, 4 Jan).
    expect(
      stageWorkingDays(calendar, { startDay: '2026-12-24', pausedDays: 0 }, '2027-01-04'),
    ).toBe(5);
  });
});

describe('WorkingCalendar.workingDaysBetween (counted) against a day-by-day walk', () => {
  /** The definition: each day after `from` up to `to` that is a working day, walked. */
  function walked(c: WorkingCalendar, from: string, to: string): number {
    if (to < from) return -walked(c, to, from);
    let count = 0;
    for (let day = addCalendarDays(from, 1); day <= to; day = addCalendarDays(day, 1)) {
      if (c.isWorkingDay(day)) count += 1;
    }
    return count;
  }

  // A fixed pseudo-random sequence, so a failure is reproducible.
  let seed = 42;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const someDay = () => addCalendarDays('1998-01-01', next(12000));

  it('agrees on 2,000 random ranges over 35 years, holidays on weekdays and weekends alike', () => {
    const holidays = Array.from({ length: 400 }, someDay);
    const c = new WorkingCalendar(holidays);
    for (let i = 0; i < 2000; i++) {
      const from = someDay();
      const to = i % 4 === 0 ? addCalendarDays(from, next(15)) : someDay();
      expect([from, to, c.workingDaysBetween(from, to)]).toEqual([from, to, walked(c, from, to)]);
    }
  });

  it('agrees on every start day of a fortnight to every end day of the next month', () => {
    for (let a = 0; a < 14; a++) {
      for (let b = -5; b < 40; b++) {
        const from = addCalendarDays('2026-12-20', a);
        const to = addCalendarDays(from, b);
        expect(calendar.workingDaysBetween(from, to)).toBe(walked(calendar, from, to));
      }
    }
  });
});
