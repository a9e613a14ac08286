'use strict';
// Preloaded (node -r) into the server when the runner profiles it: the first SIGWINCH starts the
// V8 CPU profiler, the second writes the profile to BENCH_CPU_PROFILE. Only the load phase is
// profiled (not start-up), and the server need not exit for the profile to be written.
// SIGWINCH because Nest's shutdown hooks take SIGUSR2 (and SIGUSR1 opens the inspector).
const { Session } = require('node:inspector');
const { writeFileSync } = require('node:fs');

const session = new Session();
session.connect();
let running = false;

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
    if (!error) writeFileSync(process.env.BENCH_CPU_PROFILE, JSON.stringify(result.profile));
  });
});
