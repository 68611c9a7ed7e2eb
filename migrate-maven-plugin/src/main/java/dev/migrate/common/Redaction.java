package dev.migrate.common;

import java.util.regex.Pattern;

/** Keeps secrets out of logs and messages. */
public final class Redaction {

    // password=... in a query string or property list, and user:password@ in an authority
    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)(password|passwd|pwd)=([^&;\\s]*)");
    private static final Pattern AUTHORITY = Pattern.compile("(//[^/:@]+):([^/@]*)@");

    private Redaction() {
    }

    public static String redactUrl(String url) {
        if (url == null) {
            return null;
        }
        String masked = PASSWORD_PARAM.matcher(url).replaceAll("$1=****");
        return AUTHORITY.matcher(masked).replaceAll("$1:****@");
    }

    /**
     * Replaces every occurrence of {@code secret} in {@code text}, and masks anything that looks
     * like a password parameter (a URL quoted in a driver's message, say).
     */
    public static String redact(String text, String secret) {
        if (text == null) {
            return null;
        }
        String masked = secret == null || secret.isEmpty() ? text : text.replace(secret, "****");
        return redactUrl(masked);
    }
}
