#!/usr/bin/env bash
# migrate:verify benchmark: N generated revisions on H2 (in memory) and PostgreSQL (default sizes: 100 and 1,000).
# Needs PostgreSQL at MIGRATE_TEST_PG_URL (default jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres).
# Usage: bench/verify.sh [size ...]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -pl migrate-maven-plugin test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
module=migrate-maven-plugin
java -Xmx512m -cp "$module/target/classes:$module/target/test-classes:$(cat $module/target/bench.classpath)" \
  dev.migrate.bench.VerifyBenchmark "$@"
