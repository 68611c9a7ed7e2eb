#!/usr/bin/env bash
# Runs the plugin's Maven Invoker scenarios (it/projects) with other Apache Maven versions than the
# one building it: by default 3.6.3, the oldest version the plugin declares (<prerequisites>, and
# requiredMavenVersion in its descriptor), the newest Maven 3 release whatever its minor (3.9.x,
# then 3.10.x, ...), and the newest Maven 4.0.x (its newest release candidate while there is no
# 4.0.0; see src/site/markdown/compatibility.md for what differs there). The newest versions are
# read from the repository's maven-metadata.xml of org.apache.maven:apache-maven, so a new minor
# is picked up without editing this script.
#
# Each distribution is fetched from Maven Central as org.apache.maven:apache-maven:<v>:tar.gz:bin
# with the dependency plugin and unpacked under target/compat/. The plugin is built by the Maven on
# the PATH; only the scenario builds (upgrade, downgrade, stamp, verify, credentials from
# settings.xml, failure cases ...) run on the downloaded Maven, and each scenario's verify.groovy
# asserts what the migrations did to the database and what the log says.
#
# Needs PostgreSQL like the main build (it.pg.prefix / it.pg.params in it/pom.xml); pass
# INVOKER_TEST='h2-*' to run only the H2 scenarios.
#
# Usage: compat/maven-versions.sh [maven-version ...]
#        compat/maven-versions.sh --list    (only prints the versions it would run by default)
# MAVEN_REPOSITORY overrides where the versions are read (default: Maven Central).
set -euo pipefail
cd "$(dirname "$0")/.."

oldest=3.6.3
repository=${MAVEN_REPOSITORY:-https://repo.maven.apache.org/maven2}

# Every published version of Apache Maven's distribution, one a line.
published_versions() {
  local url="$repository/org/apache/maven/apache-maven/maven-metadata.xml"
  curl -fsSL --max-time 60 "$url" | grep -o '<version>[^<]*</version>' | sed 's/<[^>]*>//g' \
    || { echo "cannot read $url; name the Maven versions on the command line instead" >&2; return 1; }
}

# Whether $1 has the binary distribution this script unpacks: a version can be listed in the
# metadata with its pom only (3.10.1 and 3.10.2 were, in December 2026).
has_distribution() {
  curl -fsI --max-time 60 -o /dev/null \
    "$repository/org/apache/maven/apache-maven/$1/apache-maven-$1-bin.tar.gz"
}

# The newest of the versions on stdin (sorted oldest first) that has a distribution; the five
# newest are tried.
newest_with_distribution() {
  local version
  for version in $(sort -V | tail -5 | tac); do
    if has_distribution "$version"; then
      echo "$version"
      return 0
    fi
  done
}

# The newest Maven 3 release (no alpha/beta/rc), whatever its minor; the newest 4.0.x: its newest
# release when there is one, else its newest pre-release (alpha < beta < rc sort as words do).
newest_versions() {
  local all newest3 newest4
  all=$(published_versions) || return 1
  newest3=$(grep -E '^3\.[0-9]+\.[0-9]+$' <<<"$all" | newest_with_distribution)
  newest4=$(grep -E '^4\.0\.[0-9]+$' <<<"$all" | newest_with_distribution)
  if [ -z "$newest4" ]; then
    newest4=$(grep -E '^4\.0\.0-(alpha|beta|rc)-[0-9]+$' <<<"$all" | newest_with_distribution)
  fi
  if [ -z "$newest3" ] || [ -z "$newest4" ]; then
    echo "no Maven 3 or 4.0 distribution found in $repository" >&2
    return 1
  fi
  echo "$newest3 $newest4"
}

if [ "${1:-}" = --list ] || [ $# -eq 0 ]; then
  newest=$(newest_versions) || exit 2
  if [ "${1:-}" = --list ]; then
    echo "$oldest $newest"
    exit 0
  fi
  # shellcheck disable=SC2086 # two words on purpose
  set -- "$oldest" $newest
fi
dependency_plugin=org.apache.maven.plugins:maven-dependency-plugin:3.8.1
work=target/compat
mkdir -p "$work"

failed=()
for version in "$@"; do
  home="$PWD/$work/apache-maven-$version"
  if [ ! -x "$home/bin/mvn" ]; then
    echo "== fetching Apache Maven $version from Maven Central"
    mvn -B -q -N "$dependency_plugin:copy" \
      -Dartifact="org.apache.maven:apache-maven:$version:tar.gz:bin" -DoutputDirectory="$work"
    tar -xzf "$work/apache-maven-$version-bin.tar.gz" -C "$work"
  fi
  reported=$("$home/bin/mvn" -B --version | head -1)
  case "$reported" in
    *"Apache Maven $version "*) ;;
    *) echo "unexpected version banner from $home: $reported" >&2; exit 2 ;;
  esac

  # The scenario builds go through this one-line wrapper so that each build.log starts with the
  # version banner of the Maven that really ran it.
  launcher="$PWD/$work/mvn-$version"
  printf '#!/bin/sh\nexec "%s/bin/mvn" --show-version "$@"\n' "$home" >"$launcher"
  chmod +x "$launcher"

  echo "== $reported: invoker scenarios${INVOKER_TEST:+ ($INVOKER_TEST)}"
  log="$work/maven-$version.log"
  start=$(date +%s)
  # Sources and javadoc jars are not what is checked here, so they are skipped to save time.
  if mvn -B -pl .,migrate-maven-plugin,it verify -DskipTests \
      -Dmaven.javadoc.skip=true -Dmaven.source.skip=true \
      -Dinvoker.mavenHome="$home" -Dinvoker.mavenExecutable="$launcher" ${INVOKER_TEST:+-Dinvoker.test="$INVOKER_TEST"} >"$log" 2>&1; then
    outcome=passed
  else
    outcome=FAILED
    failed+=("$version")
  fi
  seconds=$(( $(date +%s) - start ))
  rm -rf "$work/invoker-reports-$version"
  cp -r it/target/invoker-reports "$work/invoker-reports-$version" 2>/dev/null || true
  # Every scenario's own log must name the Maven that ran it.
  scenarios=$(ls it/target/it/*/build.log 2>/dev/null | wc -l || true)
  on_version=$(grep -l -m1 "^Apache Maven $version " it/target/it/*/build.log 2>/dev/null | wc -l || true)
  summary=$(grep -E "Passed: [0-9]+, Failed: [0-9]+" "$log" | tail -1 | sed 's/^\[INFO\] *//' || true)
  echo "   $outcome in ${seconds}s; ${summary:-no invoker summary}; $on_version of $scenarios scenario logs show Apache Maven $version (log: $log)"
  if [ "$outcome" = passed ] && { [ "$scenarios" -eq 0 ] || [ "$on_version" -ne "$scenarios" ]; }; then
    failed+=("$version")
  fi
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "FAILED on Maven: ${failed[*]}" >&2
  exit 1
fi
echo "all scenarios passed on Maven: $*"
