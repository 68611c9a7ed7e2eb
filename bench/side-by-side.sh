#!/usr/bin/env bash
# Side-by-side benchmark: the same generated history run by this plugin, Flyway, Liquibase and psql,
# each as a whole process (`mvn ...` or `psql ...`) against a fresh database, the tools taking turns
# run by run so that every ratio is taken pair by pair (ours in repetition k against the peer in
# repetition k) and holds when the machine's speed drifts.
#
# Usage: bench/side-by-side.sh [-r REPS] [-v VERIFY_REPS] [--ops LIST] [--local-repo DIR] [--no-install] [SIZE ...]
#   SIZE             revisions to generate (default: 100 1000)
#   -r REPS          timed runs of each tool for upgrade and no-op (default 3)
#   -v VERIFY_REPS   timed runs of each tool for the verify operations (default 1)
#   --ops LIST       comma separated, from upgrade,noop,verify,verify-createdb,verify-h2,verify-mariadb
#                    (default: all but verify-mariadb); verify runs as PGUSER (a superuser), verify-createdb
#                    as a role made for the run with only LOGIN and CREATEDB that owns the database, both with
#                    verify's defaults (rows, locks, merge order); Liquibase runs as the same user on the same
#                    server (verify-mariadb: both on MariaDB at 127.0.0.1:3306)
#   --local-repo DIR Maven local repository for every mvn call, install included (default: Maven's own);
#                    use a private one when others may install the same SNAPSHOT meanwhile
#   --no-install     use the plugin already installed instead of installing it from this checkout
#
# Needs bash, awk, psql, mvn, Java 17, and PostgreSQL at PGHOST:PGPORT (default 127.0.0.1:5432) for
# PGUSER (default postgres) with trust authentication; verify-mariadb needs the mariadb client and
# MariaDB at MARIADB_HOST:MARIADB_PORT (default 127.0.0.1:3306) for MARIADB_USER (default root), no password. The first run downloads the Flyway and
# Liquibase Maven plugins; timed runs are offline (mvn -o). Everything is written under
# bench/target/side-by-side: the generated projects, one log per run, and results.md.
set -euo pipefail

reps=3
verify_reps=1
ops=upgrade,noop,verify,verify-createdb,verify-h2
local_repo=
install=true
while (($#)); do
  case $1 in
    -r) reps=$2; shift 2 ;;
    -v) verify_reps=$2; shift 2 ;;
    --ops) ops=$2; shift 2 ;;
    --local-repo) local_repo=$(mkdir -p "$2" && cd "$2" && pwd); shift 2 ;;
    --no-install) install=false; shift ;;
    -h|--help) sed -n '2,24p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
    *) break ;;
  esac
