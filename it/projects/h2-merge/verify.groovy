def it = evaluate(new File(support, 'it.groovy'))

def folder = new File(basedir, 'src/main/migrations')
def merges = folder.listFiles().findAll { it.name ==~ /\d{14}_merge_20260102090000_20260103090000\.sql/ }
assert merges.size() == 1 : "expected one merge revision, found ${folder.list()}"
def merge = merges[0].name.substring(0, 14)
assert merges[0].getText('UTF-8').startsWith('-- parents: 20260102090000, 20260103090000\n'
        + '-- message: merge 20260102090000, 20260103090000\n')
def onTop = folder.listFiles().findAll { it.name ==~ /\d{14}_on_top\.sql/ }
assert onTop.size() == 1 : 'the refused revision must not have been written; the second one must'
def top = onTop[0].name.substring(0, 14)
assert onTop[0].getText('UTF-8').startsWith("-- parents: ${merge}\n")

it.logContainsInOrder(
    'Branch point 20260101090000 (create authors):',
    '  -> 20260102090000 (create books); head: 20260102090000',
    "Branch 'reviews' starts at 20260103090000 (create reviews)",
    'there are 2 heads, so the new revision',
    'migrate:merge',
    'Created merge revision ' + merges[0].absolutePath,
    'Upgraded 5 revisions',
    "*   [x] ${top}  parents: ${merge}  (head, current)  on top",
    "*   [x] ${merge}  parents: 20260102090000, 20260103090000  (merge)",
    '|\\',
    '| * [x] 20260103090000  parents: 20260101090000  (branch reviews)  create reviews',
    '* | [x] 20260102090000  parents: 20260101090000  create books',
    '|/',
    '*   [x] 20260101090000  parents: base  create authors')

assert it.tables(it.h2Url()) == ['authors', 'books', 'migrate_history', 'reviews']
