export * from './text-length';
export * from './text-length.validator';
