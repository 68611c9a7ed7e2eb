#!/usr/bin/env bash
# Turns a folder of up/down migration pairs, as golang-migrate, dbmate-style tools, Go's pop and
# Rust's Diesel write them, into this plugin's revision files: one linear history, in version
# order, for benchmarks on real histories (bench/realistic.sh, bench/squash.sh).
#
# Usage: bench/import-up-down.sh SOURCE_DIR TARGET_DIR [DIALECT]
#   SOURCE_DIR  holds <version>_<name>[.<dialect>][.autocommit].(up|down).sql (the name may hold dots), or (Diesel) folders
#               <version>_<name>/ with up.sql, down.sql and an optional metadata.toml, the version
#               a date such as 2019-02-26-002946 (its dashes left out when ordering), and
#               "run_in_transaction = false" in metadata.toml giving "transactional: false"
#   TARGET_DIR  gets <timestamp>_<slug>.sql, one per version (made if missing; must hold no .sql yet)
#   DIALECT     files for it win over files without a dialect; files for other dialects are left
#               out (default: postgres; recognised: postgres, mysql, sqlite, sqlite3, cockroach)
# A version without an up file is left out. An .autocommit. up file gives "transactional: false".
# Revision ids are made up (a minute apart from 2020-01-01), since the source's versions need
# not be timestamps; the header's message keeps the source's version and name.
set -euo pipefail
(($# >= 2)) || { sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
src=$1 dest=$2 dialect=${3:-postgres}
[[ -d $src ]] || { echo "no folder $src" >&2; exit 2; }
mkdir -p "$dest"
if compgen -G "$dest/*.sql" >/dev/null; then echo "$dest already holds .sql files" >&2; exit 2; fi
dialects='postgres|mysql|sqlite|sqlite3|cockroach'

# version -> name, and the chosen up and down file (a file for the dialect wins over a generic one)
declare -A name up down up_auto up_specific down_specific
shopt -s nullglob
for path in "$src"/*.sql; do
  file=${path##*/}
  # read from the right: a name may hold dots itself (golang-migrate's "000056_upgrade_channels_v6.0.up.sql")
  [[ $file =~ ^([0-9]+)_(.+)\.(up|down)\.sql$ ]] || continue
  version=${BASH_REMATCH[1]} base=${BASH_REMATCH[2]} way=${BASH_REMATCH[3]} which= auto=
  [[ $base == *.autocommit ]] && base=${base%.autocommit} auto=yes
  if [[ $base =~ ^(.+)\.($dialects)$ ]]; then
    base=${BASH_REMATCH[1]} which=${BASH_REMATCH[2]}
    [[ $which == "$dialect" ]] || continue
  fi
  name[$version]=$base
  if [[ $way == up ]]; then
    if [[ -n $which || -z ${up_specific[$version]:-} ]]; then
      up[$version]=$path; up_auto[$version]=${auto:+yes}; [[ -n $which ]] && up_specific[$version]=yes
    fi
  else
    if [[ -n $which || -z ${down_specific[$version]:-} ]]; then
      down[$version]=$path; [[ -n $which ]] && down_specific[$version]=yes
    fi
  fi
done
for path in "$src"/*/up.sql "$src"/*/down.sql; do
  folder=${path%/*}; folder=${folder##*/} file=${path##*/}
  [[ $folder =~ ^([0-9][0-9-]*)_(.+)$ ]] || continue
  version=${BASH_REMATCH[1]//-/} base=${BASH_REMATCH[2]}
  [[ -n ${name[$version]:-} && ${name[$version]} != "$base" ]] && { echo "two migrations for version $version" >&2; exit 2; }
  name[$version]=$base
  if [[ $file == up.sql ]]; then
    up[$version]=$path
    grep -qs '^[[:space:]]*run_in_transaction[[:space:]]*=[[:space:]]*false' "${path%/*}/metadata.toml" && up_auto[$version]=yes
  else
    down[$version]=$path
  fi
done

parent=base count=0 start=$(date -u -d 2020-01-01 +%s)
for version in $(printf '%s\n' "${!up[@]}" | sort); do
  id=$(date -u -d "@$((start + count * 60))" +%Y%m%d%H%M%S)
  slug=$(printf '%s' "${name[$version]}" | tr 'A-Z' 'a-z' | sed 's/[^a-z0-9_]/_/g; s/^_*//; s/_*$//')
  {
    echo "-- parents: $parent"
    echo "-- message: ${name[$version]} (version $version)"
    [[ -n ${up_auto[$version]:-} ]] && echo "-- transactional: false"
    echo
    echo "-- upgrade"
    cat "${up[$version]}"
    echo
    echo
    echo "-- downgrade"
    [[ -n ${down[$version]:-} ]] && cat "${down[$version]}"
    echo
  } >"$dest/${id}_${slug:-revision}.sql"
  parent=$id count=$((count + 1))
done
echo "$count revisions in $dest"
