-- parents: base
-- message: create books

-- upgrade
CREATE TABLE books (id bigserial PRIMARY KEY, title text NOT NULL);

-- downgrade
DROP TABLE books;
