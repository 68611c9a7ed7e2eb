#!/usr/bin/env bash
# Runs the plugin's Maven Invoker scenarios (it/projects) with other Apache Maven versions than the
# one building it: by default 3.6.3, the oldest version the plugin declares (<prerequisites>, and
# requiredMavenVersion in its descriptor), the newest 3.9.x, and the newest Maven 4.0.x (a release
# candidate at the time of writing; see src/site/markdown/compatibility.md for what differs there).
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
set -euo pipefail
cd "$(dirname "$0")/.."

if [ $# -eq 0 ]; then
  set -- 3.6.3 3.9.16 4.0.0-rc-4
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
