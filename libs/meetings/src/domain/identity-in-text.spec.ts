import { revealsIdentity } from './identity-in-text';

const reporter = {
  name: 'Drita Gashi-Unique',
  email: 'drita.unique@example.org',
  phone: '+383 44 987 654',
};

describe('A text written for the Technical Group', () => {
  it('reveals the reporter when it holds their name, a longer part of it, or their email', () => {
    expect(revealsIdentity('Reported by Drita Gashi-Unique in May.', reporter)).toBe(true);
    expect(revealsIdentity('Ms GASHI said the school refused.', reporter)).toBe(true);
    expect(revealsIdentity('Write to drita.unique@example.org', reporter)).toBe(true);
  });

  it('reveals the reporter when it holds their phone, also written locally', () => {
    expect(revealsIdentity('Call 044 987 654.', reporter)).toBe(true);
    expect(revealsIdentity('Tel. +383-44-987-654', reporter)).toBe(true);
  });

  it('folds accents and case when comparing names', () => {
    expect(
      revealsIdentity('ZORAN spoke first.', { name: 'Zoran Đorđević', email: null, phone: null }),
    ).toBe(true);
    expect(revealsIdentity('Berishë', { name: 'Valon Berisha', email: null, phone: null })).toBe(
      false,
    );
    expect(revealsIdentity('gashë', { name: 'Gashe Berisha', email: null, phone: null })).toBe(
      true,
    );
  });

  it('accepts a summary of the facts, dates and other numbers', () => {
    const summary =
      'On 2026-01-15 a school in Prizren moved 12 Roma pupils to a separate class (room 987).';
    expect(revealsIdentity(summary, reporter)).toBe(false);
    expect(revealsIdentity(summary, { name: null, email: null, phone: null })).toBe(false);
  });
});
