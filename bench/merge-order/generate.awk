# Writes a synthetic history with m merges under DIR (run with awk -v m=M -v line=L -v dir=DIR -f generate.awk):
# a line of L revisions, then a fork of two one-revision branches and their merge, m times over (the history
# has m * (L + 3) revisions). Line revision i creates t_i (primary key, two columns, 3 rows); the two branches
# of fork k create a_k and b_k, independent of each other, so every merge passes and verify checks them all.
# The SQL is the same on PostgreSQL and H2.
function id(i) {
    # Minute i after 2026-01-01 00:00 UTC as yyyyMMddHHmmss (the caller keeps the history within January).
    return sprintf("202601%02d%02d%02d00", 1 + int(i / 1440), int((i % 1440) / 60), i % 60)
}
function table(name, parent, file,    up) {
    up = "CREATE TABLE " name " (id integer PRIMARY KEY, name varchar(100) NOT NULL, amount integer);\n"
    for (r = 1; r <= 3; r++)
        up = up "INSERT INTO " name " (id, name, amount) VALUES (" r ", 'row " r "', " r ");\n"
    printf "-- parents: %s\n-- message: create %s\n\n-- upgrade\n%s\n-- downgrade\nDROP TABLE %s;\n", \
        parent, name, up, name > file
    close(file)
}
BEGIN {
    if (m < 1 || line < 1 || m * (line + 3) > 44000) { print "m and line must be positive, m * (line + 3) at most 44000" > "/dev/stderr"; exit 2 }
    folder = dir "/src/main/migrations/"
    n = 0
    head = "base"
    for (k = 1; k <= m; k++) {
        for (j = 1; j <= line; j++) {
            n++
            table("t_" n, head, folder id(n) "_create_t_" n ".sql")
            head = id(n)
        }
        n++; a = id(n); table("a_" k, head, folder a "_create_a_" k ".sql")
        n++; b = id(n); table("b_" k, head, folder b "_create_b_" k ".sql")
        n++
        merge = folder id(n) "_merge_" k ".sql"
        printf "-- parents: %s, %s\n-- message: merge %d\n\n-- upgrade\n\n-- downgrade\n", a, b, k > merge
        close(merge)
        head = id(n)
    }
}
