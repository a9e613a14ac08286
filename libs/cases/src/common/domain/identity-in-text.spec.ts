import { containsEmailAddress, containsPhoneNumber, revealsIdentity } from './identity-in-text';

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

const nobody = { name: null, email: null, phone: null };

describe('Any phone number or e-mail address in a text meant to be anonymous', () => {
  it.each([
    '+383 44 123 456',
    '+38344123456',
    '044/123-456',
    '044 123 456',
    '044-123-456',
    '044.123.456',
    '00383 44 123456',
    '(044) 123 456',
    '(+383) 44 123 456',
    '0 4 4 1 2 3 4 5 6',
    '0 4 4  1 2 3  4 5 6',
    '44 123 456',
    '+381 64 1234567',
    'tel-044123456',
  ])('refuses the phone number %s', (phone) => {
    expect(containsPhoneNumber(`Her mother can be called on ${phone} after work.`)).toBe(true);
    expect(revealsIdentity(`Call ${phone}`, nobody)).toBe(true);
  });

  it.each([
    'name@example.org',
    'Name.Surname@Example.ORG',
    'name @ example . org',
    'name at example dot org',
    'name AT example DOT org',
    'name [at] example [dot] org',
    'name(at)example(dot)org',
    'name {at} example {dot} org',
    'name at example.org',
    'n a m e @ e x a m p l e . o r g',
    'emri@shembull.rks-gov.net',
  ])('refuses the e-mail address %s', (email) => {
    expect(containsEmailAddress(`Write to ${email} for details.`)).toBe(true);
    expect(revealsIdentity(`Write to ${email}`, nobody)).toBe(true);
  });

  it.each([
    'On 2026-01-15 the school refused to enrol the pupils.',
    'On 15.01.2026 the school refused; again on 3/2/26 and on 14. 03. 2025.',
    'Case PMD-2025-00042 and case PMD-2026-123456 concern the same school.',
    'Under Law No. 05/L-021 on protection from discrimination, article 4.',
    'The family was charged 1 500 000 € and later 25.000,00 EUR, about 12 500 000 lek.',
    'Between 2019-2025 and in 2019 – 2020 the fee rose by 15%.',
    'In 2024, 12 Roma pupils were moved to room 987 of building 3.',
    'The municipality paid 250000 euro in 2023 and 1.250.000 in 2024.',
    'The child was at school. Next day the teacher was at home.',
    'The meeting is at 10.30 on 2026-02-03 at the municipality.',
  ])('accepts facts, dates, references and amounts: %s', (text) => {
    expect(containsPhoneNumber(text)).toBe(false);
    expect(containsEmailAddress(text)).toBe(false);
    expect(revealsIdentity(text, nobody)).toBe(false);
  });

  it('screens a long text of digits and separators quickly', () => {
    // CPU time, not wall time: other processes on the machine do not count against it.
    const started = process.cpuUsage();
    revealsIdentity('1 '.repeat(2500) + 'x', reporter);
    revealsIdentity('1-'.repeat(2500) + '@', reporter);
    revealsIdentity('a.'.repeat(2500) + '@' + 'b.'.repeat(2500), reporter);
    revealsIdentity(' '.repeat(5000), reporter);
    revealsIdentity(' \t'.repeat(2500), reporter);
    revealsIdentity('a@'.repeat(2500), reporter);
    revealsIdentity('+1'.repeat(2500), reporter);
    const used = process.cpuUsage(started);
    expect((used.user + used.system) / 1000).toBeLessThan(200);
  });
});
