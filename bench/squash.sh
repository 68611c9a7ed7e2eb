#!/usr/bin/env bash
# migrate:squash -Dmigrate.to=head on a history, proven and verified, then a new PostgreSQL database
# upgraded to head with the chain and with the squash, in turns (chain, squash, chain, squash, ...),
# the ratio taken pair by pair: in one process (the upgrades alone), and as whole `java` processes
# (start-up included), each timed from outside with date +%s%N.
#
# Usage: bench/squash.sh [-n RUNS] HISTORY_DIR
#   HISTORY_DIR  revision files (bench/import-up-down.sh turns up/down pairs into them), e.g.
#                migrate-maven-plugin/src/test/resources/histories/postgres-realistic
#   -n RUNS      pairs of each kind (default 5)
# PostgreSQL at MIGRATE_TEST_PG_URL (default jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres).
# Work goes under bench/target/squash: the chain, the squashed copy and its squash file.
set -euo pipefail
runs=5
while (($#)); do
  case $1 in
    -n) runs=$2; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
    *) break ;;
  esac
done
(($# == 1)) || { sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
history=$(cd "$1" && pwd)
cd "$(dirname "$0")/.."
work=$PWD/bench/target/squash
rm -rf "$work" && mkdir -p "$work"
module=migrate-maven-plugin
mvn -o -q -pl $module test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
cp="$module/target/classes:$module/target/test-classes:$(cat $module/target/bench.classpath)"
bench() { java -Xmx768m -cp "$cp" dev.migrate.bench.SquashBenchmark "$@"; }

echo "history: $history ($(ls "$history" | grep -c '\.sql$') revision files)"
bench prepare "$history" "$work"
echo
echo "in one process, upgrades only:"
bench pairs "$work" "$runs"
echo
echo "whole processes (JVM start-up, creating and dropping the database included):"
echo "| pair | chain (s) | squash (s) | chain / squash |"
echo "|---:|---:|---:|---:|"
ratios=()
for ((i = 1; i <= runs; i++)); do
  start=$(date +%s%N); bench upgrade "$work/chain" >/dev/null; a=$(($(date +%s%N) - start))
  start=$(date +%s%N); bench upgrade "$work/squashed" >/dev/null; b=$(($(date +%s%N) - start))
  ratio=$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2f", a / b }')
  ratios+=("$ratio")
  awk -v i="$i" -v a="$a" -v b="$b" -v r="$ratio" 'BEGIN { printf "| %d | %.2f | %.2f | %sx |\n", i, a / 1e9, b / 1e9, r }'
done
printf '%s\n' "${ratios[@]}" | sort -n | awk '{ r[NR] = $1 } END { m = NR % 2 ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2; printf "median chain / squash, whole processes: %.2fx (%s-%s)\n", m, r[1], r[NR] }'
