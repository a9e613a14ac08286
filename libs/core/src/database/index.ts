export * from './typeorm-options';
export * from './database.module';
export * from './migrator';
export * from './migration-cipher';
export * from './prepared-statements';
export * from './column-arrays';
