package dev.migrate.common;

import java.util.regex.Pattern;

/** Keeps secrets out of logs and messages. */
public final class Redaction {

    // password=... in a query string or property list, and user:password@ in an authority
    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)(password|passwd|pwd)=([^&;\\s]*)");
    private static final Pattern AUTHORITY = Pattern.compile("(//[^/:@]+):([^/@]*)@");

    private static final String MASK = "****";

    private Redaction() {
    }

    public static String redactUrl(String url) {
        if (url == null) {
            return null;
        }
        // a value already masked stays as it is: masking twice must not eat the text after it (the ": "
        // of a message), or Maven, seeing the cause's message differ, prints both
        String masked = PASSWORD_PARAM.matcher(url).replaceAll(match -> match.group(2).startsWith(MASK)
                ? java.util.regex.Matcher.quoteReplacement(match.group()) : "$1=" + java.util.regex.Matcher
                        .quoteReplacement(MASK));
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
