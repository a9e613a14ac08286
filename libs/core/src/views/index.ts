export * from './project-root';
export * from './view-renderer';
export * from './page';
