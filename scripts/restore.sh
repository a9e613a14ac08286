#!/usr/bin/env bash
# Restore a backup made by scripts/backup.sh into a NEW database (never over a live one).
#
#   bash scripts/restore.sh BACKUP_DIR TARGET_DATABASE_URL [TARGET_UPLOAD_DIR]
#
# Creates the database named in TARGET_DATABASE_URL on its server (it must not exist yet),
# restores the dump into it in one transaction (all or nothing), and unpacks the evidence files
# into TARGET_UPLOAD_DIR when given (it must be empty or missing). Then point DATABASE_URL and
# UPLOAD_DIR at them and start the platform: the schema is already at the backup's migration.
set -euo pipefail
backup="${1:-}"
target_url="${2:-}"
upload_target="${3:-}"
if [[ -n "$backup" && "$backup" != /* ]]; then backup="$PWD/$backup"; fi
if [[ -n "$upload_target" && "$upload_target" != /* ]]; then upload_target="$PWD/$upload_target"; fi
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

[[ -n "$backup" && -n "$target_url" ]] ||
  die "usage: scripts/restore.sh BACKUP_DIR TARGET_DATABASE_URL [TARGET_UPLOAD_DIR]"
[[ -f "$backup/database.dump" ]] || die "$backup/database.dump is missing"
command -v pg_restore >/dev/null 2>&1 || die "pg_restore is missing (install postgresql-client)"
command -v psql >/dev/null 2>&1 || die "psql is missing (install postgresql-client)"

if [[ -f "$backup/SHA256SUMS" ]]; then
  (cd "$backup" && sha256sum --check --quiet SHA256SUMS) || die "checksums do not match"
fi

# The server's maintenance database, and the name of the one to create.
read -r admin_url database < <(node -e '
  const url = new URL(process.argv[1]);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = "/postgres";
  process.stdout.write(url.toString() + " " + name + "\n");
' "$target_url")
[[ "$database" =~ ^[A-Za-z0-9_]{1,63}$ ]] || die "the target database name must be letters, digits or _"

exists="$(psql "$admin_url" -XAtq -v ON_ERROR_STOP=1 \
  -c "SELECT 1 FROM pg_database WHERE datname = '$database'")"
[[ -z "$exists" ]] || die "database $database already exists: restore into a new one"
if [[ -n "$upload_target" && -d "$upload_target" && -n "$(ls -A "$upload_target")" ]]; then
  die "$upload_target is not empty"
fi

log "creating database $database"
psql "$admin_url" -Xq -v ON_ERROR_STOP=1 -c "CREATE DATABASE \"$database\""
log "restoring $backup/database.dump"
if ! pg_restore --no-owner --no-privileges --exit-on-error --single-transaction \
  --dbname "$target_url" "$backup/database.dump"; then
  psql "$admin_url" -Xq -c "DROP DATABASE IF EXISTS \"$database\"" || true
  die "restore failed; the new database was dropped"
fi

if [[ -n "$upload_target" ]]; then
  if [[ -f "$backup/uploads.tar.gz" ]]; then
    log "unpacking the evidence files into $upload_target"
    mkdir -p "$upload_target"
    chmod 700 "$upload_target"
    tar --extract --gzip --file "$backup/uploads.tar.gz" --directory "$upload_target"
  else
    warn "the backup holds no evidence files"
  fi
fi
log "restored into $database; start the platform with DATABASE_URL=$target_url${upload_target:+ UPLOAD_DIR=$upload_target}"
