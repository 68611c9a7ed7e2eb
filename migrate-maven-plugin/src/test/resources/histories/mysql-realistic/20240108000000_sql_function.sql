-- parents: 20240107000000
-- message: stored function, procedure and a column type change
-- depends-on: 20240101000000

-- upgrade
DELIMITER //
CREATE FUNCTION post_score(body TEXT) RETURNS INT DETERMINISTIC
BEGIN
    RETURN CASE WHEN body IS NULL THEN 0 ELSE CHAR_LENGTH(body) END;
END//
CREATE PROCEDURE count_posts(IN author INT, OUT total INT)
BEGIN
    SELECT COUNT(*) INTO total FROM posts WHERE author_id = author;
END//
DELIMITER ;
ALTER TABLE users MODIFY COLUMN email VARCHAR(320) NOT NULL;
INSERT INTO users (email) VALUES ('o''brien@example.com'), ('tab\there@example.com');

-- downgrade
DELETE FROM users WHERE email IN ('o''brien@example.com', 'tab\there@example.com');
ALTER TABLE users MODIFY COLUMN email VARCHAR(255) NOT NULL;
DROP PROCEDURE count_posts;
DROP FUNCTION post_score;
