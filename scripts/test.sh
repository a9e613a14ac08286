#!/usr/bin/env bash
# Run the test suites. PostgreSQL and Redis are started when they are down.
#
#   bash scripts/test.sh              # static, unit, e2e, country, attack run, browser (if any)
#   bash scripts/test.sh --static     # only lint and typecheck
#   bash scripts/test.sh --unit       # only the unit suite
#   bash scripts/test.sh --e2e        # only the e2e suite (flags combine: --unit --e2e)
#   bash scripts/test.sh --browser    # only the browser suite
#   bash scripts/test.sh --attack     # only the attack run (test/security/*.attack-spec.ts)
#   bash scripts/test.sh --country    # only the country step: the whole e2e project again on
#                                     # Albania's profile (PMD_TEST_COUNTRY=albania)
#
# Stops at the first failing step. The last line printed is
#   tests: N passed, N failed, N skipped
# (jest test counts, all suites together). When PMD_TEST_TOTALS_FILE is set, the
# same three numbers are appended to it as "passed failed skipped".
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

want_unit=""
want_e2e=""
want_browser=""
want_attack=""
want_static=""
want_country=""
for arg in "$@"; do
  case "$arg" in
    --static) want_static=1 ;;
    --unit) want_unit=1 ;;
    --e2e) want_e2e=1 ;;
    --browser) want_browser=1 ;;
    --attack) want_attack=1 ;;
    --country) want_country=1 ;;
    -h | --help)
      sed -n '2,16p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    *) die "unknown option '$arg' (try --help)" ;;
  esac
done
if [[ -z "$want_static$want_unit$want_e2e$want_browser$want_attack$want_country" ]]; then
  want_static=1 want_unit=1 want_e2e=1 want_attack=1 want_browser=1 want_country=1
fi

# The country step runs every e2e suite once more on Albania's country profile (PMD_TEST_COUNTRY,
# test/support/test-env.ts): the suites take codes, names, reference prefix, time zone, languages
# and institutions from the installation's profile (test/support/country-codes.ts), so the same
# suites check both profiles. The browser suite runs on Kosovo's only.

has_browser_specs=""
if [[ -d test/browser ]] &&
  [[ -n "$(find test/browser -name '*.browser-spec.ts' -print -quit 2>/dev/null)" ]]; then
  has_browser_specs=1
fi

results_dir="$(mktemp -d "${TMPDIR:-/tmp}/pmd-test.XXXXXX")"
passed=0
failed=0
skipped=0
steps=()

# shellcheck disable=SC2317 # invoked by trap
finish() {
  local status=$?
  rm -rf "$results_dir"
  if [[ -n "${PMD_TEST_TOTALS_FILE:-}" ]]; then
    printf '%s %s %s\n' "$passed" "$failed" "$skipped" >>"$PMD_TEST_TOTALS_FILE"
  fi
  log "node $(node --version 2>/dev/null || echo '?'): ${steps[*]:-no step ran}"
  if ((status == 0)); then
    log "all requested test steps passed"
  else
    log "FAILED (exit status $status)"
  fi
  printf 'tests: %s passed, %s failed, %s skipped\n' "$passed" "$failed" "$skipped"
  exit "$status"
}
trap finish EXIT

# step NAME CMD...: run one step; stop everything at the first failure.
step() {
  local name="$1"
  shift
  log "[$name] $*"
  local status=0
  "$@" || status=$?
  if ((status != 0)); then
    steps+=("$name:FAILED")
    log "[$name] failed (exit status $status)"
    exit "$status"
  fi
  steps+=("$name:ok")
}

# jest_step PROJECT WORKERS [NAME [SPEC...]]: one jest project (or the given specs of it),
# counting its tests; NAME names the step (default: the project).
jest_step() {
  local project="$1" workers="$2" name="${3:-$1}" status=0 counts p f s
  local json="$results_dir/$name.json"
  shift 2
  (($# > 0)) && shift
  log "[$name] npx jest --selectProjects $project --maxWorkers=$workers $*"
  npx jest --selectProjects "$project" --maxWorkers="$workers" \
    --json --outputFile="$json" "$@" || status=$?
  if [[ -s "$json" ]]; then
    # shellcheck disable=SC2016 # JavaScript, not shell
    counts="$(node -e '
      const r = require(process.argv[1]);
      console.log(r.numPassedTests, r.numFailedTests + (r.numRuntimeErrorTestSuites || 0),
        r.numPendingTests + (r.numTodoTests || 0));
    ' "$json" 2>/dev/null || echo "0 0 0")"
    read -r p f s <<<"$counts"
    passed=$((passed + p))
    failed=$((failed + f))
    skipped=$((skipped + s))
  elif ((status != 0)); then
    failed=$((failed + 1)) # jest died before reporting: count it as one failure
  fi
  if ((status != 0)); then
    steps+=("$name:FAILED")
    log "[$name] failed (exit status $status)"
    exit "$status"
  fi
  steps+=("$name:ok")
}

need_node
ensure_deps
setup_args=(--services-only)
if [[ -n "$want_browser" && -d test/browser ]]; then
  setup_args+=(--with-browser)
fi
bash "$PMD_ROOT/scripts/setup.sh" "${setup_args[@]}"

if [[ -n "$want_static" ]]; then
  step lint npm run --silent lint
  step typecheck npm run --silent typecheck
fi
if [[ -n "$want_unit" ]]; then
  jest_step unit 2
fi
if [[ -n "$want_e2e" ]]; then
  jest_step e2e 2
fi
if [[ -n "$want_country" ]]; then
  PMD_TEST_COUNTRY=albania jest_step e2e 2 country-albania
fi
if [[ -n "$want_attack" ]]; then
  jest_step attack 1
fi
if [[ -n "$want_browser" ]]; then
  if [[ -n "$has_browser_specs" ]]; then
    jest_step browser 1
  else
    steps+=("browser:none")
  fi
fi
