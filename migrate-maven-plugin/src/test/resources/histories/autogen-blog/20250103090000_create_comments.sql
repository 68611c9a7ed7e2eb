-- parents: 20250102090000
-- message: create comments

-- upgrade
CREATE TABLE comments (
  id bigserial PRIMARY KEY,
  article_id integer NOT NULL REFERENCES articles ON DELETE CASCADE,
  author_name varchar(100) NOT NULL,
  content text NOT NULL,
  approved boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX index_comments_on_article_id_and_created_at ON comments (article_id, created_at DESC);

-- downgrade
DROP TABLE comments;