done
sizes=("$@")
((${#sizes[@]})) || sizes=(100 1000)

root=$(cd "$(dirname "$0")/.." && pwd)
here=$root/bench/side-by-side
work=$root/bench/target/side-by-side
pg_host=${PGHOST:-127.0.0.1}
pg_port=${PGPORT:-5432}
pg_user=${PGUSER:-postgres}
db=side_by_side_$$
# the user of the database and of the JDBC URLs; verify-createdb switches it to $createdb_role
db_user=$pg_user
createdb_role=side_by_side_createdb_$$

flyway_version=${FLYWAY_VERSION:-13.12.0}
liquibase_version=${LIQUIBASE_VERSION:-4.33.0}
prop() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" "$root/pom.xml" | head -1; }
migrate_version=$(sed -n '/<artifactId>migrate-parent<\/artifactId>/{n;s:.*<version>\(.*\)</version>.*:\1:p;}' "$root/pom.xml")
pg_driver_version=$(prop postgresql.version)
h2_version=$(prop h2.version)

mvn_opts=(-B)
[[ -n $local_repo ]] && mvn_opts+=("-Dmaven.repo.local=$local_repo")
# No tool may reach for the network during a timed run: usage reports off, Maven offline.
export REDGATE_DISABLE_TELEMETRY=true
liquibase_opts=(-Dliquibase.analytics.enabled=false)

psql_() { PGOPTIONS='--client-min-messages=warning' psql -h "$pg_host" -p "$pg_port" -U "$pg_user" -X -q -v ON_ERROR_STOP=1 "$@"; }
# the new database's pages written out before the timed run (untimed), so that no tool pays for the
# harness's own CREATE DATABASE: verify's DROP DATABASE of its scratch database forces a checkpoint
fresh_db() { psql_ -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db OWNER $db_user" -c CHECKPOINT; }
drop_db() { psql_ -d postgres -c "DROP DATABASE IF EXISTS $db"; }
drop_role() { psql_ -d postgres -c "DROP ROLE IF EXISTS $createdb_role"; }
trap 'drop_db 2>/dev/null || true; drop_role 2>/dev/null || true' EXIT
jdbc_pg() { echo "jdbc:postgresql://$pg_host:$pg_port/$db?user=$db_user"; }

fail() { echo "FAILED: $1" >&2; [[ -n ${2:-} ]] && { echo "--- last lines of $2:" >&2; tail -40 "$2" >&2; }; exit 1; }

# The schema every correct upgrade leaves: n tables t_i, 3 columns each plus one per 10th revision,
# an index per 5th, and the last table's 3 rows.
expected_schema() { echo "$1|$((3 * $1 + $1 / 10))|$(($1 / 5))|3"; }
actual_schema() {
  psql_ -d "$db" -At -c "SELECT
      (SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename ~ '^t_[0-9]+$'),
      (SELECT count(*) FROM information_schema.columns WHERE table_schema = 'public' AND table_name ~ '^t_[0-9]+$'),
      (SELECT count(*) FROM pg_indexes WHERE schemaname = 'public' AND indexname ~ '^ix_t_'),
      (SELECT count(*) FROM t_$1)"
}
check_schema() { # size label log
  local got
  got=$(actual_schema "$1") || fail "$2: the database has no complete schema" "$3"
  [[ $got == "$(expected_schema "$1")" ]] || fail "$2: schema $got, expected $(expected_schema "$1") (tables|columns|indexes|rows)" "$3"
}
check_log() { # label log pattern...
  local label=$1 log=$2; shift 2
  for pattern; do grep -q -- "$pattern" "$log" || fail "$label: its log lacks '$pattern'" "$log"; done
}

# Sets cmd to the command line of a tool's goal (run in the tool's project folder), offline.
command_for() { # tool goal url
  case $1 in
    ours) cmd=(mvn "${mvn_opts[@]}" -o "migrate:$2" "-Ddb.url=$3") ;;
    flyway) cmd=(mvn "${mvn_opts[@]}" -o "flyway:$2" "-Ddb.url=$3") ;;
    liquibase) cmd=(mvn "${mvn_opts[@]}" -o "liquibase:$2" "-Ddb.url=$3" "${liquibase_opts[@]}") ;;
  esac
}

# timed LABEL REP DIR COMMAND...: runs COMMAND in DIR, appends its wall-clock milliseconds to
# results/LABEL (one line per repetition, in order) and keeps its output in logs/LABEL.REP.log.
# The 1-minute load average at the start goes to results/LABEL.load, to show how busy the machine was.
timed() {
  local label=$1 rep=$2 dir=$3; shift 3
  local log=$logs/$label.$rep.log start end
  cut -d' ' -f1 /proc/loadavg >>"$results/$label.load"
  start=$(date +%s%N)
  (cd "$dir" && "$@") >"$log" 2>&1 || fail "$label run $rep exited with $?" "$log"
  end=$(date +%s%N)
  echo $(((end - start) / 1000000)) >>"$results/$label"
  last_log=$log
}
untimed() { # label dir command...
  local label=$1 dir=$2; shift 2
  (cd "$dir" && "$@") >"$logs/$label.log" 2>&1 || fail "$label exited with $?" "$logs/$label.log"
}

# Tools in the order for repetition REP: the list rotated by REP-1, so no tool always goes first.
rotated() { local rep=$1; shift; local n=$# i; for ((i = 0; i < n; i++)); do local k=$(((rep - 1 + i) % n + 1)); echo "${!k}"; done; }

run_upgrade() { # size dir rep tool
  local n=$1 dir=$2 rep=$3 tool=$4
  fresh_db
  case $tool in
    psql) timed upgrade.psql "$rep" "$dir" psql -h "$pg_host" -p "$pg_port" -U "$pg_user" -X -q -v ON_ERROR_STOP=1 -d "$db" -1 -f all.sql ;;
    ours) command_for ours upgrade "$(jdbc_pg)"; timed upgrade.ours "$rep" "$dir/ours" "${cmd[@]}" ;;
    flyway) command_for flyway migrate "$(jdbc_pg)"; timed upgrade.flyway "$rep" "$dir/flyway" "${cmd[@]}" ;;
    liquibase) command_for liquibase update "$(jdbc_pg)"; timed upgrade.liquibase "$rep" "$dir/liquibase" "${cmd[@]}" ;;
  esac
  check_schema "$n" "upgrade.$tool" "$last_log"
  drop_db
}

