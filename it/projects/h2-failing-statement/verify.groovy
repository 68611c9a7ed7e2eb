def it = evaluate(new File(support, 'it.groovy'))

it.logContainsInOrder(
    'upgrade   20260101090000 (create a)',
    'upgrade   20260102090000 (create b)',
    'revision 20260103090000 (create c) failed: upgrade statement 3 of 3 at ',
    '20260103090000_create_c.sql:7',
    'SQL state 23505',
    'H2 commits DDL statements on its own',
    '-Dmigrate.resume=true')
def url = it.h2Url()
// the statements before the failed one stayed (H2 committed them) and the journal says so, for a resume
assert it.column(url, "SELECT revision || ' ' || state FROM migrate_history ORDER BY revision") ==
        ['20260101090000 applied', '20260102090000 applied', '20260103090000 failed']
assert !it.tables(url).contains('d') && !it.tables(url).contains('e')
