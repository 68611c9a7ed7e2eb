#!/usr/bin/env bash
# migrate:squash -Dmigrate.to=head on a history, proven and verified, then a new PostgreSQL database
# upgraded to head with the chain and with the squash, in turns (chain, squash, chain, squash, ...),
# the ratio taken pair by pair: in one process (the run alone, and the whole call with the files
# read), and as whole `java` processes (start-up included), each timed from outside with
# date +%s%N, the squash both beside the chain's files and pruned (the squash file alone). Between
# the two, the floor under both: their statements sent by plain JDBC on one connection (a batch and
# a commit per transactional revision; no lock, history table or checks), pair by pair.
# SquashBenchmark trace FOLDER breaks one upgrade down from the server's log (see its comment).
#
# Usage: bench/squash.sh [-n RUNS] HISTORY_DIR
#   HISTORY_DIR  revision files (bench/import-up-down.sh turns up/down pairs into them), e.g.
#                migrate-maven-plugin/src/test/resources/histories/postgres-realistic
#   -n RUNS      pairs of each kind (default 5)
# SQUASH_BENCH_VERIFY_ROWS=N sets verify's rows per table (0: the rows check off).
# PostgreSQL at MIGRATE_TEST_PG_URL (default jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres).
# Work goes under bench/target/squash: the chain, the squashed copy and its squash file.
set -euo pipefail
runs=5
while (($#)); do
  case $1 in
    -n) runs=$2; shift 2 ;;
    -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
    *) break ;;
  esac
done
(($# == 1)) || { sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
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
echo "the floor: the same statements by plain JDBC, one batch and one commit per transactional revision, no tool:"
bench floor "$work" "$runs"
echo
echo "whole processes (JVM start-up, the files read, creating and dropping the database included):"
echo "| pair | chain (s) | squash, chain files kept (s) | squash, pruned (s) | chain / kept | chain / pruned |"
echo "|---:|---:|---:|---:|---:|---:|"
kept=() pruned=()
for ((i = 1; i <= runs; i++)); do
  start=$(date +%s%N); bench upgrade "$work/chain" >/dev/null; a=$(($(date +%s%N) - start))
  start=$(date +%s%N); bench upgrade "$work/squashed" >/dev/null; b=$(($(date +%s%N) - start))
  start=$(date +%s%N); bench upgrade "$work/pruned" >/dev/null; c=$(($(date +%s%N) - start))
  kept+=("$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2f", a / b }')")
  pruned+=("$(awk -v a="$a" -v c="$c" 'BEGIN { printf "%.2f", a / c }')")
  awk -v i="$i" -v a="$a" -v b="$b" -v c="$c" \
    'BEGIN { printf "| %d | %.2f | %.2f | %.2f | %.2fx | %.2fx |\n", i, a / 1e9, b / 1e9, c / 1e9, a / b, a / c }'
done
median() { printf '%s\n' "$@" | sort -n | awk '{ r[NR] = $1 } END { m = NR % 2 ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2; printf "%.2fx (%s-%s)", m, r[1], r[NR] }'; }
echo "median chain / squash, whole processes: chain files kept $(median "${kept[@]}"), pruned $(median "${pruned[@]}")"
