export * from './clock';
export * from './working-days';
