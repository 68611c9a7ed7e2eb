-- parents: 20250108090000
-- message: taggings counter trigger

-- upgrade
CREATE FUNCTION bump_taggings_count() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE tags SET taggings_count = taggings_count + 1 WHERE id = NEW.tag_id;
  ELSE
    UPDATE tags SET taggings_count = taggings_count - 1 WHERE id = OLD.tag_id;
  END IF;
  RETURN NULL;
END;
$fn$;
CREATE TRIGGER taggings_count AFTER INSERT OR DELETE ON taggings FOR EACH ROW EXECUTE FUNCTION bump_taggings_count();

-- downgrade
DROP TRIGGER taggings_count ON taggings;
DROP FUNCTION bump_taggings_count();
