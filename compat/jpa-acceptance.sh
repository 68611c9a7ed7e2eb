#!/usr/bin/env bash
# Acceptance of autogenerate/check from JPA entities on public projects' entity models, kept out of
# the repository: each project's entity classes are copied from its own repository into a throwaway
# Maven project (Hibernate ORM 6.6.5, H2, the project's few other compile dependencies) under
# $WORK, and the loop a team runs is played on them:
#   1. from an empty history, autogenerate writes a revision; upgrade; Hibernate's validator
#      (hbm2ddl.auto=validate) accepts the database; check is clean;
#   2. each entity edit (a new field, a new entity, a column renamed) gives one revision; upgrade,
#      validate, check clean; downgrade -1 and check finds the database equal to its applied
#      revisions rebuilt (the step before); upgrade again, check clean.
# Usage: compat/jpa-acceptance.sh [petclinic|jhipster ...]   (default: both)
#   PETCLINIC_GIT / JHIPSTER_GIT: where to clone from (a URL or a local clone);
#   WORK (default /tmp/migrate-jpa-acceptance). Needs the plugin built (mvn -pl migrate-maven-plugin -am package).
#   ACCEPTANCE_DB=postgres runs the loop on PostgreSQL at 127.0.0.1:5432 (user postgres), in a database
#   made for each project and dropped at the end, instead of an H2 file.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
WORK=${WORK:-/tmp/migrate-jpa-acceptance}
PETCLINIC_GIT=${PETCLINIC_GIT:-https://github.com/spring-projects/spring-petclinic.git}
JHIPSTER_GIT=${JHIPSTER_GIT:-https://github.com/jhipster/jhipster-sample-app.git}
version=$(sed -n 's|^  <version>\(.*\)</version>|\1|p' "$root/pom.xml" | head -1)
mkdir -p "$WORK"
repo="$WORK/repo"
db=${ACCEPTANCE_DB:-h2}
pg_driver=$(sed -n 's:.*<postgresql.version>\(.*\)</postgresql.version>.*:\1:p' "$root/pom.xml" | head -1)
made=()
trap 'for d in "${made[@]}"; do psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $d" || true; done' EXIT
# db_url NAME: the project's database
db_url() {
  if [ "$db" = postgres ]; then echo "jdbc:postgresql://127.0.0.1:5432/jpa_acceptance_$1_$$?user=postgres"
  else echo "jdbc:h2:file:$WORK/$1/db/app"; fi
}

# the plugin and its parent into a repository of this script's own (never ~/.m2); everything else is
# read from ~/.m2 first, then Maven Central
cat > "$WORK/settings.xml" <<XML
<settings><profiles><profile><id>local</id>
  <repositories><repository><id>user-m2</id><url>file://$HOME/.m2/repository</url></repository></repositories>
  <pluginRepositories><pluginRepository><id>user-m2</id><url>file://$HOME/.m2/repository</url></pluginRepository></pluginRepositories>
</profile></profiles><activeProfiles><activeProfile>local</activeProfile></activeProfiles></settings>
XML
mvn() { command mvn -B -q -s "$WORK/settings.xml" -Dmaven.repo.local="$repo" "$@"; }
mvn install:install-file -Dfile="$root/pom.xml" -DpomFile="$root/pom.xml" -Dpackaging=pom
mvn install:install-file -Dfile="$root/migrate-maven-plugin/target/migrate-maven-plugin-$version.jar" \
  -DpomFile="$root/migrate-maven-plugin/pom.xml"

# harness NAME PACKAGE DEPENDENCY... : a Maven project for the copied entities (DEPENDENCY: g:a:v)
harness() {
  local name=$1 package=$2; shift 2
  local deps=""
  if [ "$db" = postgres ]; then
    psql -q -h 127.0.0.1 -U postgres -d postgres -c "CREATE DATABASE jpa_acceptance_${name}_$$"
    made+=("jpa_acceptance_${name}_$$")
    set -- "$@" "org.postgresql:postgresql:$pg_driver"
  fi
  for d in "$@"; do
    IFS=: read -r g a v <<< "$d"
    deps="$deps<dependency><groupId>$g</groupId><artifactId>$a</artifactId><version>$v</version></dependency>"
  done
  cat > "$WORK/$name/app/pom.xml" <<XML
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
  <groupId>acceptance</groupId><artifactId>$name</artifactId><version>1</version>
  <properties><maven.compiler.release>17</maven.compiler.release><project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
    <migrate.url>$(db_url "$name")</migrate.url>
    <migrate.desired>jpa:$package</migrate.desired></properties>
  <dependencies>
    <dependency><groupId>org.hibernate.orm</groupId><artifactId>hibernate-core</artifactId><version>6.6.5.Final</version></dependency>
    <dependency><groupId>com.h2database</groupId><artifactId>h2</artifactId><version>2.3.232</version></dependency>
    $deps
  </dependencies>
  <build><plugins>
    <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-compiler-plugin</artifactId><version>3.13.0</version></plugin>
    <plugin><groupId>dev.migrate</groupId><artifactId>migrate-maven-plugin</artifactId><version>$version</version></plugin></plugins></build>
</project>
XML
}

# step NAME LABEL: autogenerate one revision, upgrade, validate, check; down one, compare, up again
step() {
  local name=$1 label=$2 app="$WORK/$1/app"
  local before; before=$(find "$app/src/main/migrations" -name '*.sql' 2>/dev/null | wc -l)
  (cd "$app" && mvn compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt \
     migrate:revision -Dmigrate.autogenerate=true -Dmigrate.message="$label" >> "$WORK/$name/log.txt" 2>&1) \
    || { echo "FAIL $name/$label: the build fails (see $WORK/$name/log.txt)"; return 1; }
  local after; after=$(find "$app/src/main/migrations" -name '*.sql' 2>/dev/null | wc -l)
  [ "$after" -eq $((before + 1)) ] || { echo "FAIL $name/$label: no revision written (see $WORK/$name/log.txt)"; return 1; }
  local file; file=$(ls -t "$app/src/main/migrations"/*.sql | head -1)
  if grep -q TODO "$file"; then echo "FAIL $name/$label: TODO in $file"; return 1; fi
  (cd "$app" && mvn migrate:upgrade migrate:check >> "$WORK/$name/log.txt" 2>&1) \
    || { echo "FAIL $name/$label: upgrade or check fails (see $WORK/$name/log.txt)"; return 1; }
  java -cp "$app/target/classes:$(cat "$app/target/cp.txt")" "$root/compat/jpa/Validate.java" "$app/target/classes" \
    "$(db_url "$name")" >> "$WORK/$name/log.txt" 2>&1 \
    || { echo "FAIL $name/$label: Hibernate's validator refuses the database"; return 1; }
  if [ "$before" -gt 0 ]; then
    # both ways: one down, and check's comparison of the database with its applied revisions (rebuilt in a
    # scratch database: the step before, which was validated and clean) finds nothing; then up again
    (cd "$app" && mvn migrate:downgrade -Dmigrate.target=-1 migrate:check >> "$WORK/$name/log.txt" 2>&1 \
       && mvn migrate:upgrade migrate:check >> "$WORK/$name/log.txt" 2>&1) \
      || { echo "FAIL $name/$label: the downgrade does not return to the step before"; return 1; }
  fi
  echo "ok   $name/$label: $(basename "$file"), $(grep -c ';' "$file") statement(s), validated, check clean"
}

# clone NAME URL: the project's sources at their newest commit
clone() {
  rm -rf "$WORK/$1"; mkdir -p "$WORK/$1/app/src/main/java"
  git clone -q --depth 1 "$2" "$WORK/$1/src" 2>/dev/null || git clone -q "$2" "$WORK/$1/src"
  echo "$1: $(git -C "$WORK/$1/src" log -1 --format='%h %cs %s')"
}

petclinic() {
  clone petclinic "$PETCLINIC_GIT"
  local from="$WORK/petclinic/src/src/main/java/org/springframework/samples/petclinic"
  local to="$WORK/petclinic/app/src/main/java/org/springframework/samples/petclinic"
  mkdir -p "$to/model" "$to/owner" "$to/vet"
  cp "$from"/model/{BaseEntity,NamedEntity,Person}.java "$to/model/"
  cp "$from"/owner/{Owner,Pet,PetType,Visit}.java "$to/owner/"
  cp "$from"/vet/{Vet,Specialty}.java "$to/vet/"
  harness petclinic org.springframework.samples.petclinic jakarta.validation:jakarta.validation-api:3.0.2 \
    jakarta.xml.bind:jakarta.xml.bind-api:4.0.0 org.springframework:spring-context:6.2.1
  step petclinic "petclinic entities" || return 1
  perl -0pi -e 's/(public class Owner extends Person \{\n)/$1\n\t\@Column\n\tprivate String email;\n/' "$to/owner/Owner.java"
  step petclinic "owner email" || return 1
  cat > "$to/owner/Insurer.java" <<'JAVA'
package org.springframework.samples.petclinic.owner;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.springframework.samples.petclinic.model.NamedEntity;

@Entity
@Table(name = "insurers")
public class Insurer extends NamedEntity {
}
JAVA
  step petclinic "insurers" || return 1
  perl -0pi -e 's/\@Column\n(\s*\@NotBlank\n\s*private String city;)/\@Column(name = "town")\n$1/' "$to/owner/Owner.java"
  step petclinic "city column renamed town" || return 1
}

jhipster() {
  clone jhipster "$JHIPSTER_GIT"
  local from="$WORK/jhipster/src/src/main/java/io/github/jhipster/sample"
  local to="$WORK/jhipster/app/src/main/java/io/github/jhipster/sample"
  mkdir -p "$to/domain" "$to/config"
  cp "$from"/domain/*.java "$to/domain/"
  cp "$from"/config/Constants.java "$to/config/"
  harness jhipster io.github.jhipster.sample.domain jakarta.validation:jakarta.validation-api:3.0.2 \
    com.fasterxml.jackson.core:jackson-annotations:2.18.2 org.springframework.data:spring-data-jpa:3.4.1 \
    org.apache.commons:commons-lang3:3.17.0 org.springframework:spring-aspects:6.2.1
  step jhipster "jhipster entities" || return 1
  perl -0pi -e 's/(public class Label implements Serializable \{\n)/$1\n    \@jakarta.persistence.Column(name = "color")\n    private String color;\n/' "$to/domain/Label.java"
  step jhipster "label colour" || return 1
  cat > "$to/domain/Branch.java" <<'JAVA'
package io.github.jhipster.sample.domain;

import jakarta.persistence.*;

@Entity
@Table(name = "branch")
public class Branch {
    @Id @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sequenceGenerator") Long id;
    @Column(name = "city", nullable = false, length = 80) String city;
    @ManyToOne BankAccount account;
}
JAVA
  step jhipster "branches" || return 1
  perl -0pi -e 's/\@Column\(name = "label", nullable = false\)/\@Column(name = "label_name", nullable = false)/' "$to/domain/Label.java"
  step jhipster "label column renamed" || return 1
}

status=0
for project in "${@:-petclinic jhipster}"; do
  for p in $project; do "$p" || status=1; done
done
exit $status
