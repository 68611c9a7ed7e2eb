-- parents: 20240104000000
-- message: tags
-- branch: tagging

-- upgrade
CREATE TABLE tags (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, name VARCHAR(100)) ENGINE=InnoDB;
CREATE TABLE post_tags (
    post_id BIGINT NOT NULL,
    tag_id INT NOT NULL,
    PRIMARY KEY (post_id, tag_id),
    FOREIGN KEY (post_id) REFERENCES posts (id),
    FOREIGN KEY (tag_id) REFERENCES tags (id)
) ENGINE=InnoDB;
ALTER TABLE posts ADD COLUMN tag_count INT NOT NULL DEFAULT 0 AFTER body;
# a hash comment, as mysqldump's readers write them
/*!50700 SET @note = 'executable comment' */;

-- downgrade
ALTER TABLE posts DROP COLUMN tag_count;
DROP TABLE post_tags;
DROP TABLE tags;
