-- parents: 20240104000000
-- message: stats table and view
-- branch: reporting

-- upgrade
CREATE TABLE post_counts (author_id INT NOT NULL PRIMARY KEY, n INT NOT NULL DEFAULT 0) ENGINE=InnoDB;
CREATE VIEW recent_posts AS SELECT id, title FROM posts WHERE updated_at > NOW() - INTERVAL 7 DAY;

-- downgrade
DROP VIEW recent_posts;
DROP TABLE post_counts;
