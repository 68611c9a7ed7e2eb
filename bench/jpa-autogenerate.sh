#!/usr/bin/env bash
# migrate:revision -Dmigrate.autogenerate=true -Dmigrate.desired=jpa on a generated model of N entities
# (default 50), Hibernate 6 from the test class path, on H2 (file) and PostgreSQL: the first revision
# from an empty history, then one after a field was added. Maven start-up and the compile are not included.
# Needs PostgreSQL at MIGRATE_TEST_PG_URL (default jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres).
# Usage: bench/jpa-autogenerate.sh [entities]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -o -pl migrate-maven-plugin test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
module=migrate-maven-plugin
java -Xmx512m -cp "$module/target/classes:$module/target/test-classes:$(cat $module/target/bench.classpath)" \
  dev.migrate.autogenerate.jpa.JpaAutogenerateBenchmark "$@"
