-- parents: 20240101000000
-- message: posts with trigger

-- upgrade
CREATE TABLE posts (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    author_id INT NOT NULL,
    title TEXT NOT NULL CHECK (CHAR_LENGTH(title) > 0),
    body TEXT,
    updated_at DATETIME NULL,
    CONSTRAINT fk_posts_author FOREIGN KEY (author_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB;
CREATE INDEX ix_posts_author ON posts (author_id);
DELIMITER $$
CREATE TRIGGER trg_posts_touch BEFORE UPDATE ON posts FOR EACH ROW
BEGIN
    SET NEW.updated_at = NOW(); -- keep; semicolons inside
END$$
DELIMITER ;

-- downgrade
DROP TRIGGER trg_posts_touch;
DROP TABLE posts;
