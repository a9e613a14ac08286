import { loadConfig, queuePrefix } from '@app/core';
import { JOBS_TO_QUEUE, QUEUES, sendMailJobOptions } from './queues';

describe('the queue catalogue', () => {
  it('maps every job to a declared queue', () => {
    for (const queue of Object.values(JOBS_TO_QUEUE)) expect(QUEUES).toContain(queue);
  });

  it('gives mail jobs the outbox id as job id, bounded retries and bounded history', () => {
    const config = loadConfig({ MAIL_ATTEMPTS: '8', MAIL_BACKOFF_MS: '30000' });
    expect(sendMailJobOptions(config, 'row-id')).toMatchObject({
      jobId: 'row-id',
      attempts: 8,
      backoff: { type: 'exponential', delay: 30000 },
      removeOnComplete: { count: expect.any(Number) },
      removeOnFail: { count: expect.any(Number) },
    });
  });

  it('puts the queues under the installation prefix', () => {
    expect(queuePrefix(loadConfig({ REDIS_KEY_PREFIX: 'pmd-test' }))).toBe('pmd-test:bull');
  });
});
