package dev.migrate.maven;

import java.util.Arrays;
import java.util.List;

/** Reads the comma-separated list parameters ({@code -Dmigrate.parents=a,b}). */
final class Lists {

    private Lists() {
    }

    static List<String> commaSeparated(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::strip).filter(item -> !item.isEmpty()).toList();
    }
}
