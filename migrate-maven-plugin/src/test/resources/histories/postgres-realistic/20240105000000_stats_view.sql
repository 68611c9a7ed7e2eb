-- parents: 20240104000000
-- message: materialized stats
-- branch: reporting

-- upgrade
CREATE MATERIALIZED VIEW post_counts AS
    SELECT author_id, count(*) AS n FROM posts GROUP BY author_id
WITH NO DATA;
CREATE UNIQUE INDEX ix_post_counts ON post_counts (author_id);
CREATE SCHEMA IF NOT EXISTS reporting;
CREATE VIEW reporting.recent_posts AS SELECT id, title FROM posts WHERE updated_at > now() - interval '7 days';

-- downgrade
DROP VIEW reporting.recent_posts;
DROP SCHEMA reporting;
DROP MATERIALIZED VIEW post_counts;