run_noop() { # size dir rep tool: the same upgrade twice, the second (nothing to do) timed
  local n=$1 dir=$2 rep=$3 tool=$4 goal
  case $tool in ours) goal=upgrade ;; flyway) goal=migrate ;; liquibase) goal=update ;; esac
  fresh_db
  command_for "$tool" "$goal" "$(jdbc_pg)"
  untimed "noop.$tool.$rep.first" "$dir/$tool" "${cmd[@]}"
  timed "noop.$tool" "$rep" "$dir/$tool" "${cmd[@]}"
  check_schema "$n" "noop.$tool" "$last_log"
  case $tool in
    ours) check_log noop.ours "$last_log" "Nothing to upgrade" ;;
    flyway) check_log noop.flyway "$last_log" "No migration necessary" ;;
    liquibase) check_log noop.liquibase "$last_log" "Run: *0$" ;;
  esac
  drop_db
}

run_verify() { # size dir rep tool [op]: ours verify (own scratch database, defaults) vs Liquibase update, rollback all, update
  local n=$1 dir=$2 rep=$3 tool=$4 op=${5:-verify}
  fresh_db
  case $tool in
    ours)
      command_for ours verify "$(jdbc_pg)"; timed "$op.ours" "$rep" "$dir/ours" "${cmd[@]}"
      check_log "$op.ours" "$last_log" "Verified $n revisions in " ": 0 errors" "BUILD SUCCESS"
      check_costs "$op" "$last_log" ;;
    liquibase)
      command_for liquibase updateTestingRollback "$(jdbc_pg)"; timed "$op.liquibase" "$rep" "$dir/liquibase" "${cmd[@]}"
      check_log "$op.liquibase" "$last_log" "Rollback command completed successfully" "BUILD SUCCESS"
      check_schema "$n" "$op.liquibase" "$last_log" ;;
  esac
  drop_db
}

run_verify_createdb() { # the same as a role with only LOGIN and CREATEDB, owning the database (no superuser)
  db_user=$createdb_role
  run_verify "$@" verify-createdb
  db_user=$pg_user
}

# Verify's closing line, 'Verified N revisions in T ms: ... (of which synthetic rows R ms, lock sampling
# L ms, merge order M ms)', as 'T R L M' appended to results/OP.checks: what each check cost in the run
# (the stairway is T less the others; T leaves out starting Maven and the JVM).
check_costs() { # op log
  sed -n 's/.*Verified [0-9]* revisions\{0,1\} in \([0-9]*\) ms:.*/\1 &/p' "$2" | tail -1 | awk '{
    total = $1; rows = 0; locks = 0; merge = 0
    if (match($0, /synthetic rows [0-9]+ ms/)) { split(substr($0, RSTART, RLENGTH), f, " "); rows = f[3] }
    if (match($0, /lock sampling [0-9]+ ms/)) { split(substr($0, RSTART, RLENGTH), f, " "); locks = f[3] }
    if (match($0, /merge order [0-9]+ ms/)) { split(substr($0, RSTART, RLENGTH), f, " "); merge = f[3] }
    print total, rows, locks, merge }' >>"$results/$1.checks"
}

run_verify_h2() { # size dir rep tool: the same on an in-memory H2 database inside the mvn process
  local n=$1 dir=$2 rep=$3 tool=$4
  case $tool in
    ours)
      command_for ours verify "jdbc:h2:mem:bench"; timed verify-h2.ours "$rep" "$dir/ours" "${cmd[@]}"
      check_log verify-h2.ours "$last_log" "in in-memory H2 database" "Verified $n revisions in " ": 0 errors" "BUILD SUCCESS"
      check_costs verify-h2 "$last_log" ;;
    liquibase)
      command_for liquibase updateTestingRollback "jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1"
      timed verify-h2.liquibase "$rep" "$dir/liquibase" "${cmd[@]}"
      check_log verify-h2.liquibase "$last_log" "Executing on Database: jdbc:h2:mem:bench" \
        "Rollback command completed successfully" "BUILD SUCCESS" ;;
  esac
}

