import { generateReceiptCode } from '../domain/receipt-code';
import { RECEIPT_CODE_HASH_OPTIONS, ReceiptCodeHasher } from './receipt-code-hasher';

describe('ReceiptCodeHasher', () => {
  const hasher = new ReceiptCodeHasher();

  it('stores an argon2id hash with the agreed cost, never the code', async () => {
    const code = generateReceiptCode();
    const hash = await hasher.hash(code);
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    expect(hash).not.toContain(code);
    expect(RECEIPT_CODE_HASH_OPTIONS).toMatchObject({ memoryCost: 19456, timeCost: 2 });
  });

  it('accepts the right code and refuses any other', async () => {
    const code = '0123456789012345';
    const hash = await hasher.hash(code);
    await expect(hasher.verify(hash, code)).resolves.toBe(true);
    await expect(hasher.verify(hash, '0123456789012346')).resolves.toBe(false);
  });

  it('salts each hash, so equal codes give different hashes', async () => {
    const code = '1111222233334444';
    expect(await hasher.hash(code)).not.toBe(await hasher.hash(code));
  });

  it('refuses against a malformed stored hash instead of failing', async () => {
    await expect(hasher.verify('not-a-hash', '0123456789012345')).resolves.toBe(false);
  });

  it('answers false for a reference that does not exist, after doing the same work', async () => {
    await expect(hasher.verifyNothing('0123456789012345')).resolves.toBe(false);
  });
});
