def it = evaluate(new File(support, 'it.groovy'))

try {
    it.checkTagSquash(it.pgUrl('migrate_it_tag_squash'), it.pgUrl('migrate_it_tag_squash_fresh'))
} finally {
    it.pgDrop('migrate_it_tag_squash')
    it.pgDrop('migrate_it_tag_squash_fresh')
}
