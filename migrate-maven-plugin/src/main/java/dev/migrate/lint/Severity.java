package dev.migrate.lint;

/** How much a finding matters: errors fail migrate:lint, warnings only with failOnWarning, infos never. */
public enum Severity {
    ERROR, WARNING, INFO
}
