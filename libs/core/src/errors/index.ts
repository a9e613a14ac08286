export * from './domain-error';
export * from './problem';
export * from './classify-error';
export * from './validation-errors';
export * from './problem-details.filter';
export * from './validation.pipe';
export * from './unstorable-text';
