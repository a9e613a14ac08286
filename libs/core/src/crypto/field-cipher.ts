import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const VERSION = 'v1';

/**
 * Application-level encryption of personal fields (AES-256-GCM). A value is stored as
 * `v1.<keyId>.<iv>.<tag>.<ciphertext>` (base64url parts), so keys can be rotated: new values
 * use the active key, old ones stay readable while their key is configured.
 * `context` (e.g. the case id) is bound as associated data, so a ciphertext copied to another
 * row does not decrypt.
 */
export class FieldCipher {
  constructor(
    private readonly keys: ReadonlyMap<string, Buffer>,
    private readonly activeKeyId: string,
  ) {
    if (!keys.has(activeKeyId)) throw new Error('The active encryption key is not configured');
  }

  encrypt(plaintext: string, context = ''): string {
    const key = this.keys.get(this.activeKeyId) as Buffer;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [
      VERSION,
      this.activeKeyId,
      iv.toString('base64url'),
      tag.toString('base64url'),
      ciphertext.toString('base64url'),
    ].join('.');
  }

  decrypt(sealed: string, context = ''): string {
    const [version, keyId, iv, tag, ciphertext] = sealed.split('.');
    if (
      version !== VERSION ||
      !keyId ||
      iv === undefined ||
      tag === undefined ||
      ciphertext === undefined
    ) {
      throw new Error('Not an encrypted field value');
    }
    const key = this.keys.get(keyId);
    if (!key) throw new Error(`Encryption key "${keyId}" is not configured`);
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([
      decipher.update(Buffer.from(ciphertext, 'base64url')),
      decipher.final(),
    ]).toString('utf8');
  }

  /** Key id of a stored value, to find values that still use an old key. */
  static keyIdOf(sealed: string): string | undefined {
    return sealed.split('.')[1];
  }

  get activeKey(): string {
    return this.activeKeyId;
  }
}
