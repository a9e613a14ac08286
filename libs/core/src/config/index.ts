export * from './app-config';
export * from './config-error';
export * from './env-schema';
export * from './env-file';
export * from './read-config';
