package dev.migrate.common;

/** How much a finding matters: errors fail the goal, warnings only when asked to, infos never. */
public enum Severity {
    ERROR, WARNING, INFO
}
