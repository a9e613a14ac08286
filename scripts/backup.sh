#!/usr/bin/env bash
# Back up the platform: the database (pg_dump, custom format) and the evidence files.
#
#   bash scripts/backup.sh [BACKUP_DIR]
#
# BACKUP_DIR defaults to var/backups/pmd-<UTC time>. It receives
#   database.dump   pg_dump --format=custom of DATABASE_URL (restore with scripts/restore.sh)
#   uploads.tar.gz  the UPLOAD_DIR folder (evidence and referral documents), when it exists
#   SHA256SUMS      checksums of both, checked by restore.sh
# DATABASE_URL and UPLOAD_DIR come from the environment or .env, with the app's defaults.
# Contact details stay encrypted in the dump: keep FIELD_ENCRYPTION_KEYS (elsewhere!) to read them.
set -euo pipefail
target="${1:-}"
if [[ -n "$target" && "$target" != /* ]]; then target="$PWD/$target"; fi
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

database_url="${DATABASE_URL:-$PMD_DEFAULT_DATABASE_URL}"
upload_dir="${UPLOAD_DIR:-./var/uploads}"
target="${target:-$PMD_ROOT/var/backups/pmd-$(date -u +%Y%m%dT%H%M%SZ)}"
command -v pg_dump >/dev/null 2>&1 || die "pg_dump is missing (install postgresql-client)"

if [[ -e "$target" && -n "$(ls -A "$target" 2>/dev/null)" ]]; then
  die "$target exists and is not empty"
fi
mkdir -p "$target"
chmod 700 "$target"

log "dumping the database to $target/database.dump"
# One consistent snapshot of the whole database, taken while the platform runs.
pg_dump --format=custom --no-owner --no-privileges --file "$target/database.dump" "$database_url"
pg_restore --list "$target/database.dump" >/dev/null # the archive is readable

files=(database.dump)
if [[ -d "$upload_dir" ]]; then
  log "archiving the evidence files of $upload_dir"
  # Files are written under a temporary name and renamed once committed, so an archive taken
  # while the platform runs holds whole files; *.part files are uploads still in progress.
  tar --create --gzip --file "$target/uploads.tar.gz" --directory "$upload_dir" \
    --exclude='*.part' .
  files+=(uploads.tar.gz)
else
  warn "no upload folder at $upload_dir: only the database is backed up"
fi
(cd "$target" && sha256sum "${files[@]}" >SHA256SUMS)
chmod 600 "$target"/*
log "backup complete: $target"
printf '%s\n' "$target"
