import type { DataSourceOptions } from 'typeorm';

/** Every entity of every lib, for the TypeORM CLI and the migration test. */
export const ENTITIES: NonNullable<DataSourceOptions['entities']> = [];
