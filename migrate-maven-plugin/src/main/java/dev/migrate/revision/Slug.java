package dev.migrate.revision;

import java.text.Normalizer;
import java.util.Locale;

/** Makes the slug of a new revision's file name from its message. */
public final class Slug {

    /** Long enough to say what a revision does, short enough for a file listing. */
    public static final int MAX_LENGTH = 50;

    private Slug() {
    }

    /**
     * Lower-case ASCII letters and digits, every other run of characters turned into one
     * {@code _}, no {@code _} at either end, at most {@link #MAX_LENGTH} characters;
     * {@code revision} when nothing is left. Accents are dropped rather than the letters
     * ({@code "café" -> "cafe"}).
     */
    public static String of(String message) {
        String text = message == null ? "" : Normalizer.normalize(message, Normalizer.Form.NFKD);
        StringBuilder slug = new StringBuilder();
        boolean gap = false;
        for (int i = 0; i < text.length(); i++) {
            char c = Character.toLowerCase(text.charAt(i));
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (gap && slug.length() > 0) {
                    slug.append('_');
                }
                slug.append(c);
                gap = false;
            } else if (Character.getType(c) != Character.NON_SPACING_MARK) {
                gap = true;
            }
        }
        String result = slug.length() > MAX_LENGTH ? slug.substring(0, MAX_LENGTH) : slug.toString();
        while (result.endsWith("_")) {
            result = result.substring(0, result.length() - 1);
        }
        return result.isEmpty() ? "revision" : result.toLowerCase(Locale.ROOT);
    }
}
