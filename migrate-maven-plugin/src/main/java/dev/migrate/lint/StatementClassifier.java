package dev.migrate.lint;

import dev.migrate.lint.Facts.Action;
import dev.migrate.lint.Facts.Kind;
import dev.migrate.sql.SqlSyntax;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.UnsupportedStatement;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.alter.AlterOperation;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.create.table.CheckConstraint;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.table.ForeignKeyIndex;
import net.sf.jsqlparser.statement.drop.Drop;
import net.sf.jsqlparser.statement.truncate.Truncate;

/**
 * Classifies a statement for lint: with JSqlParser where it parses the statement, and by its
 * keywords where it does not (PostgreSQL-specific syntax such as {@code CONCURRENTLY} or
 * {@code NOT VALID} often does not parse). Never throws.
 */
final class StatementClassifier {

    private StatementClassifier() {
    }

    static Facts classify(String sql, SqlSyntax syntax) {
        Tokens tokens = Tokens.of(sql, syntax);
        Statement parsed = parse(sql);
        Facts byKeywords = KeywordClassifier.classify(tokens);
        if (parsed == null) {
            return byKeywords;
        }
        Facts fromTree = fromTree(parsed, tokens);
        if (fromTree == null) {
            return new Facts(byKeywords.kind(), byKeywords.names(), byKeywords.onTable(), byKeywords.concurrently(),
                    byKeywords.actions(), true);
        }
        return fromTree;
    }

    /**
     * The thread JSqlParser parses on, so that its time limit can stop a statement it would take
     * too long over. Left to itself it starts and stops a thread for every statement, which cost
     * more than the parsing (about a millisecond a statement); one thread serves every statement
     * instead, and is replaced when a statement ran out of time (the parser may never stop).
     */
    private static ExecutorService parserThread;

    /** The statement's syntax tree, or null when JSqlParser cannot parse it (or only skimmed it). */
    private static Statement parse(String sql) {
        ExecutorService thread = parserThread();
        try {
            Statement statement = CCJSqlParserUtil.parse(sql, thread, null);
            return statement instanceof UnsupportedStatement ? null : statement;
        } catch (OutOfMemoryError e) {
            throw e;
        } catch (Exception | Error e) {
            if (e.getCause() instanceof TimeoutException) {
                retire(thread);
            }
            // JSqlParser's own errors (including TokenMgrError) mean "not understood", never a failed build
            return null;
        }
    }

    private static synchronized ExecutorService parserThread() {
        if (parserThread == null) {
            parserThread = Executors.newSingleThreadExecutor(task -> {
                Thread thread = new Thread(task, "migrate-lint-parser");
                thread.setDaemon(true);
                return thread;
            });
        }
        return parserThread;
    }

    private static synchronized void retire(ExecutorService thread) {
        thread.shutdownNow();
        if (parserThread == thread) {
            parserThread = null;
        }
    }

