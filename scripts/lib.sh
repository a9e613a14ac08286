# shellcheck shell=bash
# Shared helpers for scripts/*.sh and .ci/run. Source it, don't execute it:
#   source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
#
# Sourcing it:
#   - sets PMD_ROOT (the repository root) and cd's there;
#   - loads ./.env (if present) into the environment, so DATABASE_URL/REDIS_URL/...
#     apply; variables already set in the environment win (as in the app).
# Nothing here exports default URLs: the app has the same defaults built in.

if [[ -n "${PMD_LIB_LOADED:-}" ]]; then
  return 0
fi
PMD_LIB_LOADED=1

PMD_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$PMD_ROOT" || exit 1

PMD_DEFAULT_DATABASE_URL="postgres://postgres@127.0.0.1:5432/pmd"
PMD_DEFAULT_REDIS_URL="redis://127.0.0.1:6379"
PMD_MIN_NODE="20.19"

# Load ./.env the way the app does (Node's own .env parser, process.loadEnvFile):
# variables already in the environment win; no shell expansion of values.
load_dotenv() {
  local file="$PMD_ROOT/.env" name value
  [[ -f "$file" ]] || return 0
  command -v node >/dev/null 2>&1 || return 0 # need_node reports that later
  while IFS= read -r -d '' name && IFS= read -r -d '' value; do
    if [[ -z "${!name+x}" ]]; then
      export "$name=$value"
    fi
  done < <(node -e '
    const vars = require("util").parseEnv(require("fs").readFileSync(process.argv[1], "utf8"));
    for (const [k, v] of Object.entries(vars)) {
      if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(k)) process.stdout.write(k + "\0" + v + "\0");
    }
  ' "$file")
}
load_dotenv

# ---------------------------------------------------------------- output ---

log() {
  printf '==> %s\n' "$*" >&2
}

warn() {
  printf '==> WARNING: %s\n' "$*" >&2
}

die() {
  printf '==> ERROR: %s\n' "$*" >&2
  exit 1
}

# ----------------------------------------------------------------- basics ---

# Run a command as root: directly when we are root, via sudo otherwise.
as_root() {
  if [[ "$(id -u)" -eq 0 ]]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    die "need root privileges to run '$*' (not root and sudo is not installed); run this script as root or install it by hand"
  fi
}

PMD_APT_UPDATED=""
apt_install() {
  command -v apt-get >/dev/null 2>&1 ||
    die "apt-get not found: install '$*' by hand (this script supports Debian/Ubuntu only)"
  if [[ -z "$PMD_APT_UPDATED" ]]; then
    log "apt-get update"
    as_root apt-get update -q
    PMD_APT_UPDATED=1
  fi
  log "apt-get install -y $*"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@"
}

need_node() {
  command -v node >/dev/null 2>&1 ||
    die "Node.js >= ${PMD_MIN_NODE} is required but 'node' is not on PATH"
  local version major minor want_major want_minor
  version="$(node -p 'process.versions.node')"
  IFS=. read -r major minor _ <<<"$version"
  IFS=. read -r want_major want_minor <<<"$PMD_MIN_NODE"
  if ((major < want_major || (major == want_major && minor < want_minor))); then
    die "Node.js >= ${PMD_MIN_NODE} is required, found v${version} ($(command -v node))"
  fi
  command -v npm >/dev/null 2>&1 || die "'npm' is not on PATH (it ships with Node.js)"
  log "Node v${version} ($(command -v node)), npm $(npm --version 2>/dev/null)"
}

# npm ci when node_modules is missing or older than package-lock.json.
ensure_deps() {
  if [[ ! -f package-lock.json ]]; then
    log "no package-lock.json: npm install"
    npm install
    return
  fi
  if [[ ! -d node_modules || ! -f node_modules/.package-lock.json ||
    package-lock.json -nt node_modules/.package-lock.json ]]; then
    log "installing dependencies (npm ci)"
    npm ci
  else
    log "dependencies up to date (node_modules)"
  fi
}

