#!/usr/bin/env bash
# Make a Debian/Ubuntu machine ready to run the platform:
# Node check, npm dependencies, PostgreSQL + Redis running, migrations applied.
#
#   bash scripts/setup.sh                  # everything
#   bash scripts/setup.sh --services-only  # only make sure PostgreSQL and Redis are up
#   bash scripts/setup.sh --with-browser   # also install Chromium (browser tests)
#
# DATABASE_URL / REDIS_URL (environment or ./.env) say where the services live;
# TEST_DATABASE_URL, when set, is ensured too.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

services_only=""
with_browser=""
for arg in "$@"; do
  case "$arg" in
    --services-only) services_only=1 ;;
    --with-browser) with_browser=1 ;;
    -h | --help)
      sed -n '2,10p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    *) die "unknown option '$arg' (try --help)" ;;
  esac
done

need_node
if [[ -z "$services_only" ]]; then
  ensure_deps
fi

ensure_postgres "${DATABASE_URL:-$PMD_DEFAULT_DATABASE_URL}"
if [[ -n "${TEST_DATABASE_URL:-}" ]]; then
  ensure_postgres "$TEST_DATABASE_URL"
fi
ensure_redis "${REDIS_URL:-$PMD_DEFAULT_REDIS_URL}"

if [[ -n "$with_browser" ]]; then
  ensure_chromium
fi

if [[ -z "$services_only" ]]; then
  log "running database migrations (npm run migration:run)"
  npm run --silent migration:run
fi

log "setup done$([[ -n "$services_only" ]] && printf ' (services only)')"
