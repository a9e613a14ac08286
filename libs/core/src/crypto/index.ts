export * from './field-cipher';
export * from './hashing-slots';
