import { SectionSpec, env, InvalidValue } from '../env-schema';

/** Parses `id:base64key,id:base64key`; every key must be 32 bytes (AES-256). */
function parseEncryptionKeys(raw: string): ReadonlyMap<string, Buffer> {
  const keys = new Map<string, Buffer>();
  for (const entry of raw
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    const [id, material] = entry.split(':');
    if (!id || !material || !/^[A-Za-z0-9_-]{1,32}$/.test(id)) {
      throw new InvalidValue('must be a list of id:base64key entries separated by commas');
    }
    const key = Buffer.from(material, 'base64');
    if (key.length !== 32) {
      throw new InvalidValue(`key "${id}" must decode from base64 to exactly 32 bytes`);
    }
    if (keys.has(id)) throw new InvalidValue(`key id "${id}" appears twice`);
    keys.set(id, key);
  }
  if (keys.size === 0) throw new InvalidValue('must hold at least one key');
  return keys;
}

// Development-only values. They are public (they are in the repository), so production
// refuses to start without real ones.
export const DEV_SESSION_SECRET = 'development-only-session-secret-not-for-production-use';
const DEV_ENCRYPTION_KEYS = 'dev1:ZGV2ZWxvcG1lbnQtb25seS1rZXktMzItYnl0ZXMhISE=';

export const securitySection = {
  sessionSecret: env.string('SESSION_SECRET', 'Secret for signing session and CSRF cookies', {
    secret: true,
    developmentDefault: DEV_SESSION_SECRET,
    minLength: 32,
  }),
  encryptionKeys: env.custom(
    'FIELD_ENCRYPTION_KEYS',
    'AES-256-GCM keys for contact details, as id:base64key[,id:base64key] (old keys stay for reading)',
    parseEncryptionKeys,
    { secret: true, developmentDefault: DEV_ENCRYPTION_KEYS },
  ),
  activeEncryptionKeyId: env.string(
    'FIELD_ENCRYPTION_ACTIVE_KEY_ID',
    'Id of the key used to encrypt new values (must be in FIELD_ENCRYPTION_KEYS)',
    { secret: true, developmentDefault: 'dev1' },
  ),
} as const satisfies SectionSpec;
