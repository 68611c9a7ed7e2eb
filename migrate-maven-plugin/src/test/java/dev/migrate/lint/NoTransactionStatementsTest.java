package dev.migrate.lint;

import static dev.migrate.sql.NoTransactionStatement.ALTER_DATABASE_SET_TABLESPACE;
import static dev.migrate.sql.NoTransactionStatement.ALTER_SYSTEM;
import static dev.migrate.sql.NoTransactionStatement.ALTER_TYPE_ADD_VALUE;
import static dev.migrate.sql.NoTransactionStatement.CLUSTER_ALL;
import static dev.migrate.sql.NoTransactionStatement.CREATE_DATABASE;
import static dev.migrate.sql.NoTransactionStatement.CREATE_INDEX_CONCURRENTLY;
import static dev.migrate.sql.NoTransactionStatement.DROP_DATABASE;
import static dev.migrate.sql.NoTransactionStatement.DROP_INDEX_CONCURRENTLY;
import static dev.migrate.sql.NoTransactionStatement.REINDEX_CONCURRENTLY;
import static dev.migrate.sql.NoTransactionStatement.TABLESPACE;
import static dev.migrate.sql.NoTransactionStatement.VACUUM;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.database.postgres.PostgresSyntax;
import dev.migrate.sql.NoTransactionStatement;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of statement a database refuses in a transaction is still told from its text however it
 * is spelled: the cheap look at its words that spares most statements the tokenizer lets each one
 * through. Each spelling holds only the one word its kind needs, so dropping that word from the
 * look's list fails its cases.
 */
class NoTransactionStatementsTest {