# url_parts URL DEFAULT_PORT -> prints host, port, user, password, path separated by \x1f
# (user/password/path URL-decoded; path without the leading slash; IPv6 brackets stripped).
url_parts() {
  # shellcheck disable=SC2016 # JavaScript, not shell
  node -e '
    const u = new URL(process.argv[1]);
    const host = (u.hostname || "127.0.0.1").replace(/^\[(.*)\]$/, "$1");
    const d = (s) => decodeURIComponent(s || "");
    process.stdout.write([host, u.port || process.argv[2], d(u.username), d(u.password),
      d(u.pathname.replace(/^\//, ""))].join("\x1f") + "\n");
  ' "$1" "$2" 2>/dev/null || die "cannot parse URL '$1'"
}

is_local_host() {
  case "$1" in
    127.* | localhost | ::1 | 0.0.0.0 | "") return 0 ;;
    *) return 1 ;;
  esac
}

# tcp_open HOST PORT: can we open a TCP connection (3 s timeout)?
tcp_open() {
  node -e '
    const s = require("net").connect({ host: process.argv[1], port: +process.argv[2] });
    s.setTimeout(3000, () => process.exit(1));
    s.on("connect", () => process.exit(0));
    s.on("error", () => process.exit(1));
  ' "$1" "$2" 2>/dev/null
}

# ------------------------------------------------------------- PostgreSQL ---

# pg_reachable [URL]: is a PostgreSQL server accepting connections at URL's host:port?
pg_reachable() {
  local url="${1:-${DATABASE_URL:-$PMD_DEFAULT_DATABASE_URL}}" parts host port
  parts="$(url_parts "$url" 5432)" || exit 1
  IFS=$'\x1f' read -r host port _ _ _ <<<"$parts"
  if command -v pg_isready >/dev/null 2>&1; then
    pg_isready -q -h "$host" -p "$port" -t 3
  else
    tcp_open "$host" "$port"
  fi
}

# pg_can_connect URL: 0 = can log in to the database, 1 = cannot, 2 = no client to tell.
pg_can_connect() {
  local url="$1"
  if command -v psql >/dev/null 2>&1; then
    PGCONNECT_TIMEOUT=5 psql "$url" -X -q -t -c 'select 1' >/dev/null 2>&1 && return 0
    return 1
  elif [[ -d node_modules/pg ]]; then
    node -e '
      const c = new (require("pg").Client)({ connectionString: process.argv[1], connectionTimeoutMillis: 5000 });
      c.connect().then(() => c.end()).then(() => process.exit(0), () => process.exit(1));
    ' "$url" >/dev/null 2>&1 && return 0
    return 1
  fi
  return 2
}

# Run psql as the cluster's superuser (OS user postgres, peer auth over the local socket).
pg_admin_psql() {
  local port="$1"
  shift
  if [[ "$(id -u)" -eq 0 ]]; then
    if command -v runuser >/dev/null 2>&1; then
      (cd / && runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -p "$port" -d postgres "$@")
    else
      (cd / && su postgres -s /bin/bash -c "$(printf '%q ' psql -X -q -v ON_ERROR_STOP=1 -p "$port" -d postgres "$@")")
    fi
  elif [[ "$(id -un)" == postgres ]]; then
    psql -X -q -v ON_ERROR_STOP=1 -p "$port" -d postgres "$@"
  elif command -v sudo >/dev/null 2>&1; then
    (cd / && sudo -u postgres psql -X -q -v ON_ERROR_STOP=1 -p "$port" -d postgres "$@")
  else
    die "cannot act as the PostgreSQL superuser (need root, sudo or the postgres user) to create the role/database"
  fi
}

# Start the local cluster listening on PORT (or the first one); prints nothing useful.
pg_start_cluster() {
  local port="$1" ver name cport status chosen=""
  while read -r ver name cport status _; do
    [[ -n "$ver" ]] || continue
    if [[ "$cport" == "$port" ]]; then
      chosen="$ver $name $status"
      break
    fi
    [[ -n "$chosen" ]] || chosen="$ver $name $status"
  done < <(pg_lsclusters --no-header 2>/dev/null)
  [[ -n "$chosen" ]] || return 1
  read -r ver name status <<<"$chosen"
  if [[ "$status" == online* ]]; then
    log "PostgreSQL cluster $ver/$name is already online"
  else
    log "starting PostgreSQL cluster $ver/$name"
    as_root pg_ctlcluster --skip-systemctl-redirect "$ver" "$name" start
  fi
}

# Give a cluster we have just created trust auth on loopback for local development
# (same as the machines this project is developed on). Only called for fresh installs.
pg_trust_loopback() {
  local port="$1" ver name hba
  read -r ver name < <(pg_lsclusters --no-header | awk -v p="$port" '$3 == p {print $1, $2; exit}')
  hba="/etc/postgresql/${ver}/${name}/pg_hba.conf"
  [[ -n "$ver" ]] && as_root test -f "$hba" || return 0
  if ! as_root grep -q '^host[[:space:]]\+all[[:space:]]\+all[[:space:]]\+127.0.0.1/32[[:space:]]\+trust' "$hba"; then
    log "fresh local cluster: allowing passwordless (trust) logins on 127.0.0.1/::1 in $hba (development only)"
    as_root sed -i -e '1i host all all 127.0.0.1/32 trust' -e '1i host all all ::1/128 trust' "$hba"
    as_root pg_ctlcluster --skip-systemctl-redirect "$ver" "$name" reload
  fi
}

# ensure_postgres [URL]: PostgreSQL up, and URL's role and database exist.
ensure_postgres() {
  local url="${1:-${DATABASE_URL:-$PMD_DEFAULT_DATABASE_URL}}"
  local parts host port user password db fresh="" i
  parts="$(url_parts "$url" 5432)" || exit 1
  IFS=$'\x1f' read -r host port user password db <<<"$parts"
  user="${user:-${USER:-$(id -un)}}"
  db="${db:-$user}"

  if pg_reachable "$url"; then
    log "PostgreSQL is up on ${host}:${port}"
  else
    is_local_host "$host" ||
      die "PostgreSQL at ${host}:${port} (DATABASE_URL) is unreachable and not local: start it yourself"
    log "PostgreSQL is not reachable on ${host}:${port}: starting it"
    if ! compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null || ! command -v pg_lsclusters >/dev/null 2>&1; then
      apt_install postgresql
      fresh=1
    fi
    if [[ -z "$(pg_lsclusters --no-header 2>/dev/null)" ]]; then
      local ver
      ver="$(find /usr/lib/postgresql -mindepth 1 -maxdepth 1 -printf '%f\n' 2>/dev/null | sort -V | tail -n 1)"
      [[ -n "$ver" ]] || die "PostgreSQL server binaries not found under /usr/lib/postgresql"
      log "creating PostgreSQL cluster $ver/main on port $port"
      as_root pg_createcluster --port "$port" "$ver" main
      fresh=1
    fi
    pg_start_cluster "$port" || die "no PostgreSQL cluster found to start"
    for ((i = 0; i < 30; i++)); do
      pg_reachable "$url" && break
      sleep 1
    done
    pg_reachable "$url" ||
      die "PostgreSQL still not reachable on ${host}:${port} (check 'pg_lsclusters' and the cluster's port/log)"
    log "PostgreSQL is up on ${host}:${port}"
    if [[ -n "$fresh" && -z "$password" ]]; then
      pg_trust_loopback "$port"
    fi
  fi

  if pg_can_connect "$url"; then
    log "database '${db}' reachable as role '${user}'"
    return 0
  elif [[ $? -eq 2 ]]; then
    warn "neither psql nor node_modules/pg available: not checking that role '${user}' and database '${db}' exist"
    return 0
  fi

  is_local_host "$host" ||
    die "cannot log in to database '${db}' as '${user}' on ${host}:${port}: create the role/database there yourself"
  log "ensuring role '${user}' and database '${db}' exist"
  pg_admin_psql "$port" -v role="$user" -v pw="$password" -v db="$db" <<'SQL'
SELECT CASE WHEN :'pw' = ''
         THEN format('CREATE ROLE %I LOGIN CREATEDB NOSUPERUSER', :'role')
         ELSE format('CREATE ROLE %I LOGIN CREATEDB NOSUPERUSER PASSWORD %L', :'role', :'pw')
       END
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'role')
\gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'role')
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db')
\gexec
SQL

  pg_can_connect "$url" ||
    die "role '${user}' and database '${db}' exist but logging in with DATABASE_URL still fails (password or pg_hba.conf?)"
  log "database '${db}' reachable as role '${user}'"
}

