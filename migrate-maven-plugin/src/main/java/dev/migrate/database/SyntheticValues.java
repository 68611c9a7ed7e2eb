package dev.migrate.database;

import dev.migrate.database.SeedTable.Column;
import dev.migrate.database.SeedTable.Kind;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;

/**
 * The values the row seeder writes, as SQL literals: fixed (the same run gives the same rows),
 * words rather than digits in text columns (a cast that works on {@code '1'} fails on real text),
 * and within the column's length and precision. Each value has a few profiles, tried in turn when
 * a check constraint refuses the first.
 */
public final class SyntheticValues {

    /** Words with distinct first letters, so that even a one-character column gets distinct values. */
    private static final List<String> WORDS = List.of("alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf",
            "hotel", "india", "juliet", "kilo", "lima", "mike", "november", "oscar", "papa", "quebec", "romeo",
            "sierra", "tango", "uniform", "victor", "whiskey", "xray", "yankee", "zulu");

    /** How many profiles a value has. */
    public static final int PROFILES = 3;

    private SyntheticValues() {
    }

    /**
     * The literal for value number {@code index} of {@code column} in {@code profile}, cast to the
     * column's type where the dialect wants casts; null when the column cannot take that many
     * distinct values (a unique boolean's third row).
     */
    public static String literal(Column column, int index, int profile) {
        if (column.kind() == Kind.ARRAY) {
            String element = raw(column.element() == null ? Kind.TEXT : column.element(), column, index, profile);
            return element == null ? null : cast(column, "{\"" + element.replace("\"", "\\\"") + "\"}");
        }
        if (column.kind() == Kind.OTHER) {
            return column.notNull() ? cast(column, word(index, profile)) : "NULL";
        }
        String raw = raw(column.kind(), column, index, profile);
        if (raw == null) {
            return null;
        }
        boolean bare = column.type() == null && (column.kind() == Kind.INTEGER || column.kind() == Kind.DECIMAL
                || column.kind() == Kind.FLOAT || column.kind() == Kind.BOOLEAN);
        if (bare) {
            return raw;
        }
        if (column.kind() == Kind.BYTES && column.type() == null) {
            return "X'" + raw.substring(2) + "'";
        }
        return cast(column, raw);
    }

    public static String cast(Column column, String raw) {
        String quoted = "'" + raw.replace("'", "''") + "'";
        return column.type() == null ? quoted : "CAST(" + quoted + " AS " + column.type() + ")";
    }

    private static String raw(Kind kind, Column column, int index, int profile) {
        return switch (kind) {
            case INTEGER -> Long.toString(number(index, profile));
            case DECIMAL -> decimal(column, index, profile);
            case FLOAT -> number(index, profile) + ".5";
            case TEXT, OTHER -> text(column, index, profile);
            case DATE -> LocalDate.of(2024, 1, 1).plusYears(profile * 3L).plusDays(index).toString();
            case TIME -> LocalTime.of(10, 0).plusMinutes(index).toString() + ":00";
            case TIMESTAMP -> LocalDate.of(2024, 1, 1).plusYears(profile * 3L).plusDays(index) + " 10:00:00";
            case INTERVAL -> (index + 1) + " days";
            case BOOLEAN -> index > 1 ? null : Boolean.toString(index == 0 ^ profile == 1);
            case UUID -> String.format(Locale.ROOT, "00000000-0000-4000-8000-%012d", index + 1 + profile * 1000);
            case JSON -> profile == 1 ? "[\"" + word(index, 0) + "\"]" : "{\"word\": \"" + word(index, 0) + "\"}";
            case ENUM -> enumLabel(column, index, profile);
            case BYTES -> String.format(Locale.ROOT, "\\x%02x%02x", index & 0xff, profile);
            case INET -> "10.0." + profile + "." + (index % 250 + 1);
            case ARRAY -> null;
        };
    }

    /** Integers away from 1, 2, 3 first, which data migrations like to insert themselves. */
    private static long number(int index, int profile) {
        return switch (profile) {
            case 0 -> 101 + index;
            case 1 -> 1 + index;
            default -> -1 - index;
        };
    }

    private static String decimal(Column column, int index, int profile) {
        long whole = Math.abs(number(index, profile));
        if (column.precision() > 0) {
            long limit = (long) Math.pow(10, Math.min(18, column.precision() - column.scale())) - 1;
            if (whole > limit) {
                whole = limit <= 0 ? 0 : index % (limit + 1);
            }
        }
        String sign = profile == 2 && whole != 0 ? "-" : "";
        return column.scale() > 0 ? sign + whole + ".5" : sign + whole;
    }

    private static String text(Column column, int index, int profile) {
        String value = switch (profile) {
            case 0 -> word(index, 0);
            case 1 -> word(index, 0) + "@example.com";
            default -> word(index, 0).substring(0, 1).toUpperCase(Locale.ROOT) + word(index, 0).substring(1);
        };
        return column.length() > 0 && value.length() > column.length() ? value.substring(0, column.length()) : value;
    }

    private static String word(int index, int profile) {
        String word = WORDS.get(index % WORDS.size());
        return index < WORDS.size() ? word : word + " " + WORDS.get(index / WORDS.size() % WORDS.size());
    }

    private static String enumLabel(Column column, int index, int profile) {
        List<String> labels = column.labels();
        if (labels.isEmpty()) {
            return null;
        }
        int at = index % labels.size();
        return labels.get(profile == 1 ? labels.size() - 1 - at : at);
    }
}
