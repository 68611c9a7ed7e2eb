def it = evaluate(new File(support, 'it.groovy'))

it.checkTagSquash(it.h2Url(), 'jdbc:h2:file:' + new File(basedir, 'target/fresh/db').absolutePath + ';IFEXISTS=TRUE')
