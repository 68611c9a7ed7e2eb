-- parents: 20260101090000
-- message: create reviews
-- branch: reviews
-- upgrade
CREATE TABLE reviews (id INT PRIMARY KEY, stars INT NOT NULL);

-- downgrade
DROP TABLE reviews;
