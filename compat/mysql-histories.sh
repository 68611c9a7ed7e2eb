#!/usr/bin/env bash
# Fetches public projects' MySQL up/down migration folders and turns each into revision files for
# the MySQL acceptance test (MysqlHistoriesAcceptanceIT... see below); none of it enters the repository.
#
#   compat/mysql-histories.sh [TARGET_DIR]      (default: target/mysql-histories)
#
# Each project is cloned shallow at a pinned commit (or read from a local clone: set
# <NAME>_GIT to its git directory, e.g. KETO_GIT=/path/to/keto/.git), its MySQL files are
# exported and bench/import-up-down.sh makes TARGET_DIR/<name>/ of them (dialect mysql: a version's
# .mysql. files win over its generic ones; other dialects' files are left out). Then run
#
#   mvn -o -pl migrate-maven-plugin test -Dtest=MysqlHistoriesAcceptanceTest \
#       -Dmigrate.acceptance.mysqlHistories=$PWD/target/mysql-histories
#
# The projects: Ory Keto, Hydra and Kratos (Apache-2.0), which keep one migration folder for
# every database with .mysql.up.sql/.mysql.down.sql pairs (gobuffalo/pop's layout).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
target=${1:-$root/target/mysql-histories}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# name | repository | commit | migration folders (Keto keeps its networks table in the shared
# networkx folder, which Ory's migrator runs with its own as one history; Hydra and Kratos have their own)
projects=(
  "keto|https://github.com/ory/keto|e026d8391913caa2dcd1bff92311ce9d1181d821|oryx/networkx/migrations/sql internal/persistence/sql/migrations/sql|20220513200400"
  "hydra|https://github.com/ory/hydra|83127c5752d907f52dd5f048a734c596c4316477|persistence/sql/migrations|20220513000001"
  "kratos|https://github.com/ory/kratos|b86338da04a040247a07f46100a86dcfb3875909|persistence/sql/migrations/sql|20260408000000"
)
# The last field, when set, is the first version MariaDB cannot run, as the mariadb client cannot
# either (the projects target MySQL 8): the history ends before it. Keto 20220513200400 drops a check
# constraint by MySQL's generated name (keto_uuid_mappings_chk_1); Hydra 20220513000001 casts to
# JSON (CAST(... AS JSON)), which MariaDB has no type for. Kratos 20260408000000 makes a generated
# column of a CASE expression MariaDB refuses there (error 1901).
#
# Statements MariaDB refuses where MySQL 8 runs them, rewritten so that the history goes on (the
# schema each leaves is the same; the mariadb client runs the rewritten files in the upgrade test):
# Kratos 20200317160354 copies rows with INSERT ... SELECT leaving out two NOT NULL columns without a
# default; MySQL copies no row of the (empty) table, MariaDB refuses the statement itself (error 1364):
# the copy sets them to NOW().
fixups() {
  local name=$1 dir=$2
  if [[ $name == kratos ]]; then
    sed -i 's/^\(INSERT INTO selfservice_profile_management_request_methods (id, method, selfservice_profile_management_request_id, config\)) SELECT id, '"'"'traits'"'"', id, form FROM/\1, created_at, updated_at) SELECT id, '"'"'traits'"'"', id, form, NOW(), NOW() FROM/' \
      "$(grep -l '(version 20200317160354,' "$dir"/*.sql)"
  fi
}

# Ory splits one change into steps: versions <14-digit timestamp><6-digit step>, run up in step
# order and down in reverse (a table one step creates is dropped by the next step's down file).
# One revision per timestamp: the steps' upgrades in order, their downgrades in reverse order.
group() {
  local steps=$1 dest=$2 parent=base count=0 stamp
  mkdir -p "$dest"
  # one pass over the steps (Kratos has over a thousand): each stamp's files, in step order
  declare -A seen=() members=()
  local stamps=()
  for f in "$steps"/*.sql; do
    stamp=$(sed -n 's/^-- message: .*(version \([0-9]\{14\}\)[0-9]*)$/\1/p' "$f")
    [[ -n ${seen[$stamp]:-} ]] || { seen[$stamp]=1; stamps+=("$stamp"); }
    members[$stamp]+=$f$'\n'
  done
  for stamp in "${stamps[@]}"; do
    local files=() id slug
    mapfile -t files <<<"${members[$stamp]%$'\n'}"
    id=$(date -u -d "@$(($(date -u -d 2020-01-01 +%s) + count * 60))" +%Y%m%d%H%M%S)
    slug=$(sed -n 's/^-- message: \(.*\) (version .*/\1/p' "${files[0]}" | tr 'A-Z' 'a-z' | sed 's/[^a-z0-9_]/_/g')
    {
      echo "-- parents: $parent"
      echo "-- message: $slug (version $stamp, ${#files[@]} steps)"
      grep -qh '^-- transactional: false' "${files[@]}" && echo "-- transactional: false"
      echo
      echo "-- upgrade"
      for f in "${files[@]}"; do sed -n '/^-- upgrade$/,/^-- downgrade$/p' "$f" | sed '1d;$d'; done
      echo
      echo "-- downgrade"
      for ((k = ${#files[@]} - 1; k >= 0; k--)); do sed -n '/^-- downgrade$/,$p' "${files[k]}" | sed '1d'; done
    } >"$dest/${id}_${slug}.sql"
    parent=$id count=$((count + 1))
  done
  echo "$count revisions in $dest"
}

for entry in "${projects[@]}"; do
  IFS='|' read -r name url commit folders stop <<<"$entry"
  var=$(echo "$name" | tr a-z A-Z)_GIT
  git_dir=${!var:-}
  if [[ -z $git_dir ]]; then
    git init -q "$work/$name"
    git -C "$work/$name" fetch -q --depth 1 "$url" "$commit"
    git_dir=$work/$name/.git
  fi
  mkdir -p "$work/$name-files" "$work/$name-merged"
  # shellcheck disable=SC2086
  git --git-dir="$git_dir" archive "$commit" $folders | tar -x -C "$work/$name-files"
  for folder in $folders; do
    cp "$work/$name-files/$folder"/*.sql "$work/$name-merged/"
  done
  rm -rf "${target:?}/$name"
  "$root/bench/import-up-down.sh" "$work/$name-merged" "$work/$name-steps" mysql >/dev/null
  group "$work/$name-steps" "$target/$name"
  fixups "$name" "$target/$name"
  if [[ -n $stop ]]; then
    cut=$(grep -l "^-- message: .*(version $stop," "$target/$name"/*.sql | head -1)
    for f in "$target/$name"/*.sql; do [[ $f < $cut ]] || rm "$f"; done
    echo "$name: ends before version $stop, $(ls "$target/$name" | wc -l) revisions kept"
  fi
done
