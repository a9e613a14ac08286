export * from './locale';
export * from './message-catalog';
export * from './core.messages';
export * from './serbian-cyrillic';
