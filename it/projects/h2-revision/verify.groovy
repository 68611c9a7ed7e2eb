def it = evaluate(new File(support, 'it.groovy'))

def folder = new File(basedir, 'src/main/migrations')
def written = folder.listFiles().findAll { it.name ==~ /\d{14}_add_orders\.sql/ }.sort { it.name }
assert written.size() == 2 : "expected two written revisions, found ${folder.list()}"
def first = written[0].name.substring(0, 14)
def second = written[1].name.substring(0, 14)

assert written[0].getText('UTF-8') == '''-- parents: 20260101090000
-- message: add orders

-- upgrade

-- downgrade
'''
assert written[1].getText('UTF-8').startsWith("-- parents: ${first}\n-- message: add orders\n")

it.logContainsInOrder(
    'Created revision ' + written[0].absolutePath,
    'Upgraded 2 revisions',
    "* [x] ${first}  parents: 20260101090000  (head, current)  add orders",
    '* [x] 20260101090000  parents: base  create customers',
    'Created revision ' + written[1].absolutePath,
    "No branches: the revisions form a single line up to ${second} (add orders)")

def url = it.h2Url()
assert it.column(url, 'SELECT revision FROM migrate_history ORDER BY revision') == ['20260101090000', first]
