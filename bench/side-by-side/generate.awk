# Writes one synthetic history of N revisions in four forms under DIR (run with awk -v n=N -v dir=DIR -f generate.awk):
#   DIR/ours/src/main/migrations/<id>_create_t_<i>.sql   this plugin's revision files (upgrade + downgrade)
#   DIR/flyway/migrations/V<i>__create_t_<i>.sql         Flyway versioned migrations (upgrade only)
#   DIR/liquibase/changelog.sql                          Liquibase formatted SQL, one changeset per revision, --rollback lines
#   DIR/all.sql                                          every upgrade in order, for psql -1 -f
# Revision i creates t_i (primary key and two columns) with 3 rows; every 5th also indexes it; every 10th
# adds a column to the previous revision's table. Every downgrade undoes exactly its upgrade.
# The SQL is the same on PostgreSQL and H2.
function id(i) {
    # Minute i after 2026-01-01 00:00 UTC as yyyyMMddHHmmss (the caller keeps n within January).
    return sprintf("202601%02d%02d%02d00", 1 + int(i / 1440), int((i % 1440) / 60), i % 60)
}
BEGIN {
    if (n < 1 || n > 44000) { print "size must be 1 to 44000" > "/dev/stderr"; exit 2 }
    changelog = dir "/liquibase/changelog.sql"
    all = dir "/all.sql"
    print "--liquibase formatted sql" > changelog
    print "-- " n " generated revisions, every upgrade in order (run with psql -1 -f: one transaction)." > all
    for (i = 1; i <= n; i++) {
        up = "CREATE TABLE t_" i " (id integer PRIMARY KEY, name varchar(100) NOT NULL, amount integer);\n"
        down = "DROP TABLE t_" i ";\n"
        if (i % 5 == 0) {
            up = up "CREATE INDEX ix_t_" i "_name ON t_" i " (name);\n"
            down = "DROP INDEX ix_t_" i "_name;\n" down
        }
        if (i % 10 == 0) {
            up = up "ALTER TABLE t_" (i - 1) " ADD COLUMN note_" i " varchar(100);\n"
            down = "ALTER TABLE t_" (i - 1) " DROP COLUMN note_" i ";\n" down
        }
        for (r = 1; r <= 3; r++)
            up = up "INSERT INTO t_" i " (id, name, amount) VALUES (" r ", 'row " r " of t_" i "', " (i * 10 + r) ");\n"

        ours = dir "/ours/src/main/migrations/" id(i) "_create_t_" i ".sql"
        printf "-- parents: %s\n-- message: create t_%d\n\n-- upgrade\n%s\n-- downgrade\n%s", \
            (i == 1 ? "base" : id(i - 1)), i, up, down > ours
        close(ours)

        flyway = dir "/flyway/migrations/V" i "__create_t_" i ".sql"
        printf "%s", up > flyway
        close(flyway)

        rollback = down
        gsub(/\n$/, "", rollback)
        gsub(/\n/, "\n--rollback ", rollback)
        printf "\n--changeset bench:%d\n%s--rollback %s\n", i, up, rollback > changelog

        printf "%s", up > all
    }
    close(changelog)
    close(all)
}