# --- verify-mariadb: the same history on MariaDB (MySQL syntax: DROP INDEX names its table), our verify
# against Liquibase's updateTestingRollback through its Maven plugin and the MariaDB driver, on one server.
my_host=${MARIADB_HOST:-127.0.0.1}
my_port=${MARIADB_PORT:-3306}
my_user=${MARIADB_USER:-root}
mariadb_driver_version=$(prop mariadb.version)
mariadb_() { mariadb -h "$my_host" -P "$my_port" -u "$my_user" --batch --skip-column-names "$@"; }
jdbc_mariadb() { echo "jdbc:mariadb://$my_host:$my_port/$db?user=$my_user"; }
fresh_mariadb() { mariadb_ -e "DROP DATABASE IF EXISTS $db; CREATE DATABASE $db"; }
drop_mariadb() { mariadb_ -e "DROP DATABASE IF EXISTS $db"; }

check_schema_mariadb() { # size label log: as check_schema, read from information_schema
  local got
  got=$(mariadb_ -D "$db" -e "SELECT
      (SELECT count(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name REGEXP '^t_[0-9]+$'),
      (SELECT count(*) FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name REGEXP '^t_[0-9]+$'),
      (SELECT count(DISTINCT table_name, index_name) FROM information_schema.statistics
        WHERE table_schema = DATABASE() AND index_name REGEXP '^ix_t_'),
      (SELECT count(*) FROM t_$1)" | tr '\t' '|') || fail "$2: the database has no complete schema" "$3"
  [[ $got == "$(expected_schema "$1")" ]] || fail "$2: schema $got, expected $(expected_schema "$1") (tables|columns|indexes|rows)" "$3"
}

# The MariaDB projects, once per size, under DIR/mariadb: the generated files with DROP INDEX written
# as MySQL requires, Liquibase's pom with the MariaDB driver and an empty password (without it,
# Liquibase sends one the server refuses); each tool's upgrade once, not timed.
prepare_mariadb() { # dir
  local dir=$1 my=$1/mariadb f
  [[ -d $my ]] && return 0
  mariadb_ -e "SELECT 1" >/dev/null || fail "MariaDB does not answer at $my_host:$my_port for $my_user"
  trap 'drop_db 2>/dev/null || true; drop_role 2>/dev/null || true; drop_mariadb 2>/dev/null || true' EXIT
  mkdir -p "$my/ours/src/main/migrations" "$my/liquibase"
  for f in "$dir"/ours/src/main/migrations/*.sql; do
    sed -E 's/^DROP INDEX (ix_(t_[0-9]+)_name);/DROP INDEX \1 ON \2;/' "$f" >"$my/ours/src/main/migrations/${f##*/}"
  done
  sed -E 's/^--rollback DROP INDEX (ix_(t_[0-9]+)_name);/--rollback DROP INDEX \1 ON \2;/' \
    "$dir/liquibase/changelog.sql" >"$my/liquibase/changelog.sql"
  cp "$dir/ours/pom.xml" "$my/ours/pom.xml"
  sed -e "s:<username>postgres</username>:<username>$my_user</username><emptyPassword>true</emptyPassword>:" \
    -e 's:<groupId>org.postgresql</groupId>:<groupId>org.mariadb.jdbc</groupId>:' \
    -e 's:<artifactId>postgresql</artifactId>:<artifactId>mariadb-java-client</artifactId>:' \
    -e "s:<version>$pg_driver_version</version>:<version>$mariadb_driver_version</version>:" \
    "$dir/liquibase/pom.xml" >"$my/liquibase/pom.xml"
  fresh_mariadb; untimed warmup-mariadb.ours "$my/ours" mvn "${mvn_opts[@]}" migrate:upgrade "-Ddb.url=$(jdbc_mariadb)"
  fresh_mariadb; untimed warmup-mariadb.liquibase "$my/liquibase" mvn "${mvn_opts[@]}" liquibase:update \
    "-Ddb.url=$(jdbc_mariadb)" "${liquibase_opts[@]}"
  drop_mariadb
}

run_verify_mariadb() { # size dir rep tool: ours verify (own scratch database) vs Liquibase update, rollback all, update
  local n=$1 dir=$2 rep=$3 tool=$4
  prepare_mariadb "$dir"
  fresh_mariadb
  case $tool in
    ours)
      command_for ours verify "$(jdbc_mariadb)"; timed verify-mariadb.ours "$rep" "$dir/mariadb/ours" "${cmd[@]}"
      check_log verify-mariadb.ours "$last_log" "Verified $n revisions in " ": 0 errors" "BUILD SUCCESS" ;;
    liquibase)
      command_for liquibase updateTestingRollback "$(jdbc_mariadb)"
      timed verify-mariadb.liquibase "$rep" "$dir/mariadb/liquibase" "${cmd[@]}"
      check_log verify-mariadb.liquibase "$last_log" "Rollback command completed successfully" "BUILD SUCCESS"
      check_schema_mariadb "$n" verify-mariadb.liquibase "$last_log" ;;
  esac
  drop_mariadb
}

