import { randomBytes } from 'node:crypto';
import { FieldCipher } from './field-cipher';

function cipherWith(ids: string[], active: string): FieldCipher {
  return new FieldCipher(new Map(ids.map((id) => [id, randomBytes(32)])), active);
}

describe('FieldCipher', () => {
  it('round-trips text, including Albanian and Serbian letters', () => {
    const cipher = cipherWith(['k1'], 'k1');
    const sealed = cipher.encrypt('Arbër Çeku, žena iz Đakovice', 'case-1');
    expect(sealed).not.toContain('Arbër');
    expect(cipher.decrypt(sealed, 'case-1')).toBe('Arbër Çeku, žena iz Đakovice');
  });

  it('never produces the same ciphertext twice for the same value', () => {
    const cipher = cipherWith(['k1'], 'k1');
    expect(cipher.encrypt('a@b.org')).not.toBe(cipher.encrypt('a@b.org'));
  });

  it('refuses a value moved to another context (row)', () => {
    const cipher = cipherWith(['k1'], 'k1');
    const sealed = cipher.encrypt('secret', 'case-1');
    expect(() => cipher.decrypt(sealed, 'case-2')).toThrow();
  });

  it('refuses a tampered value', () => {
    const cipher = cipherWith(['k1'], 'k1');
    const parts = cipher.encrypt('secret').split('.');
    parts[4] = Buffer.from('other').toString('base64url');
    expect(() => cipher.decrypt(parts.join('.'))).toThrow();
  });

  it('reads values of an older key after rotation and names the key of each value', () => {
    const keys = new Map([
      ['old', randomBytes(32)],
      ['new', randomBytes(32)],
    ]);
    const before = new FieldCipher(keys, 'old').encrypt('phone');
    const after = new FieldCipher(keys, 'new');
    expect(after.decrypt(before)).toBe('phone');
    expect(FieldCipher.keyIdOf(before)).toBe('old');
    expect(FieldCipher.keyIdOf(after.encrypt('x'))).toBe('new');
  });
});
