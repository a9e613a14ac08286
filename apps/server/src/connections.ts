import type { FastifyInstance } from 'fastify';
import type { AppConfig } from '@app/core';

/**
 * Node's own limits on a connection, a backstop behind the upload timeouts (which answer a
 * stalled upload with a 408 problem first): a request still incomplete a moment after
 * REQUEST_TIMEOUT_MS, or a socket silent that long, is cut by the server itself.
 */
export function connectionTimeouts(config: AppConfig) {
  const requestTimeout = config.app.requestTimeoutMs + 2000;
  return {
    requestTimeout,
    connectionTimeout: requestTimeout,
    http: {
      // Node checks for expired requests at this interval (30 s by default, too coarse for a
      // short timeout).
      connectionsCheckingInterval: Math.min(30_000, Math.max(250, Math.floor(requestTimeout / 4))),
      headersTimeout: Math.min(60_000, requestTimeout),
    },
  };
}

/**
 * On shutdown, requests in flight get SHUTDOWN_TIMEOUT_MS to finish; then the connections still
 * open (a stalled upload, a client that never reads) are closed, so closing the server ends.
 */
export function closeConnectionsOnShutdown(fastify: FastifyInstance, config: AppConfig): void {
  let timer: NodeJS.Timeout | undefined;
  fastify.addHook('preClose', async () => {
    timer = setTimeout(() => fastify.server.closeAllConnections(), config.app.shutdownTimeoutMs);
    timer.unref();
  });
  fastify.addHook('onClose', async () => clearTimeout(timer));
}

/**
 * The last resort after a shutdown signal: whatever still holds the process (a connection, a
 * pool that does not drain) does not keep it alive past the shutdown timeout and a grace.
 */
export function exitAfterShutdownTimeout(config: AppConfig, log: (message: string) => void): void {
  const arm = (signal: NodeJS.Signals) => {
    const timer = setTimeout(() => {
      log(
        `Still running ${config.app.shutdownTimeoutMs + SHUTDOWN_GRACE_MS} ms after ${signal}: exiting`,
      );
      process.exit(1);
    }, config.app.shutdownTimeoutMs + SHUTDOWN_GRACE_MS);
    timer.unref();
  };
  // `once`: the framework's own handler re-sends the signal to end the process after closing.
  process.once('SIGTERM', arm);
  process.once('SIGINT', arm);
}

const SHUTDOWN_GRACE_MS = 5000;