    /** Each kind in plain words, in lower case, with quoted names, comments between words and newlines. */
    static Stream<Arguments> spellings() {
        return Stream.of(
                Arguments.of(CREATE_INDEX_CONCURRENTLY, "CREATE INDEX CONCURRENTLY ix ON a (id)"),
                Arguments.of(CREATE_INDEX_CONCURRENTLY, "create unique index concurrently if not exists ix on a (id)"),
                Arguments.of(CREATE_INDEX_CONCURRENTLY, "CREATE /* why */ INDEX\n-- and how\nConcurrently \"Ix\" ON \"A\" (id)"),
                Arguments.of(CREATE_INDEX_CONCURRENTLY, "/* first */ CREATE INDEX CONCURRENTLY ix ON a (id)"),
                Arguments.of(DROP_INDEX_CONCURRENTLY, "DROP INDEX CONCURRENTLY ix"),
                Arguments.of(DROP_INDEX_CONCURRENTLY, "drop index concurrently if exists \"Ix\""),
                Arguments.of(DROP_INDEX_CONCURRENTLY, "DROP\nINDEX /* c */ CONCURRENTLY\n\"Ix\""),
                Arguments.of(REINDEX_CONCURRENTLY, "REINDEX TABLE CONCURRENTLY a"),
                Arguments.of(REINDEX_CONCURRENTLY, "reindex (verbose) table concurrently \"A\""),
                Arguments.of(REINDEX_CONCURRENTLY, "REINDEX SCHEMA public"),
                Arguments.of(REINDEX_CONCURRENTLY, "Reindex -- all of it\nDATABASE app"),
                Arguments.of(REINDEX_CONCURRENTLY, "REINDEX SYSTEM app"),
                Arguments.of(VACUUM, "VACUUM"),
                Arguments.of(VACUUM, "vacuum (analyze) a"),
                Arguments.of(VACUUM, "VACUUM /* c */ FULL\n\"A\""),
                Arguments.of(CREATE_DATABASE, "CREATE DATABASE other"),
                Arguments.of(CREATE_DATABASE, "create database \"Other\""),
                Arguments.of(CREATE_DATABASE, "CREATE /* c */ DATABASE\nother"),
                Arguments.of(DROP_DATABASE, "DROP DATABASE other"),
                Arguments.of(DROP_DATABASE, "drop database if exists \"Other\" with (force)"),
                Arguments.of(DROP_DATABASE, "DROP -- c\nDATABASE other"),
                Arguments.of(ALTER_SYSTEM, "ALTER SYSTEM SET work_mem = '8MB'"),
                Arguments.of(ALTER_SYSTEM, "alter system reset all"),
                Arguments.of(ALTER_SYSTEM, "ALTER /* c */ SYSTEM\nSET \"work_mem\" = '8MB'"),
                Arguments.of(TABLESPACE, "CREATE TABLESPACE fast LOCATION '/ssd'"),
                Arguments.of(TABLESPACE, "drop tablespace if exists \"Fast\""),
                Arguments.of(TABLESPACE, "DROP -- c\n TABLESPACE fast"),
                Arguments.of(ALTER_DATABASE_SET_TABLESPACE, "ALTER DATABASE app SET TABLESPACE fast"),
                Arguments.of(ALTER_DATABASE_SET_TABLESPACE, "alter database \"App\" set tablespace \"Fast\""),
                Arguments.of(ALTER_DATABASE_SET_TABLESPACE, "ALTER DATABASE app\nSET\nTABLESPACE fast"),
                Arguments.of(CLUSTER_ALL, "CLUSTER"),
                Arguments.of(CLUSTER_ALL, "cluster verbose"),
                Arguments.of(CLUSTER_ALL, "CLUSTER (VERBOSE);"),
                Arguments.of(CLUSTER_ALL, "CLUSTER /* all */"),
                Arguments.of(CLUSTER_ALL, "cluster -- every table\n verbose ;"),
                Arguments.of(ALTER_DATABASE_SET_TABLESPACE, "ALTER DATABASE /* c */ app SET TABLESPACE fast"),
                Arguments.of(ALTER_DATABASE_SET_TABLESPACE, "ALTER DATABASE app -- move it\n SET /* now */ TABLESPACE fast"),
                Arguments.of(ALTER_TYPE_ADD_VALUE, "ALTER TYPE mood ADD VALUE 'calm'"),
                Arguments.of(ALTER_TYPE_ADD_VALUE, "alter type \"Mood\" add value if not exists 'calm' before 'sad'"),
                Arguments.of(ALTER_TYPE_ADD_VALUE, "ALTER TYPE mood /* c */ ADD\nVALUE 'calm'"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("spellings")
    void isToldFromItsTextHoweverItIsSpelled(NoTransactionStatement kind, String sql) {
        assertThat(NoTransactionStatements.of(sql, PostgresSyntax.INSTANCE)).contains(kind);
    }

    @Test
    void theSpellingsCoverEveryKind() {
        Set<Object> covered = spellings().map(arguments -> arguments.get()[0]).collect(Collectors.toSet());
        assertThat(covered).containsExactlyInAnyOrderElementsOf(EnumSet.allOf(NoTransactionStatement.class));
    }

    @ParameterizedTest
    @MethodSource("lookalikes")
    void lookalikesAreNoneOfThem(String sql) {
        assertThat(NoTransactionStatements.of(sql, PostgresSyntax.INSTANCE)).isEmpty();
    }

    static Stream<String> lookalikes() {
        return Stream.of("CREATE INDEX ix ON a (id)", "CREATE TABLE concurrently (database INT, tablespace TEXT)",
                "DROP INDEX ix", "REINDEX TABLE a", "CLUSTER a USING ix", "CLUSTER /* c */ a", "CLUSTER (VERBOSE) a",
                "ALTER DATABASE app SET work_mem = '8MB'", "ALTER DATABASE app SET tablespace_x = 1",
                "ALTER TABLE a ADD COLUMN value INT", "ALTER TYPE mood RENAME VALUE 'sad' TO 'blue'",
                "INSERT INTO a VALUES (1) /* VACUUM */");
    }
}
