-- parents: 20250107090000
-- message: longer usernames

-- upgrade
DROP VIEW published_articles;
ALTER TABLE authors ALTER COLUMN username TYPE varchar(100);
CREATE VIEW published_articles AS
  SELECT a.id, a.title, a.slug, a.published_at, au.username AS author
  FROM articles a JOIN authors au ON au.id = a.author_id
  WHERE a.published_at IS NOT NULL;

-- downgrade
DROP VIEW published_articles;
ALTER TABLE authors ALTER COLUMN username TYPE varchar(50);
CREATE VIEW published_articles AS
  SELECT a.id, a.title, a.slug, a.published_at, au.username AS author
  FROM articles a JOIN authors au ON au.id = a.author_id
  WHERE a.published_at IS NOT NULL;
