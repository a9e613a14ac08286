import { passwordProblems } from './password-policy';

describe('passwordProblems', () => {
  const email = 'arta.krasniqi@kryeministri-ks.net';

  it('accepts a long passphrase', () => {
    expect(passwordProblems('river stones at dusk', email)).toEqual([]);
  });

  it('refuses fewer than 12 characters, counting characters rather than bytes', () => {
    expect(passwordProblems('short-pass1', email)).toEqual(['too_short']);
    // 12 Cyrillic letters are 24 bytes in UTF-8 but 12 characters: accepted.
    expect(passwordProblems('ђурђевданска', email)).toEqual([]);
  });

  it('refuses passwords longer than 200 characters', () => {
    expect(passwordProblems('abc'.repeat(67), email)).toEqual(['too_long']);
  });

  it('refuses a common password whatever its case', () => {
    expect(passwordProblems('Password1234', email)).toEqual(['too_common']);
    expect(passwordProblems('PRISHTINA123', email)).toEqual(['too_common']);
    expect(passwordProblems('aaaaaaaaaaaaaaaa', email)).toEqual(['too_common']);
  });

  it('refuses the email address or its local part as the password', () => {
    expect(passwordProblems('Arta.Krasniqi@kryeministri-ks.net', email)).toEqual(['same_as_email']);
    expect(passwordProblems('arta.krasniqi', email)).toEqual(['same_as_email']);
  });

  it('lists every problem at once', () => {
    expect(passwordProblems('a@b.co', 'a@b.co')).toEqual(['too_short', 'same_as_email']);
  });
});
