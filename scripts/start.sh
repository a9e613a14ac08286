#!/usr/bin/env bash
# Run the whole platform locally: services, migrations, build, demo data,
# then the mail catcher (when built), the worker and the web server.
# Ctrl-C stops everything. If any process exits, the others are stopped too.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

export NODE_ENV="${NODE_ENV:-development}"
port="${PORT:-3000}"

need_node
ensure_deps
bash "$PMD_ROOT/scripts/setup.sh"

log "building server and worker (npm run build)"
npm run --silent build

log "loading demo data (npm run cli -- seed-demo)"
npm run --silent cli -- seed-demo

# ------------------------------------------------------------ processes ---
names=()
pids=()
stopping=""

# start NAME CMD...: run CMD in its own process group (so npm and the node
# process it spawns are signalled together); pid == process group id.
start() {
  local name="$1"
  shift
  log "starting $name: $*"
  if command -v setsid >/dev/null 2>&1; then
    setsid "$@" &
  else
    set -m
    "$@" &
    set +m
  fi
  names+=("$name")
  pids+=("$!")
}

alive() {
  kill -0 -- "-$1" 2>/dev/null || kill -0 "$1" 2>/dev/null
}

stop_all() {
  [[ -z "$stopping" ]] || return 0
  stopping=1
  local i pid any
  for pid in "${pids[@]}"; do
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  done
  for ((i = 0; i < 100; i++)); do
    any=""
    for pid in "${pids[@]}"; do
      if alive "$pid"; then any=1; fi
    done
    [[ -n "$any" ]] || break
    sleep 0.1
  done
  for pid in "${pids[@]}"; do
    if alive "$pid"; then
      warn "process group $pid did not stop within 10 s: sending KILL"
      kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
    fi
  done
  for pid in "${pids[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
}

# shellcheck disable=SC2317 # invoked by trap
on_signal() {
  log "received $1: stopping the platform"
  stop_all
  trap - EXIT
  [[ "$1" == INT ]] && exit 130
  exit 143
}
trap stop_all EXIT
trap 'on_signal INT' INT
trap 'on_signal TERM' TERM

mail_catcher="dist/apps/worker/apps/worker/src/mail-catcher.js"
if [[ -f "$mail_catcher" ]]; then
  start mail-catcher node "$mail_catcher"
fi
start worker npm run --silent start:worker
start server npm run --silent start:server

# Wait (at most 60 s) until the server answers HTTP, unless something dies first.
for ((i = 0; i < 120; i++)); do
  for idx in "${!pids[@]}"; do
    alive "${pids[$idx]}" || break 2
  done
  if node -e 'fetch(process.argv[1]).then(() => process.exit(0), () => process.exit(1))' \
    "http://127.0.0.1:${port}/health/ready" 2>/dev/null; then
    break
  fi
  sleep 0.5
done

all_alive=1
for idx in "${!pids[@]}"; do
  alive "${pids[$idx]}" || all_alive=""
done
if [[ -n "$all_alive" ]]; then
  log "platform running at http://localhost:${port} (NODE_ENV=${NODE_ENV})"
  log "demo accounts: see README (Demo data)"
  log "press Ctrl-C to stop"
fi

set +e
wait -n "${pids[@]}"
status=$?
set -e
[[ -z "$stopping" ]] || exit "$status"

exited="a process"
for idx in "${!pids[@]}"; do
  if ! alive "${pids[$idx]}"; then
    exited="${names[$idx]}"
    break
  fi
done
log "$exited exited (status $status): stopping the others"
stop_all
((status != 0)) || status=1
exit "$status"
