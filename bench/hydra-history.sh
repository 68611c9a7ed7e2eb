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
(($# == 3)) && [[ ! -e $3 ]] || { sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
source=$(mktemp -d)
trap 'rm -rf "$source"' EXIT
git -C "$1" archive "$2" persistence/sql/migrations | tar -x -C "$source"
"$(dirname "$0")/import-up-down.sh" "$source/persistence/sql/migrations" "$3" postgres