# ------------------------------------------------------------------ Redis ---

# redis_reachable [URL]
redis_reachable() {
  local url="${1:-${REDIS_URL:-$PMD_DEFAULT_REDIS_URL}}" parts host port user password
  parts="$(url_parts "$url" 6379)" || exit 1
  IFS=$'\x1f' read -r host port user password _ <<<"$parts"
  if command -v redis-cli >/dev/null 2>&1; then
    local -a cmd=(timeout 5)
    [[ -n "$password" ]] && cmd+=(env REDISCLI_AUTH="$password")
    cmd+=(redis-cli -h "$host" -p "$port")
    [[ -n "$user" ]] && cmd+=(--user "$user")
    [[ "$("${cmd[@]}" ping 2>/dev/null)" == PONG ]]
  else
    # shellcheck disable=SC2016 # expanded by the inner bash
    timeout 3 bash -c 'exec 3<>"/dev/tcp/$1/$2"' _ "$host" "$port" 2>/dev/null
  fi
}

# ensure_redis [URL]
ensure_redis() {
  local url="${1:-${REDIS_URL:-$PMD_DEFAULT_REDIS_URL}}" parts host port i
  parts="$(url_parts "$url" 6379)" || exit 1
  IFS=$'\x1f' read -r host port _ _ _ <<<"$parts"
  if redis_reachable "$url"; then
    log "Redis is up on ${host}:${port}"
    return 0
  fi
  is_local_host "$host" ||
    die "Redis at ${host}:${port} (REDIS_URL) is unreachable and not local: start it yourself"
  log "Redis is not reachable on ${host}:${port}: starting it"
  if ! command -v redis-server >/dev/null 2>&1; then
    apt_install redis-server
    # On machines with an init system the package may have started it already.
    sleep 1
    if redis_reachable "$url"; then
      log "Redis is up on ${host}:${port}"
      return 0
    fi
  fi
  redis-server --daemonize yes --bind 127.0.0.1 --port "$port" \
    --save "" --appendonly no --maxmemory-policy noeviction >/dev/null
  for ((i = 0; i < 20; i++)); do
    redis_reachable "$url" && break
    sleep 0.5
  done
  redis_reachable "$url" || die "Redis still not reachable on ${host}:${port} after starting redis-server"
  log "Redis is up on ${host}:${port}"
}

