-- parents: 20250109090000
-- message: taggings count not null

-- upgrade
UPDATE tags SET taggings_count = 0 WHERE taggings_count IS NULL;
ALTER TABLE tags ALTER COLUMN taggings_count SET NOT NULL;

-- downgrade
ALTER TABLE tags ALTER COLUMN taggings_count DROP NOT NULL;
