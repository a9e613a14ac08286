'use strict';
// Preloaded (node -r) into our server when the runner profiles it (--profile): each SIGWINCH
// starts the V8 CPU profiler or, when it runs, stops it and writes the profile to
// BENCH_CPU_PROFILE_DIR/<n>.cpuprofile (n = 1, 2, ...). So only the loads the runner chooses are
// profiled (not start-up), and the server need not exit for a profile to be written.
// SIGWINCH because Nest's shutdown hooks take SIGUSR2 (and SIGUSR1 opens the inspector).
const { Session } = require('node:inspector');
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');

const session = new Session();
session.connect();
let running = false;
let written = 0;

process.on('SIGWINCH', () => {
  if (!running) {
    running = true;
    session.post('Profiler.enable', () =>
      session.post('Profiler.setSamplingInterval', { interval: 500 }, () =>
        session.post('Profiler.start'),
      ),
    );
    return;
  }
  running = false;
  session.post('Profiler.stop', (error, result) => {
    if (error) return;
    written += 1;
    const file = join(process.env.BENCH_CPU_PROFILE_DIR, `${written}.cpuprofile`);
    writeFileSync(file, JSON.stringify(result.profile));
  });
});
