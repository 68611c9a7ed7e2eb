#!/bin/bash
# Feeds .sql files through psql and compares the statements the server received (logged with
# log_statement=all for psql's session only, through PGOPTIONS) with PostgresSyntax's split.
#
#   compat/psql-split.sh <folder-or-file>...
#
# Needs PostgreSQL at 127.0.0.1:5432 (user postgres, trust), read access to its log
# (PG_LOG, default /var/log/postgresql/postgresql-15-main.log, log_line_prefix '%m [%p] ' with an optional '%q%u@%d ') and
# migrate-maven-plugin/target/classes (mvn compile). Each file runs in a database of its own,
# dropped afterwards; statements may fail, psql goes on.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
log=${PG_LOG:-/var/log/postgresql/postgresql-15-main.log}
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

n=0
for f in "${files[@]}"; do
  n=$((n + 1))
  db="migrate_compat_$$_$n"
  marker="migrate-compat-$db"
  psql -X -q -h 127.0.0.1 -U postgres -c "CREATE DATABASE $db" postgres
  start=$(stat -c %s "$log")
  { echo "SELECT '$marker';"; cat "$f"; } \
    | PGOPTIONS='-c log_statement=all' psql -X -q -h 127.0.0.1 -U postgres "$db" > /dev/null 2>&1 || true
  sleep 0.2
  tail -c +"$((start + 1))" "$log" > "$out/$n.log"
  psql -X -q -h 127.0.0.1 -U postgres -c "DROP DATABASE $db" postgres
  # the statements of psql's backend after the marker, each followed by a separator line
  python3 - "$out/$n.log" "$marker" > "$out/$n.client" <<'PY'
import re, sys
lines = open(sys.argv[1], encoding='utf-8', errors='replace').read().split('\n')
head = re.compile(r'^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+ \w+ \[(\d+)\] (?:\S*@\S* )?(\w+):  (.*)$')
entries, pid, last = [], None, None
for line in lines:
    m = head.match(line)
    if m:
        entries.append([m.group(1), m.group(2), m.group(3)])
    elif entries:
        entries[-1][2] += '\n' + line
for p, level, text in entries:
    if level == 'LOG' and text == "statement: SELECT '" + sys.argv[2] + "';":
        pid = p
        continue
    if pid and p == pid and level == 'LOG' and text.startswith('statement: '):
        last = text[len('statement: '):].rstrip('\n')
        print(last)
        print('@@@END@@@')
    elif pid and p == pid and level == 'STATEMENT' and text.rstrip('\n') != last:
        # a statement the server could not parse is not logged as one, only after its error
        last = text.rstrip('\n')
        print(last)
        print('@@@END@@@')
PY
  printf '%s\t%s\n' "$f" "$out/$n.client" >> "$out/pairs.tsv"
done

java -cp "$root/migrate-maven-plugin/target/classes" "$root/compat/CompareSplit.java" "$out/pairs.tsv" postgres
