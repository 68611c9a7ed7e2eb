-- parents: 20240107000000
-- message: sql standard function body and domain
-- depends-on: 20240101000000

-- upgrade
CREATE DOMAIN positive_int AS INTEGER CHECK (VALUE > 0);
CREATE FUNCTION post_score(p posts) RETURNS INTEGER LANGUAGE sql STABLE
BEGIN ATOMIC
    SELECT CASE WHEN p.body IS NULL THEN 0 ELSE length(p.body) END;
END;
ALTER TABLE users ALTER COLUMN email TYPE TEXT;
INSERT INTO users (email) VALUES ('o''brien@example.com'), (E'tab\there@example.com');

-- downgrade
DELETE FROM users WHERE email IN ('o''brien@example.com', E'tab\there@example.com');
ALTER TABLE users ALTER COLUMN email TYPE VARCHAR(255);
DROP FUNCTION post_score(posts);
DROP DOMAIN positive_int;
