-- parents: 20250101090000
-- message: add slug to articles

-- upgrade
ALTER TABLE articles ADD COLUMN slug varchar;
CREATE UNIQUE INDEX index_articles_on_slug ON articles USING btree (slug);

-- downgrade
DROP INDEX index_articles_on_slug;
ALTER TABLE articles DROP COLUMN slug;
