#!/usr/bin/env bash
# migrate:verify benchmark on MariaDB: N generated revisions (default sizes: 100 and 1,000).
# Needs MariaDB at MIGRATE_TEST_MARIADB_URL (default jdbc:mariadb://127.0.0.1:3306/?user=root).
# Usage: bench/verify-mariadb.sh [size ...]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -o -pl migrate-maven-plugin test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
module=migrate-maven-plugin
java -Xmx512m -cp "$module/target/classes:$module/target/test-classes:$(cat $module/target/bench.classpath)" \
  dev.migrate.bench.MariaDbVerifyBenchmark "$@"
