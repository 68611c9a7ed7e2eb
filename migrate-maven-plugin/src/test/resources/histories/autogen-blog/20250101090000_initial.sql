-- parents: base
-- message: initial

-- upgrade
CREATE TABLE authors (
  id serial NOT NULL,
  username varchar(50) NOT NULL,
  bio text,
  CONSTRAINT authors_pkey PRIMARY KEY (id),
  CONSTRAINT authors_username_key UNIQUE (username)
);
CREATE TABLE articles (
  id serial NOT NULL,
  author_id integer NOT NULL,
  title varchar(255) NOT NULL,
  body text NOT NULL DEFAULT '',
  published boolean DEFAULT false,
  created_at timestamp(6) NOT NULL,
  updated_at timestamp(6) NOT NULL,
  CONSTRAINT articles_pkey PRIMARY KEY (id)
);
CREATE INDEX index_articles_on_author_id ON articles USING btree (author_id);
ALTER TABLE ONLY articles ADD CONSTRAINT fk_rails_articles_author FOREIGN KEY (author_id) REFERENCES authors(id);

-- downgrade
DROP TABLE articles;
DROP TABLE authors;