# median min max (seconds) of a results file; and the median (min-max) of ours/peer pair by pair.
stats() { sort -n "$1" | awk '{ a[NR] = $1 } END { m = NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2;
  printf "%d | %.2f | %.2f | %.2f", NR, m / 1000, a[1] / 1000, a[NR] / 1000 }'; }
pair_ratio() { paste -d' ' "$1" "$2" | awk '{ print $1 / $2 }' | sort -g | awk '{ a[NR] = $1 } END {
  m = NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2;
  if (NR == 1) printf "%.2fx", m; else printf "%.2fx (%.2f-%.2f)", m, a[1], a[NR] }'; }
median() { sort -g "$1" | awk '{ a[NR] = $1 } END { printf "%.1f", NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

op_name() {
  case $1 in
    upgrade) echo "upgrade from empty" ;; noop) echo "no-op (at head)" ;;
    verify) echo "verify / updateTestingRollback, superuser" ;;
    verify-createdb) echo "verify / updateTestingRollback, role with only CREATEDB" ;;
    verify-h2) echo "verify / updateTestingRollback, H2" ;;
    verify-mariadb) echo "verify / updateTestingRollback, MariaDB" ;;
  esac
}
tool_name() {
  case $1.$2 in
    *.ours) echo "migrate:${3}" ;; *.flyway) echo "flyway:migrate" ;; *.psql) echo "psql -1 -f all.sql" ;;
    upgrade.liquibase|noop.liquibase) echo "liquibase:update" ;; *.liquibase) echo "liquibase:updateTestingRollback" ;;
  esac
}

# --- build and describe ----------------------------------------------------------------------
mkdir -p "$work"
if $install; then
  echo "Installing migrate-maven-plugin $migrate_version from $root ..."
  (cd "$root" && mvn -q "${mvn_opts[@]}" -DskipTests install -pl migrate-maven-plugin -am)
fi
psql_ -d postgres -c "SELECT 1" >/dev/null || fail "PostgreSQL does not answer at $pg_host:$pg_port for $pg_user"
if [[ ,$ops, == *,verify-createdb,* ]]; then
  psql_ -d postgres -c "CREATE ROLE $createdb_role LOGIN CREATEDB" || fail "cannot create the role $createdb_role (PGUSER must be a superuser)"
fi

report=$work/results.md
{
  echo "Date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "Machine: $(nproc) cores, $(free -g | awk '/^Mem:/ { print $2 }') GiB memory, $(uname -sr); load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "PostgreSQL server $(psql_ -d postgres -At -c 'SHOW server_version'), $(psql --version)"
  echo "Java: $(java -version 2>&1 | head -1); Maven: $(mvn -v 2>/dev/null | head -1 | sed 's/\x1b\[[0-9;]*m//g')"
  echo "Tools: migrate-maven-plugin $migrate_version (commit $(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet HEAD -- migrate-maven-plugin/src || echo ', with uncommitted changes')), flyway-maven-plugin $flyway_version + flyway-database-postgresql $flyway_version, liquibase-maven-plugin $liquibase_version; PostgreSQL JDBC $pg_driver_version, H2 $h2_version"
  echo "Command: bench/side-by-side.sh -r $reps -v $verify_reps --ops $ops ${sizes[*]}"
  echo
  echo "| revisions | operation | tool | runs | median s | min s | max s | ours / tool, pair by pair: median (min-max) | load |"
  echo "|---:|---|---|---:|---:|---:|---:|---|---:|"
} >"$report.head"
cat "$report.head"
: >"$report.rows"
rm -f "$report.checks"

