import { isContactEmail, isContactPhone } from './contact-rules';

describe('contact rules', () => {
  it.each(['education.prizren@example.org', 'a.b+c@sub.example.org', 'zyra@rks-gov.net'])(
    'takes the e-mail %s',
    (email) => {
      expect(isContactEmail(email)).toBe(true);
    },
  );

  it.each([
    '',
    'not-an-address',
    'a@b',
    'two@example.org, other@example.org',
    'a b@example.org',
    '<a@example.org>',
    `${'a'.repeat(310)}@example.org`,
    42,
  ])('refuses the e-mail %p', (email) => {
    expect(isContactEmail(email)).toBe(false);
  });

  it.each(['+383 38 200 100', '(038) 200 100', '038/200-100', '+383 (0)38 200.100', '112'])(
    'takes the phone %s',
    (phone) => {
      expect(isContactPhone(phone)).toBe(true);
    },
  );

  it.each(['', '12', 'call 038 200', '++383 38', '+383 38 200 100 ext 5', '1'.repeat(41), null])(
    'refuses the phone %p',
    (phone) => {
      expect(isContactPhone(phone)).toBe(false);
    },
  );
});
