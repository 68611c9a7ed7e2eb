package dev.migrate.lint;

import dev.migrate.common.Finding;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.lint.Facts.Kind;
import dev.migrate.revision.Revision;
import dev.migrate.revision.Section;
import dev.migrate.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Checks every revision's statements for DDL that is dangerous on a live PostgreSQL database or
 * cannot run where it stands. Reads files only; never throws on a statement it does not understand.
 */
public final class Linter {

    /** Lint's order: file name, line, rule. */
    private static final Comparator<Finding> IN_FILE_ORDER = Comparator
            .comparing((Finding f) -> f.file().getFileName().toString()).thenComparingInt(Finding::line)
            .thenComparing(Finding::ruleId);

    private final LintConfig config;
    private final List<Finding> findings = new ArrayList<>();

    private Linter(LintConfig config) {
        this.config = config;
    }

    /** Every finding for {@code graph}, in file and line order, without the switched-off rules. */
    public static List<Finding> lint(RevisionGraph graph, LintConfig config) {
        return lint(graph, config, (revision, findings) -> {
        });
    }

    /**
     * Every finding for {@code graph}, in file and line order, as {@link #lint(RevisionGraph, LintConfig)};
     * on the way, each revision's findings (in line order) go to {@code each} as soon as they are known,
     * revision by revision in {@link RevisionGraph#ordered()} order, so that a reader of one revision
     * need not wait for the whole history.
     */
    public static List<Finding> lint(RevisionGraph graph, LintConfig config,
            BiConsumer<Revision, List<Finding>> each) {
        Linter linter = new Linter(config);
        Map<String, Set<String>> createdTables = new HashMap<>();
        // the revisions that create each table: a revision's ancestors are looked up only when a rule asks
        // whether one of them created a table another revision creates (the union of every revision's
        // ancestors' tables cost the square of the history's length). One pass is enough: a revision's
        // ancestors come before it in run order, so the tables they create are known when it is linted
        Map<String, List<String>> creators = new HashMap<>();
        for (Revision revision : graph.ordered()) {
            List<Facts> upgrade = classify(revision.upgrade());
            Set<String> tables = tablesCreated(upgrade);
            createdTables.put(revision.id(), tables);
            tables.forEach(table -> creators.computeIfAbsent(table, k -> new ArrayList<>()).add(revision.id()));
            int from = linter.findings.size();
            linter.revision(revision, upgrade, new CreatedEarlier(graph, revision.id(), creators, createdTables));
            List<Finding> own = new ArrayList<>(linter.findings.subList(from, linter.findings.size()));
            own.sort(IN_FILE_ORDER);
            each.accept(revision, List.copyOf(own));
        }
        linter.findings.sort(IN_FILE_ORDER);
        return List.copyOf(linter.findings);
    }

    /** The tables the ancestors of one revision create, asked table by table. */
    private static final class CreatedEarlier extends java.util.AbstractSet<String> {
        private final RevisionGraph graph;
        private final String id;
        private final Map<String, List<String>> creators;
        private final Map<String, Set<String>> createdTables;
        private Set<String> ancestors;

        CreatedEarlier(RevisionGraph graph, String id, Map<String, List<String>> creators,
                Map<String, Set<String>> createdTables) {
            this.graph = graph;
            this.id = id;
            this.creators = creators;
            this.createdTables = createdTables;
        }

        @Override
        public boolean contains(Object table) {
            List<String> by = creators.getOrDefault(table, List.of());
            // a revision is none of its own ancestors: a table only it creates needs no look-up
            return by.stream().anyMatch(creator -> !creator.equals(id) && ancestors().contains(creator));
        }

        @Override
        public java.util.Iterator<String> iterator() {
            Set<String> all = new HashSet<>();
            ancestors().forEach(ancestor -> all.addAll(createdTables.get(ancestor)));
            return java.util.Collections.unmodifiableSet(all).iterator();
        }

        @Override
        public int size() {
            Set<String> all = new HashSet<>();
            ancestors().forEach(ancestor -> all.addAll(createdTables.get(ancestor)));
            return all.size();
        }

        private Set<String> ancestors() {
            if (ancestors == null) {
                ancestors = new HashSet<>();
                graph.ancestors(id).forEach(ancestor -> ancestors.add(ancestor.id()));
            }
            return ancestors;
        }
    }

