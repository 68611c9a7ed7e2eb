#!/usr/bin/env bash
# Makes ory/hydra's SQL migrations (persistence/sql/migrations, ory/pop's naming:
# <version>_<name>[.<dialect>][.autocommit].(up|down).sql) into a revision folder for bench/squash.sh:
# the PostgreSQL files, and the generic ones where a version has no PostgreSQL file; files for
# cockroach, mysql and sqlite are left out. Hydra needs no local change on PostgreSQL 15. The
# third-party SQL stays outside the repository.
#
# Usage: bench/hydra-history.sh HYDRA_GIT_DIR COMMIT TARGET_DIR
#   HYDRA_GIT_DIR  a clone (bare or not) of github.com/ory/hydra; COMMIT e.g. 83127c5
#   TARGET_DIR     gets the revision files (through bench/import-up-down.sh); must not exist
set -euo pipefail
(($# == 3)) || { sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
git_dir=$1 commit=$2 dest=$3
[[ -e $dest ]] && { echo "$dest exists" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git -C "$git_dir" archive "$commit" persistence/sql/migrations | tar -x -C "$work"
"$here/import-up-down.sh" "$work/persistence/sql/migrations" "$dest" postgres
