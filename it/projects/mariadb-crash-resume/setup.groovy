def it = evaluate(new File(support, 'it.groovy'))
it.mariadbRecreate('migrate_it_maria_resume')
// the user's fix, for the last invocation: the same revisions with the failing statement corrected
def fixed = new File(basedir, 'src/fixed')
fixed.mkdirs()
new File(basedir, 'src/main/migrations').eachFile { file ->
    new File(fixed, file.name).setText(file.getText('UTF-8').replace('ALTER TABLE acounts', 'ALTER TABLE accounts'), 'UTF-8')
}
return true
