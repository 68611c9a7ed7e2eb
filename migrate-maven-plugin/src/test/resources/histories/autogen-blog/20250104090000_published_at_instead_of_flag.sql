-- parents: 20250103090000
-- message: published at instead of flag

-- upgrade
ALTER TABLE articles ADD COLUMN published_at timestamptz;
UPDATE articles SET published_at = updated_at WHERE published;
ALTER TABLE articles DROP COLUMN published;
CREATE INDEX index_articles_published ON articles (published_at DESC) WHERE published_at IS NOT NULL;

-- downgrade
DROP INDEX index_articles_published;
ALTER TABLE articles ADD COLUMN published boolean DEFAULT false;
UPDATE articles SET published = published_at IS NOT NULL;
ALTER TABLE articles DROP COLUMN published_at;
