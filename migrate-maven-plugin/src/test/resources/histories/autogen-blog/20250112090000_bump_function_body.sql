-- parents: 20250111090000
-- message: bump function body

-- upgrade
CREATE OR REPLACE FUNCTION bump_taggings_count() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE tags SET taggings_count = taggings_count + 1 WHERE id = NEW.tag_id;
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE tags SET taggings_count = greatest(taggings_count - 1, 0) WHERE id = OLD.tag_id;
  END IF;
  RETURN NULL;
END;
$fn$;

-- downgrade
CREATE OR REPLACE FUNCTION bump_taggings_count() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE tags SET taggings_count = taggings_count + 1 WHERE id = NEW.tag_id;
  ELSE
    UPDATE tags SET taggings_count = taggings_count - 1 WHERE id = OLD.tag_id;
  END IF;
  RETURN NULL;
END;
$fn$;
