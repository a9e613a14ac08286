export * from './download';
export * from './form-problem';
export * from './page';
export * from './read-form';
export * from './redirect';
export * from './form-body';
