import { loadConfig } from '@app/core';
import { connectionTimeouts } from './connections';

describe('connectionTimeouts', () => {
  it('lets the upload timeouts answer first, and keeps Node’s own limits consistent', () => {
    const options = connectionTimeouts(loadConfig({}));
    expect(options.requestTimeout).toBe(302_000);
    expect(options.connectionTimeout).toBe(302_000);
    expect(options.http.headersTimeout).toBe(60_000);
    expect(options.http.connectionsCheckingInterval).toBe(30_000);
  });

  it('checks often enough for a short timeout, and never sets headers a longer time than the request', () => {
    const options = connectionTimeouts(loadConfig({ REQUEST_TIMEOUT_MS: '1000' }));
    expect(options.requestTimeout).toBe(3000);
    expect(options.http.headersTimeout).toBe(3000);
    expect(options.http.connectionsCheckingInterval).toBe(750);
  });
});
