package dev.migrate.database;

import java.util.Locale;
import java.util.Optional;

/** Table lock levels, weakest first, as PostgreSQL names them; SHARE and above block writes. */
public enum LockMode {
    ACCESS_SHARE, ROW_SHARE, ROW_EXCLUSIVE, SHARE_UPDATE_EXCLUSIVE, SHARE, SHARE_ROW_EXCLUSIVE, EXCLUSIVE,
    ACCESS_EXCLUSIVE;

    /** Whether other sessions' INSERT, UPDATE and DELETE wait while it is held. */
    public boolean blocksWrites() {
        return compareTo(SHARE) >= 0;
    }

    /** How messages write it: ACCESS EXCLUSIVE. */
    public String display() {
        return name().replace('_', ' ');
    }

    /** The level a user names ({@code ACCESS_EXCLUSIVE}, {@code access exclusive}, {@code AccessExclusiveLock}). */
    public static Optional<LockMode> parse(String text) {
        String plain = text.strip().replaceAll("(?i)lock$", "").replaceAll("([a-z])([A-Z])", "$1_$2")
                .replace(' ', '_').toUpperCase(Locale.ROOT);
        for (LockMode mode : values()) {
            if (mode.name().equals(plain)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