    /** Facts read from the tree for the statements lint cares about; null for any other statement. */
    private static Facts fromTree(Statement statement, Tokens tokens) {
        if (statement instanceof CreateTable create) {
            return create.getTable() == null ? null : new Facts(Kind.CREATE_TABLE,
                    listOf(name(create.getTable().getName())), null, false, List.of(), true);
        }
        if (statement instanceof CreateIndex index) {
            if (index.getTable() == null) {
                return null;
            }
            List<String> names = index.getIndex() == null ? List.of() : listOf(name(index.getIndex().getName()));
            return new Facts(Kind.CREATE_INDEX, names, name(index.getTable().getName()),
                    tokens.contains(0, 4, "concurrently"), List.of(), true);
        }
        if (statement instanceof Drop drop) {
            String type = drop.getType() == null ? "" : drop.getType().toUpperCase(Locale.ROOT);
            Kind kind = type.equals("TABLE") ? Kind.DROP_TABLE : type.equals("INDEX") ? Kind.DROP_INDEX
                    : type.equals("DATABASE") ? Kind.DROP_DATABASE : Kind.DROP_OTHER;
            List<String> names = drop.getName() == null ? List.of() : listOf(name(drop.getName().getName()));
            return new Facts(kind, names, null, tokens.contains(0, 4, "concurrently"), List.of(), true);
        }
        if (statement instanceof Truncate truncate) {
            List<String> names = new ArrayList<>();
            if (truncate.getTables() != null) {
                truncate.getTables().forEach(table -> names.addAll(listOf(name(table.getName()))));
            }
            return new Facts(Kind.TRUNCATE, names, null, false, List.of(), true);
        }
        if (statement instanceof Alter alter) {
            if (alter.getTable() == null || alter.getAlterExpressions() == null) {
                return null;
            }
            List<Action> actions = new ArrayList<>();
            for (AlterExpression expression : alter.getAlterExpressions()) {
                actions.addAll(actions(expression));
            }
            return new Facts(Kind.ALTER_TABLE, listOf(name(alter.getTable().getName())), null, false, actions, true);
        }
        return null;
    }

    private static List<Action> actions(AlterExpression e) {
        AlterOperation op = e.getOperation();
        List<Action> actions = new ArrayList<>();
        if (op == AlterOperation.ADD && e.getColDataTypeList() != null && !e.getColDataTypeList().isEmpty()) {
            for (AlterExpression.ColumnDataType column : e.getColDataTypeList()) {
                String specs = column.getColumnSpecs() == null ? ""
                        : String.join(" ", column.getColumnSpecs()).toUpperCase(Locale.ROOT);
                actions.add(new Facts.AddColumn(name(column.getColumnName()), specs.contains("NOT NULL"),
                        specs.contains("DEFAULT") || specs.contains("GENERATED")));
            }
        } else if (op == AlterOperation.ADD && (e.getIndex() instanceof ForeignKeyIndex || e.getFkSourceTable() != null)) {
            // JSqlParser refuses NOT VALID, so a parsed constraint never has it
            actions.add(new Facts.AddConstraint("FOREIGN KEY", false));
        } else if (op == AlterOperation.ADD && e.getIndex() instanceof CheckConstraint) {
            actions.add(new Facts.AddConstraint("CHECK", false));
        } else if (op == AlterOperation.DROP && e.getColumnName() != null) {
            actions.add(new Facts.DropColumn(name(e.getColumnName())));
        } else if (op == AlterOperation.RENAME && e.getColumnOldName() != null) {
            actions.add(new Facts.RenameColumn(name(e.getColumnOldName()), name(e.getColumnName())));
        } else if (op == AlterOperation.RENAME_TABLE) {
            actions.add(new Facts.RenameTable(name(e.getNewTableName())));
        } else if ((op == AlterOperation.ALTER || op == AlterOperation.MODIFY || op == AlterOperation.CHANGE)
                && e.getColDataTypeList() != null) {
            for (AlterExpression.ColumnDataType column : e.getColDataTypeList()) {
                boolean setOrDrop = column.getColDataType() == null
                        || "SET".equalsIgnoreCase(column.getColDataType().getDataType());
                actions.add(setOrDrop ? new Facts.OtherAction() : new Facts.ColumnType(name(column.getColumnName())));
            }
        } else {
            actions.add(new Facts.OtherAction());
        }
        return actions;
    }

    private static List<String> listOf(String name) {
        return name == null || name.isEmpty() ? List.of() : List.of(name);
    }

    /** An identifier without quotes and schema, lower case, as PostgreSQL folds unquoted names. */
    static String name(String identifier) {
        if (identifier == null) {
            return null;
        }
        String last = identifier.substring(identifier.lastIndexOf('.') + 1);
        if (last.length() >= 2 && last.startsWith("\"") && last.endsWith("\"")) {
            return last.substring(1, last.length() - 1);
        }
        return last.toLowerCase(Locale.ROOT);
    }
}
