-- parents: 20240104000000
-- message: tags
-- branch: tagging

-- upgrade
CREATE TABLE tags (id SERIAL PRIMARY KEY, name TEXT);
CREATE TABLE post_tags (
    post_id BIGINT REFERENCES posts (id),
    tag_id INT REFERENCES tags (id),
    PRIMARY KEY (post_id, tag_id)
);
ALTER TABLE posts ADD COLUMN tag_count INT NOT NULL DEFAULT 0;
DO $do$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'postgres') THEN
        RAISE NOTICE 'no postgres role; skipping';
    END IF;
END
$do$;

-- downgrade
ALTER TABLE posts DROP COLUMN tag_count;
DROP TABLE post_tags;
DROP TABLE tags;
