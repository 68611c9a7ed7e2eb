import dev.migrate.database.mysql.MysqlSyntax;
import dev.migrate.database.postgres.PostgresSyntax;
import dev.migrate.sql.SqlSyntax;
import dev.migrate.sql.Statement;
import dev.migrate.sql.StatementSplitter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares a syntax's split of each file with the statements the client sent (one file of them per
 * input, each statement followed by a line "@@@END@@@"). For mysql (the default) comments are
 * dropped and blanks folded on both sides, as the client strips comments before it sends and the
 * plugin keeps them; for postgres (psql keeps inner comments too) only leading line comments, the
 * final ';' psql sends and blank runs are evened out.
 */
public class CompareSplit {

    static boolean postgres;

    public static void main(String[] args) throws Exception {
        postgres = args.length > 1 && args[1].equals("postgres");
        SqlSyntax syntax = postgres ? PostgresSyntax.INSTANCE : MysqlSyntax.INSTANCE;
        int files = 0;
        int statements = 0;
        int mismatchedFiles = 0;
        int mismatchedStatements = 0;
        for (String row : Files.readAllLines(Path.of(args[0]))) {
            String[] pair = row.split("\t");
            files++;
            List<String> client = new ArrayList<>();
            for (String sent : Files.readString(Path.of(pair[1])).split("\n?@@@END@@@\n?", -1)) {
                if (!normal(sent).isEmpty()) {
                    client.add(normal(sent));
                }
            }
            List<String> ours = new ArrayList<>();
            String text = Files.readString(Path.of(pair[0])).replace("\r\n", "\n");
            try {
                for (Statement statement : StatementSplitter.split(text, 1, syntax)) {
                    ours.add(normal(statement.sql()));
                }
            } catch (RuntimeException e) {
                ours.add("(refused: " + e.getMessage() + ")");
            }
            statements += client.size();
            int bad = 0;
            for (int i = 0; i < Math.max(client.size(), ours.size()); i++) {
                String c = i < client.size() ? client.get(i) : "(none)";
                String o = i < ours.size() ? ours.get(i) : "(none)";
                if (!c.equals(o)) {
                    bad++;
                    if (bad <= 3) {
                        System.out.println("MISMATCH " + pair[0] + " #" + (i + 1) + "\n  client: " + c + "\n  plugin: " + o);
                    }
                }
            }
            if (bad > 0) {
                mismatchedFiles++;
                mismatchedStatements += bad;
            }
        }
        System.out.printf("files %d, statements the client sent %d, files with a difference %d,"
                + " statements that differ %d%n", files, statements, mismatchedFiles, mismatchedStatements);
        System.exit(mismatchedFiles == 0 ? 0 : 1);
    }

    /** The text without comments (executable /*! ones kept), blanks folded to one space. */
    static String normal(String sql) {
        if (postgres) {
            String s = sql.strip();
            while (s.startsWith("--")) {
                int newline = s.indexOf('\n');
                s = newline < 0 ? "" : s.substring(newline + 1).strip();
            }
            while (s.endsWith(";")) {
                s = s.substring(0, s.length() - 1).strip();
            }
            return s.replaceAll("\\s+", " ");
        }
        StringBuilder out = new StringBuilder();
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int j = i + 1;
                while (j < n && sql.charAt(j) != c) {
                    j += sql.charAt(j) == '\\' && c != '`' ? 2 : 1;
                }
                j = Math.min(n, j + 1);
                out.append(sql, i, j);
                i = j;
            } else if (c == '#' || (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-'
                    && (i + 2 >= n || sql.charAt(i + 2) <= ' ' || out.toString().isBlank()))) {
                while (i < n && sql.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 2 < n && sql.charAt(i + 1) == '*' && sql.charAt(i + 2) != '!'
                    && !(sql.charAt(i + 2) == 'M' && i + 3 < n && sql.charAt(i + 3) == '!')) {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                out.append(' ');
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString().replaceAll("\\s+", " ").strip();
    }
}
