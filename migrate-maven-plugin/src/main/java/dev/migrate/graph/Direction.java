package dev.migrate.graph;

/** Which way a plan moves the database. */
public enum Direction {
    UP,
    DOWN
}
