import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { FieldCipher } from '../crypto/field-cipher';

const configs = new WeakMap<DataSource, AppConfig>();

/**
 * Remembers the configuration a data source was made from, so a migration that must seal
 * existing personal data reaches the same FIELD_ENCRYPTION_KEYS as the application (the
 * migrate command, the TypeORM CLI and the tests all make their data source this way).
 */
export function bindMigrationConfig<T extends DataSource>(dataSource: T, config: AppConfig): T {
  configs.set(dataSource, config);
  return dataSource;
}

/** The field cipher of the configuration the migrating data source was made from. */
export function migrationCipher(dataSource: DataSource): FieldCipher {
  const config = configs.get(dataSource);
  if (!config) {
    throw new Error(
      'This migration encrypts existing values: run it with `npm run migration:run`, ' +
        'which reads FIELD_ENCRYPTION_KEYS',
    );
  }
  return new FieldCipher(config.security.encryptionKeys, config.security.activeEncryptionKeyId);
}
