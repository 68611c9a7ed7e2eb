#!/usr/bin/env bash
# migrate:revision -Dmigrate.autogenerate=true and migrate:check on N generated revisions (default 300),
# on H2 (in memory) and PostgreSQL; the desired schema is the head changed by hand.
# Needs PostgreSQL at MIGRATE_TEST_PG_URL (default jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres).
# Usage: bench/autogenerate.sh [size ...]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -pl migrate-maven-plugin test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
module=migrate-maven-plugin
java -Xmx512m -cp "$module/target/classes:$module/target/test-classes:$(cat $module/target/bench.classpath)" \
  dev.migrate.bench.AutogenerateBenchmark "$@"
