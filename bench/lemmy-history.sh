#!/usr/bin/env bash
# Makes LemmyNet/lemmy's migrations into a revision folder for bench/squash.sh (BENCHMARKS.md,
# "Sixth round"), with the two local changes it needs on PostgreSQL 15 without Diesel: subqueries in
# FROM given an alias where lemmy leaves it out (allowed from PostgreSQL 16 only), and Diesel's own
# history table __diesel_schema_migrations, which lemmy puts a trigger on, made by the initial
# setup (and dropped by its downgrade). The third-party SQL stays outside the repository.
#
# Usage: bench/lemmy-history.sh LEMMY_GIT_DIR COMMIT TARGET_DIR
#   LEMMY_GIT_DIR  a clone (bare or not) of github.com/LemmyNet/lemmy; COMMIT e.g. 439734d
#   TARGET_DIR     gets the revision files (through bench/import-up-down.sh); must not exist
set -euo pipefail
(($# == 3)) || { sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
git_dir=$1 commit=$2 dest=$3
[[ -e $dest ]] && { echo "$dest exists" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git -C "$git_dir" archive "$commit" migrations | tar -x -C "$work"
python3 - "$work"/migrations/*/up.sql "$work"/migrations/*/down.sql <<'PY'
import re, sys
# a subquery in FROM followed by no alias (the next word a keyword or the end) gets "AS pg15_sqN"
FOLLOW = {'GROUP', 'WHERE', 'ORDER', 'LIMIT', 'UNION', 'JOIN', 'HAVING', 'WINDOW', 'ON', 'LEFT', 'INNER',
          'CROSS', ';', ')', ''}
for path in sys.argv[1:]:
    text = open(path).read()
    inserts = []
    for match in re.finditer(r'\bFROM\s*\(\s*(SELECT|VALUES)\b', text, re.I):
        depth, i = 0, text.index('(', match.start())
        while True:
            depth += {'(': 1, ')': -1}.get(text[i], 0)
            if depth == 0:
                break
            i += 1
        word = re.match(r'[A-Za-z_]+|.|', text[i + 1:].lstrip()).group(0).upper()
        if word in FOLLOW:
            inserts.append(i + 1)
    for n, at in enumerate(sorted(inserts, reverse=True)):
        text = text[:at] + ' AS pg15_sq%d' % (len(inserts) - n) + text[at:]
    if inserts:
        open(path, 'w').write(text)
        print('%s: %d subquery alias(es) added' % (path.split('/migrations/')[1], len(inserts)))
PY
setup=$(ls -d "$work"/migrations/00000000000000_*)
printf '\nCREATE TABLE IF NOT EXISTS __diesel_schema_migrations (version varchar(50) PRIMARY KEY NOT NULL, run_on timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP);\n' >>"$setup/up.sql"
printf '\nDROP TABLE IF EXISTS __diesel_schema_migrations;\n' >>"$setup/down.sql"
"$here/import-up-down.sh" "$work/migrations" "$dest" postgres
