-- parents: 20250106090000
-- message: published articles view

-- upgrade
CREATE VIEW published_articles AS
  SELECT a.id, a.title, a.slug, a.published_at, au.username AS author
  FROM articles a JOIN authors au ON au.id = a.author_id
  WHERE a.published_at IS NOT NULL;

-- downgrade
DROP VIEW published_articles;
