#!/usr/bin/env bash
# Parse + check + plan benchmark for generated revision folders (default sizes: 1,000 and 10,000).
# Usage: bench/parse-plan.sh [size ...]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -pl migrate-maven-plugin test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
module=migrate-maven-plugin
java -Xmx512m -cp "$module/target/classes:$module/target/test-classes:$(cat $module/target/bench.classpath)" \
  dev.migrate.bench.ParsePlanBenchmark "$@"
