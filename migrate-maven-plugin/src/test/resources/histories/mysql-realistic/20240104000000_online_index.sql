-- parents: 20240103000000
-- message: index titles online
-- transactional: false

-- upgrade
ALTER TABLE posts ADD INDEX ix_posts_title (title(100)), ALGORITHM=INPLACE, LOCK=NONE;

-- downgrade
ALTER TABLE posts DROP INDEX ix_posts_title, ALGORITHM=INPLACE, LOCK=NONE;
