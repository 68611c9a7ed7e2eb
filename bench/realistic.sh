#!/usr/bin/env bash
# migrate:verify on a real history, this checkout's plugin against an older build of it, whole
# `mvn` runs taken in turns (new, old, new, old, ...), each ratio taken pair by pair, so that a
# change's effect on a real history is measured where the machine's speed drifts.
#
# Usage: bench/realistic.sh [-n RUNS] [--db-url URL] MIGRATIONS_DIR OLD_VERSION
#   MIGRATIONS_DIR  revision files (bench/import-up-down.sh turns up/down pairs into them)
#   OLD_VERSION     a version of dev.migrate:migrate-maven-plugin installed in the local repository
#                   (build an older commit with its version changed, e.g. 0.1.0-before, and install it)
#   -n RUNS         runs of each (default 3)
#   --db-url URL    the configured database; verify makes its scratch databases next to it
#                   (default jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres)
# The checks have the same settings in both: rows, locks and merge order off (what verify did before
# those checks came), or as MAVEN_OPTS says. Both runs must report the same findings; the script
# stops when they do not. Work goes under bench/target/realistic: the project, one log per run.
set -euo pipefail
runs=3
db_url='jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres'
while (($#)); do
  case $1 in
    -n) runs=$2; shift 2 ;;
    --db-url) db_url=$2; shift 2 ;;
    -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
    *) break ;;
  esac
done
(($# == 2)) || { sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
migrations=$(cd "$1" && pwd) old=$2
root=$(cd "$(dirname "$0")/.." && pwd)
new=$(sed -n '/<artifactId>migrate-parent<\/artifactId>/{n;s:.*<version>\(.*\)</version>.*:\1:p;}' "$root/pom.xml")
work=$root/bench/target/realistic
rm -rf "$work" && mkdir -p "$work/project/src/main" "$work/logs"
cp -r "$migrations" "$work/project/src/main/migrations"
cat >"$work/project/pom.xml" <<POM
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench.realistic</groupId>
  <artifactId>history</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <properties>
    <migrate.version>$new</migrate.version>
  </properties>
  <build>
    <plugins>
      <plugin>
        <groupId>dev.migrate</groupId>
        <artifactId>migrate-maven-plugin</artifactId>
        <version>\${migrate.version}</version>
        <configuration><url>\${db.url}</url></configuration>
      </plugin>
    </plugins>
  </build>
</project>
POM
export MAVEN_OPTS=${MAVEN_OPTS:--Dmigrate.verify.rows=0 -Dmigrate.verify.locks=false -Dmigrate.verify.mergeOrder=false}
run() { # label version rep: prints the run's milliseconds
  local log=$work/logs/$1.$3.log start end
  start=$(date +%s%N)
  (cd "$work/project" && mvn -B -o migrate:verify -Dmigrate.version="$2" -Ddb.url="$db_url") \
    >"$log" 2>&1 || true
  end=$(date +%s%N)
  grep -q "Verified .* revisions in " "$log" || { echo "$1 run $3 did not verify: see $log" >&2; exit 1; }
  echo $(((end - start) / 1000000))
}
summary() { grep -o "Verified [^;]*" "$1" | sed 's/ in [0-9]* ms//'; }
echo "verify of $(ls "$migrations" | grep -c '\.sql$') revisions from $migrations: $new against $old, $runs runs each"
ratios=()
for ((rep = 1; rep <= runs; rep++)); do
  a=$(run new "$new" "$rep")
  b=$(run old "$old" "$rep")
  [[ $(summary "$work/logs/new.$rep.log") == "$(summary "$work/logs/old.$rep.log")" ]] \
    || { echo "the two versions found different things: $(summary "$work/logs/new.$rep.log") / $(summary "$work/logs/old.$rep.log")" >&2; exit 1; }
  ratio=$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2f", b / a }')
  ratios+=("$ratio")
  echo "run $rep: $new $(awk -v a="$a" 'BEGIN { printf "%.2f", a / 1000 }') s, $old $(awk -v b="$b" 'BEGIN { printf "%.2f", b / 1000 }') s, $old / $new = $ratio"
done
echo "findings (both): $(summary "$work/logs/new.1.log")"
printf '%s\n' "${ratios[@]}" | sort -n | awk '{ r[NR] = $1 } END { printf "speed-up, pair by pair: median %.2fx (%.2f-%.2f)\n", r[int((NR + 1) / 2)], r[1], r[NR] }'
