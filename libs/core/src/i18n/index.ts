export * from './locale';
export * from './message-catalog';
export * from './serbian-cyrillic';
export * from './po-file';
export * from './catalogue-areas';
export * from './catalogue-review';
export * from './offered-locale.validator';
