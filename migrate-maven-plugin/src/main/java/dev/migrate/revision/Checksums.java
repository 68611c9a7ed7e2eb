package dev.migrate.revision;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Checksums of section texts that survive the edits tools make behind the user's back: a BOM, CRLF
 * or CR line endings, trailing blanks and leading or trailing blank lines. Any other edit changes
 * the checksum.
 */
public final class Checksums {

    private Checksums() {
    }

    /** Hex SHA-256 (lower case, 64 characters) of the normalized text. */
    public static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            int[] piece = pieceAsWritten(text);
            if (piece == null) {
                digest.update(normalize(text).getBytes(StandardCharsets.UTF_8));
            } else {
                // the piece's bytes where they lie: around it are line breaks only, one byte each in UTF-8
                byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                digest.update(bytes, piece[0], bytes.length - piece[0] - (text.length() - piece[1]));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    /**
     * The text the checksum is computed over: BOM removed, line breaks turned into LF, trailing
     * blanks of every line stripped, leading and trailing blank lines dropped.
     */
    public static String normalize(String text) {
        int[] piece = pieceAsWritten(text);
        if (piece != null) {
            return text.substring(piece[0], piece[1]);
        }
        int start = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? 1 : 0;
        StringBuilder out = new StringBuilder(text.length());
        int pendingBlankLines = 0;
        boolean seenContent = false;
        int lineStart = start;
        int length = text.length();
        while (lineStart <= length) {
            int lineEnd = lineStart;
            while (lineEnd < length && text.charAt(lineEnd) != '\n' && text.charAt(lineEnd) != '\r') {
                lineEnd++;
            }
            int contentEnd = lineEnd;
            while (contentEnd > lineStart && isBlank(text.charAt(contentEnd - 1))) {
                contentEnd--;
            }
            if (contentEnd == lineStart) {
                pendingBlankLines++;
            } else {
                if (seenContent) {
                    out.append('\n');
                    out.append("\n".repeat(pendingBlankLines));
                }
                out.append(text, lineStart, contentEnd);
                seenContent = true;
                pendingBlankLines = 0;
            }
            if (lineEnd >= length) {
                break;
            }
            boolean crlf = text.charAt(lineEnd) == '\r' && lineEnd + 1 < length && text.charAt(lineEnd + 1) == '\n';
            lineStart = lineEnd + (crlf ? 2 : 1);
        }
        return out.toString();
    }

    /**
     * Where the normalized text lies in {@code text} when it is a piece of it as written, as for
     * most files: no BOM, no CR, and no line that ends in a blank; null otherwise. Then normalizing
     * only drops the leading and trailing blank lines, which are empty.
     *
     * @return the piece's start and end
     */
    private static int[] pieceAsWritten(String text) {
        int length = text.length();
        if (length == 0) {
            return new int[] {0, 0};
        }
        if (text.charAt(0) == '\uFEFF' || isBlank(text.charAt(length - 1)) || text.indexOf('\r') >= 0
                || text.contains(" \n") || text.contains("\t\n") || text.contains("\f\n")
                || text.contains("\u000B\n")) {
            return null;
        }
        int from = 0;
        while (from < length && text.charAt(from) == '\n') {
            from++;
        }
        int to = length;
        while (to > from && text.charAt(to - 1) == '\n') {
            to--;
        }
        return new int[] {from, to};
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\f' || c == '\u000B';
    }
}
