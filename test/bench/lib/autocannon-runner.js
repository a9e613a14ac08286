'use strict';
// The load generator, run as its own process by load.ts. Plain JavaScript so that it starts
// fast and needs no compiler. Reads its options as JSON on stdin, prints a JSON summary.
const autocannon = require('autocannon');
const { join } = require('node:path');

let input = '';
process.stdin.on('data', (c) => (input += c));
process.stdin.on('end', () => {
  const options = JSON.parse(input);
  const scenario = require(join(__dirname, '..', 'scenarios', options.scenario));
  if (scenario.init) scenario.init(options.scenarioData);
  let i = 0;
  const statusCodes = {};
  const instance = autocannon(
    {
      url: options.url,
      connections: options.connections,
      duration: options.durationSeconds,
      pipelining: 1,
      // A fixed offered rate across all connections (the soak), instead of as fast as possible.
      ...(options.overallRate ? { overallRate: options.overallRate } : {}),
      // Slow answers are latency to report, not errors (a busy 2-core machine is slow).
      timeout: options.timeoutSeconds || 30,
      requests: [
        {
          setupRequest: (req) => {
            const next = scenario.request(i++);
            return {
              ...req,
              ...next,
              headers: { ...(req.headers || {}), ...(next.headers || {}) },
            };
          },
        },
      ],
    },
    (error, result) => {
      if (error) {
        process.stderr.write(String(error));
        process.exit(1);
      }
      process.stdout.write(
        JSON.stringify({
          requests: result.requests.total,
          throughput: Math.round(result.requests.average * 10) / 10,
          latencyP50: result.latency.p50,
          latencyP99: result.latency.p99,
          latencyMean: Math.round(result.latency.average * 100) / 100,
          errors: result.errors + result.timeouts,
          non2xx: result.non2xx,
          statusCodes,
        }),
      );
    },
  );
  instance.on('response', (_client, statusCode) => {
    statusCodes[statusCode] = (statusCodes[statusCode] || 0) + 1;
  });
});
