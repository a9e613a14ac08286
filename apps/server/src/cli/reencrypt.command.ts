import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { FieldCipher } from '@app/core';
import type { CliCommand } from './cli-command';
import { ENCRYPTED_FIELDS, EncryptedField } from './encrypted-fields';

export interface ReencryptCount {
  field: string;
  reencrypted: number;
}

/**
 * Seals again, with the active key, every encrypted value that uses another key. Batched by
 * primary key, one transaction per batch; each row is written only if it still holds the value
 * that was read (a concurrent change wins), so it is safe on a live system and idempotent: a
 * second run finds nothing to do. A value whose key is no longer configured stops the run.
 */
export async function reencryptAll(
  app: INestApplicationContext,
  batchSize = 500,
): Promise<ReencryptCount[]> {
  const dataSource = app.get(DataSource);
  const cipher = app.get(FieldCipher);
  const counts: ReencryptCount[] = [];
  for (const field of ENCRYPTED_FIELDS) {
    counts.push({
      field: `${field.table}.${field.column}`,
      reencrypted: await reencryptField(dataSource, cipher, field, batchSize),
    });
  }
  return counts;
}

async function reencryptField(
  dataSource: DataSource,
  cipher: FieldCipher,
  field: EncryptedField,
  batchSize: number,
): Promise<number> {
  const { table, column, key } = field;
  const keyList = key.join(', ');
  const current = `v1.${cipher.activeKey}.%`;
  let after: string[] | undefined;
  let total = 0;
  for (;;) {
    const rows = (await dataSource.query(
      `SELECT ${keyList}, ${column} AS value FROM ${table}
       WHERE ${column} IS NOT NULL AND ${column} NOT LIKE $1
         ${after ? `AND (${keyList}) > (${key.map((_, i) => `$${i + 3}`).join(', ')})` : ''}
       ORDER BY ${keyList} LIMIT $2`,
      [current, batchSize, ...(after ?? [])],
    )) as (Record<string, string> & { value: string })[];
    if (rows.length === 0) return total;
    await dataSource.transaction(async (manager) => {
      for (const row of rows) {
        const context = field.context(row);
        let plain: string;
        try {
          plain = cipher.decrypt(row.value, context);
        } catch (error) {
          // The key id is not secret; the value and the row's content stay out of the message.
          throw new Error(
            `${table}.${column} (${key.map((k) => row[k]).join(', ')}): cannot decrypt a value sealed with key "${FieldCipher.keyIdOf(row.value)}": ${(error as Error).message}`,
          );
        }
        const [, changed] = (await manager.query(
          `UPDATE ${table} SET ${column} = $1
           WHERE ${key.map((k, i) => `${k} = $${i + 3}`).join(' AND ')} AND ${column} = $2`,
          [cipher.encrypt(plain, context), row.value, ...key.map((k) => row[k])],
        )) as [unknown, number];
        total += changed;
      }
    });
    const last = rows[rows.length - 1];
    after = key.map((k) => String(last[k]));
  }
}

/** `npm run cli -- reencrypt`: the step of a key rotation after the new key is made active. */
export const reencryptCommand: CliCommand = {
  name: 'reencrypt',
  summary: 'Re-encrypt every encrypted field with the active key (key rotation)',
  usage: '[--batch <rows per transaction, default 500>]',
  async run(app, options) {
    const batch = typeof options.batch === 'string' ? Number(options.batch) : 500;
    if (!Number.isInteger(batch) || batch < 1) throw new Error('--batch must be a whole number');
    const counts = await reencryptAll(app, batch);
    for (const c of counts) process.stdout.write(`${c.field}\t${c.reencrypted}\n`);
    const total = counts.reduce((sum, c) => sum + c.reencrypted, 0);
    process.stdout.write(
      `${total} values re-encrypted with key "${app.get(FieldCipher).activeKey}"; ` +
        'once every server and worker runs with it, older keys can be removed\n',
    );
  },
};
