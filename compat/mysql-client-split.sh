#!/bin/bash
# Feeds .sql files through the real mariadb/mysql client and compares the statements the server
# received (its general log) with MysqlSyntax's split of the same files.
#
#   compat/mysql-client-split.sh <folder-or-file>...
#
# Needs a MariaDB/MySQL server at 127.0.0.1:3306 (user root, no password, or set MYSQL_ARGS), the
# `mariadb` client (or MYSQL_CLIENT=mysql), and migrate-maven-plugin/target/classes (mvn compile).
# The general log is switched on (to the mysql.general_log table) only while the files run and is
# switched off again after; each file runs in a database of its own, dropped afterwards. Statements
# fail on the server (tables that do not exist, PostgreSQL syntax): the client runs with --force
# and the log records what it received either way.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
client=${MYSQL_CLIENT:-mariadb}
args=${MYSQL_ARGS:--uroot -h127.0.0.1 -P3306}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

files=()
for arg in "$@"; do
  if [ -d "$arg" ]; then
    while IFS= read -r f; do files+=("$f"); done < <(find "$arg" -name '*.sql' -type f | sort)
  else
    files+=("$arg")
  fi
done

old_output=$($client $args -N -e "SELECT @@global.log_output")
old_log=$($client $args -N -e "SELECT @@global.general_log")
$client $args -e "SET GLOBAL log_output='FILE,TABLE'; SET GLOBAL general_log=1"
restore() { $client $args -e "SET GLOBAL general_log=$old_log; SET GLOBAL log_output='$old_output'"; rm -rf "$out"; }
trap restore EXIT

n=0
for f in "${files[@]}"; do
  n=$((n + 1))
  db="migrate_compat_$$_$n"
  marker="migrate-compat-$db"
  $client $args -e "CREATE DATABASE $db"
  { echo "SELECT '$marker';"; cat "$f"; } | $client --force $args "$db" > /dev/null 2>&1 || true
  # every statement the client sent after the marker, each followed by a separator line
  $client $args -N --raw -e "
    SET @t := (SELECT thread_id FROM mysql.general_log WHERE argument = 'SELECT \\'$marker\\''
               ORDER BY event_time DESC LIMIT 1);
    SELECT CONCAT(CONVERT(argument USING utf8mb4), '\n@@@END@@@') FROM mysql.general_log
    WHERE thread_id = @t AND command_type = 'Query' AND argument <> 'SELECT \\'$marker\\''
    ORDER BY event_time" > "$out/$n.client"
  $client $args -e "DROP DATABASE $db"
  printf '%s\t%s\n' "$f" "$out/$n.client" >> "$out/pairs.tsv"
done

java -cp "$root/migrate-maven-plugin/target/classes" "$root/compat/CompareSplit.java" "$out/pairs.tsv"