for n in "${sizes[@]}"; do
  dir=$work/$n
  logs=$dir/logs
  results=$dir/results
  rm -rf "$dir"
  mkdir -p "$dir/ours/src/main/migrations" "$dir/flyway/migrations" "$dir/liquibase" "$logs" "$results"
  awk -v n="$n" -v dir="$dir" -f "$here/generate.awk"
  for tool in ours flyway liquibase; do
    sed -e "s/@MIGRATE_VERSION@/$migrate_version/" -e "s/@FLYWAY_VERSION@/$flyway_version/" \
      -e "s/@LIQUIBASE_VERSION@/$liquibase_version/" -e "s/@PG_DRIVER_VERSION@/$pg_driver_version/" \
      -e "s/@H2_VERSION@/$h2_version/" "$here/pom-$tool.xml" >"$dir/$tool/pom.xml"
  done
  echo "== $n revisions (generated in $dir)" >&2

  # Warm-up, not timed: online once, so that every plugin and driver is in the local repository,
  # and the files are in the page cache for every tool alike.
  fresh_db; untimed warmup.ours "$dir/ours" mvn "${mvn_opts[@]}" migrate:upgrade "-Ddb.url=$(jdbc_pg)"
  fresh_db; untimed warmup.flyway "$dir/flyway" mvn "${mvn_opts[@]}" flyway:migrate "-Ddb.url=$(jdbc_pg)"
  fresh_db; untimed warmup.liquibase "$dir/liquibase" mvn "${mvn_opts[@]}" liquibase:update "-Ddb.url=$(jdbc_pg)" "${liquibase_opts[@]}"
  drop_db

  for op in ${ops//,/ }; do
    case $op in
      upgrade) tools=(ours flyway liquibase psql); count=$reps; goal=upgrade ;;
      noop) tools=(ours flyway liquibase); count=$reps; goal=upgrade ;;
      verify|verify-createdb|verify-h2|verify-mariadb) tools=(ours liquibase); count=$verify_reps; goal=verify ;;
      *) fail "unknown operation $op (upgrade, noop, verify, verify-createdb, verify-h2, verify-mariadb)" ;;
    esac
    for ((rep = 1; rep <= count; rep++)); do
      for tool in $(rotated "$rep" "${tools[@]}"); do
        echo "   $op $tool run $rep of $count" >&2
        "run_${op//-/_}" "$n" "$dir" "$rep" "$tool"
      done
    done
    for tool in "${tools[@]}"; do
      ratio=-
      [[ $tool != ours ]] && ratio=$(pair_ratio "$results/$op.ours" "$results/$op.$tool")
      row="| $n | $(op_name "$op") | $(tool_name "$op" "$tool" "$goal") | $(stats "$results/$op.$tool") | $ratio | $(median "$results/$op.$tool.load") |"
      echo "$row" | tee -a "$report.rows"
    done
    if [[ -f $results/$op.checks ]]; then
      row=$(awk -v n="$n" -v op="$(op_name "$op")" '{ t[NR] = $1; r[NR] = $2; l[NR] = $3; m[NR] = $4 }
        function med(a,   k, i, j, x) { k = NR; for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (a[j] < a[i]) { x = a[i]; a[i] = a[j]; a[j] = x }
          return k % 2 ? a[(k + 1) / 2] : (a[k / 2] + a[k / 2 + 1]) / 2 }
        END { for (i = 1; i <= NR; i++) s[i] = t[i] - r[i] - l[i] - m[i]
          printf "| %d | %s | %d | %.1f | %.1f | %.1f | %.1f | %.1f |", n, op, NR, med(t) / n, med(s) / n, med(r) / n, med(l) / n, med(m) / n }' \
        "$results/$op.checks")
      echo "$row" | tee -a "$report.checks"
    fi
  done
done

{
  cat "$report.head" "$report.rows"
  if [[ -f $report.checks ]]; then
    echo
    echo "What each check of migrate:verify cost, in ms per revision (medians of the runs; from verify's closing"
    echo "line, without starting Maven and the JVM; the stairway is the rest, the merge order check is 0 on"
    echo "a single line of revisions):"
    echo
    echo "| revisions | operation | runs | verify ms/rev | stairway | rows | locks | merge order |"
    echo "|---:|---|---:|---:|---:|---:|---:|---:|"
    cat "$report.checks"
  fi
  echo
  echo "Each time is one whole process, mvn or psql, from start to exit, on a fresh database. load: the"
  echo "median 1-minute load average when that tool's runs started ($(nproc) cores; above $(nproc) the runs waited"
  echo "for a processor). Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
} >"$report"
rm -f "$report.head" "$report.rows" "$report.checks"
echo
cat "$report"