# --------------------------------------------------------------- Chromium ---

ensure_chromium() {
  if [[ -x /usr/bin/chromium ]]; then
    log "Chromium present (/usr/bin/chromium)"
    return 0
  fi
  apt_install chromium
  [[ -x /usr/bin/chromium ]] || die "chromium was installed but /usr/bin/chromium is missing"
  log "Chromium installed (/usr/bin/chromium)"
}

# ---------------------------------------------------------------- Node 24 ---

# ensure_node24: fetch the official Node 24 build from the npm registry package
# node-linux-<arch>@24 (layout: package/bin/node, package/include/node, package/share,
# no npm) into ${XDG_CACHE_HOME:-$HOME/.cache}/pmd-ci/node24 and print its bin dir
# on stdout (all logging goes to stderr).
ensure_node24() {
  local cache="${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/pmd-ci"
  local dest="$cache/node24" arch pkg tmp tgz version
  if [[ -x "$dest/bin/node" ]] && [[ "$("$dest/bin/node" --version 2>/dev/null)" == v24.* ]]; then
    log "Node $("$dest/bin/node" --version) cached in $dest"
    printf '%s\n' "$dest/bin"
    return 0
  fi
  case "$(uname -m)" in
    x86_64 | amd64) arch=x64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) die "no node-linux-* package for architecture $(uname -m)" ;;
  esac
  pkg="node-linux-${arch}@24"
  mkdir -p "$cache"
  tmp="$(mktemp -d "$cache/tmp.XXXXXX")"
  log "fetching $pkg from the npm registry (npm pack)"
  if ! (cd "$tmp" && npm pack "$pkg" --pack-destination "$tmp" --silent >/dev/null); then
    rm -rf "$tmp"
    die "npm pack $pkg failed"
  fi
  tgz="$(find "$tmp" -maxdepth 1 -name 'node-linux-*.tgz' -print -quit)"
  if [[ -z "$tgz" ]]; then
    rm -rf "$tmp"
    die "npm pack $pkg produced no tarball"
  fi
  mkdir -p "$tmp/unpacked"
  tar -xzf "$tgz" -C "$tmp/unpacked" --strip-components=1 --no-same-owner
  chmod 0755 "$tmp/unpacked/bin/node"
  version="$("$tmp/unpacked/bin/node" --version 2>/dev/null || true)"
  if [[ "$version" != v24.* ]]; then
    rm -rf "$tmp"
    die "$pkg unpacked but bin/node reports '${version:-nothing}', expected v24.x"
  fi
  rm -rf "$dest"
  mv "$tmp/unpacked" "$dest"
  rm -rf "$tmp"
  log "Node $version unpacked into $dest"
  printf '%s\n' "$dest/bin"
}
