import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Pool } from 'pg';
import { DataSource, QueryFailedError } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { APP_CONFIG, AppConfig } from '../config/app-config';

/**
 * How many different statements one process prepares, so that each database connection holds a
 * bounded set of plans whatever its callers ask; the ones past it run unprepared.
 */
export const PREPARED_STATEMENTS_MAX = 64;

/**
 * The hottest statements (the staff session of every signed-in request, the first pages of the
 * staff case list), prepared on each pooled connection the first time they run there. Each is
 * named by its text; PostgreSQL then parses it once per connection, and plans it once for all
 * values (its generic plan) when that plan costs no more than the ones made for each value.
 * With `DATABASE_PREPARED_STATEMENTS=false` (a pooler that does not keep them) every statement
 * runs unprepared.
 */
@Injectable()
export class PreparedStatements {
  /** The names this process has prepared (at most PREPARED_STATEMENTS_MAX). */
  private readonly names = new Set<string>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The rows of `text` with `values` ($1, $2, …), outside any transaction. */
  async query<Row>(text: string, values: readonly unknown[]): Promise<Row[]> {
    const unprepared = async () => (await this.dataSource.query(text, [...values])) as Row[];
    if (!this.config.database.preparedStatements) return unprepared();
    const name = `pmd_${createHash('sha1').update(text).digest('base64url')}`;
    if (!this.names.has(name)) {
      if (this.names.size >= PREPARED_STATEMENTS_MAX) return unprepared();
      this.names.add(name);
    }
    const pool = (this.dataSource.driver as PostgresDriver).master as Pool;
    try {
      return (await pool.query<Row & object>({ name, text, values: [...values] })).rows;
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      // A statement the connection no longer has (a pooler between, 26000) or whose plan a
      // migration changed under it (0A000): the same statement unprepared still answers.
      if (code === '26000' || code === '0A000') return unprepared();
      // As TypeORM's own queries fail, so that the error is classified and logged alike (without
      // the values: a search's words are the caller's to log or not).
      throw new QueryFailedError(text, [], error as Error);
    }
  }
}
