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

# name | repository | commit | migration folders (the shared networks table's folder first: every
# project's own migrations refer to it, and Ory's migrator runs both folders as one history)
projects=(
  "keto|https://github.com/ory/keto|e026d8391913caa2dcd1bff92311ce9d1181d821|oryx/networkx/migrations/sql internal/persistence/sql/migrations/sql"
  "hydra|https://github.com/ory/hydra|83127c5752d907f52dd5f048a734c596c4316477|oryx/networkx/migrations/sql persistence/sql/migrations"
  "kratos|https://github.com/ory/kratos|b86338da04a040247a07f46100a86dcfb3875909|oryx/networkx/migrations/sql persistence/sql/migrations/sql"
)

for entry in "${projects[@]}"; do
  IFS='|' read -r name url commit folders <<<"$entry"
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
  "$root/bench/import-up-down.sh" "$work/$name-merged" "$target/$name" mysql
done
