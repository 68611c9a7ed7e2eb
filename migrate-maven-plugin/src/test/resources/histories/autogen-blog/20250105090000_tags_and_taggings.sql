-- parents: 20250104090000
-- message: tags and taggings

-- upgrade
CREATE TABLE tags (
  id serial PRIMARY KEY,
  name varchar(64) NOT NULL,
  taggings_count integer DEFAULT 0
);
CREATE UNIQUE INDEX index_tags_on_lower_name ON tags (lower(name));
CREATE TABLE taggings (
  tag_id integer NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
  article_id integer NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  PRIMARY KEY (article_id, tag_id)
);
CREATE INDEX index_taggings_on_tag_id ON taggings (tag_id);

-- downgrade
DROP TABLE taggings;
DROP TABLE tags;
