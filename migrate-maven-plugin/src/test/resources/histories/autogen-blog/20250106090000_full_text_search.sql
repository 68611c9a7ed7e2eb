-- parents: 20250105090000
-- message: full text search

-- upgrade
ALTER TABLE articles ADD COLUMN search_vector tsvector
  GENERATED ALWAYS AS (to_tsvector('english', coalesce(title, '') || ' ' || coalesce(body, ''))) STORED;
CREATE INDEX index_articles_on_search_vector ON articles USING gin (search_vector);

-- downgrade
DROP INDEX index_articles_on_search_vector;
ALTER TABLE articles DROP COLUMN search_vector;