    private static List<Facts> classify(Section section) {
        return section.statements().stream()
                .map(statement -> StatementClassifier.classify(statement.sql(), section.syntax())).toList();
    }

    private static Set<String> tablesCreated(List<Facts> facts) {
        Set<String> tables = new HashSet<>();
        for (Facts f : facts) {
            if (f.kind() == Kind.CREATE_TABLE && f.table() != null) {
                tables.add(f.table());
            }
        }
        return tables;
    }

    private void revision(Revision revision, List<Facts> upgrade, Set<String> createdEarlier) {
        RevisionFindings out = new RevisionFindings(revision, config, findings);
        for (String ignored : revision.lintIgnore()) {
            if (Rule.byId(ignored).isEmpty()) {
                out.add(Rule.UNKNOWN_RULE, revision.parentsLine(), "'lint-ignore: " + ignored
                        + "' names no lint rule, so it switches nothing off",
                        "use one of " + knownIds() + ", or remove it");
            }
        }
        if (revision.upgrade().isEmpty() && !revision.isMerge()) {
            out.add(Rule.EMPTY_UPGRADE, Math.max(1, revision.upgrade().firstLine() - 1), "the upgrade section has no"
                    + " statement, so upgrading records the revision and changes nothing" + (revision.isNoOp() ? ""
                    : ", while its downgrade does run"), "write its statements (the files migrate:revision writes"
                    + " start empty), or delete the revision if it is not needed");
        }
        Set<String> createdHere = tablesCreated(upgrade);
        List<Statement> statements = revision.upgrade().statements();
        for (int k = 0; k < statements.size(); k++) {
            StatementRules.upgrade(out, statements.get(k).line(), upgrade.get(k), createdHere, createdEarlier,
                    config);
        }
        if (Rule.IMPLICIT_COMMIT.appliesTo(config.product())) {
            for (int k = 0; k < statements.size(); k++) {
                MysqlRules.upgradeStatement(out, statements.get(k).line(),
                        Tokens.of(statements.get(k).sql(), revision.upgrade().syntax()), upgrade.get(k), createdHere);
            }
            MysqlRules.section(out, revision.upgrade(), "upgrade");
            MysqlRules.section(out, revision.downgrade(), "downgrade");
        }
        List<Statement> downStatements = revision.downgrade().statements();
        List<Facts> downgrade = classify(revision.downgrade());
        for (int k = 0; k < downStatements.size(); k++) {
            StatementRules.anySection(out, downStatements.get(k).line(), downgrade.get(k), config);
        }
        if (revision.transactional()) {
            newEnumValues(out, statements);
            newEnumValues(out, downStatements);
        }
        if (!downStatements.isEmpty()) {
            ForgottenObjects.check(out, statements, upgrade, downStatements, downgrade);
        }
    }

    private static void newEnumValues(RevisionFindings out, List<Statement> statements) {
        for (NewEnumValues.Use use : NewEnumValues.usedBeforeCommit(statements)) {
            out.add(Rule.NEW_ENUM_VALUE_BEFORE_COMMIT, use.statement().line(), use.problem(out.revision().id()),
                    NewEnumValues.FIX);
        }
    }

    private static String knownIds() {
        List<String> ids = new ArrayList<>();
        for (Rule rule : Rule.values()) {
            ids.add(rule.id());
        }
        return String.join(", ", ids);
    }

    /** Collects the findings of one revision, dropping rules switched off for the project or the revision. */
    static final class RevisionFindings {
        private final Revision revision;
        private final LintConfig config;
        private final List<Finding> sink;

        RevisionFindings(Revision revision, LintConfig config, List<Finding> sink) {
            this.revision = revision;
            this.config = config;
            this.sink = sink;
        }

        Revision revision() {
            return revision;
        }

        void add(Rule rule, int line, String message, String fix) {
            if (config.disabled().contains(rule.id()) || revision.lintIgnore().contains(rule.id())
                    || !rule.appliesTo(config.product())) {
                return;
            }
            sink.add(Finding.lint(revision.file(), line, rule.id(), rule.severity(), message, fix));
        }
    }
}
