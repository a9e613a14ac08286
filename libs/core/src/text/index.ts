export * from './text-length';
export * from './text-length.validator';
export * from './contact-rules';
