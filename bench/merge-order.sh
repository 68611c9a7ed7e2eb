#!/usr/bin/env bash
# migrate:verify's merge-order check on a generated history of M merges, each after L line revisions
# (default 20 merges, 10 line revisions: 260 revisions), on PostgreSQL; rows and locks off so the merge order
# shows. Prints the whole verify time and the merge order's share. Run it twice, A B A B, to compare builds.
# Needs PostgreSQL at MIGRATE_TEST_PG_URL (default jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres).
# Usage: bench/merge-order.sh [merges [line]]      CLASSES=<dir> runs another build's compiled main classes.
set -euo pipefail
cd "$(dirname "$0")/.."
module=migrate-maven-plugin
if [ ! -s "$module/target/bench.classpath" ] || [ ! -d "$module/target/test-classes/dev/migrate/bench" ]; then
  mvn -q -o -pl $module test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
fi
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
mkdir -p "$dir/src/main/migrations"
awk -v m="${1:-20}" -v line="${2:-10}" -v dir="$dir" -f bench/merge-order/generate.awk
java -Xmx512m -cp "${CLASSES:-$module/target/classes}:$module/target/test-classes:$(cat $module/target/bench.classpath)" \
  dev.migrate.bench.MergeOrderBenchmark "$dir/src/main/migrations"
