export * from './job-queues';
export * from './job-worker';
