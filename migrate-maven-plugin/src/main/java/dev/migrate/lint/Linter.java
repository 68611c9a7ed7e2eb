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

/**
 * Checks every revision's statements for DDL that is dangerous on a live PostgreSQL database or
 * cannot run where it stands. Reads files only; never throws on a statement it does not understand.
 */
public final class Linter {

    private final LintConfig config;
    private final List<Finding> findings = new ArrayList<>();

    private Linter(LintConfig config) {
        this.config = config;
    }

    /** Every finding for {@code graph}, in file and line order, without the switched-off rules. */
    public static List<Finding> lint(RevisionGraph graph, LintConfig config) {
        Linter linter = new Linter(config);
        Map<String, List<Facts>> upgrades = new HashMap<>();
        Map<String, Set<String>> createdTables = new HashMap<>();
        for (Revision revision : graph.ordered()) {
            List<Facts> facts = classify(revision.upgrade());
            upgrades.put(revision.id(), facts);
            createdTables.put(revision.id(), tablesCreated(facts));
        }
        for (Revision revision : graph.ordered()) {
            Set<String> earlier = new HashSet<>();
            graph.ancestors(revision.id()).forEach(ancestor -> earlier.addAll(createdTables.get(ancestor.id())));
            linter.revision(revision, upgrades.get(revision.id()), earlier);
        }
        linter.findings.sort(Comparator.comparing((Finding f) -> f.file().getFileName().toString())
                .thenComparingInt(Finding::line).thenComparing(Finding::ruleId));
        return List.copyOf(linter.findings);
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
