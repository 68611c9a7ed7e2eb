-- parents: 20250111090000
-- message: projects soft delete trigger

-- upgrade
CREATE FUNCTION app.forbid_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'archive % instead of deleting it', TG_TABLE_NAME;
END;
$$;
CREATE TRIGGER projects_no_delete BEFORE DELETE ON app.projects FOR EACH ROW EXECUTE FUNCTION app.forbid_delete();

-- downgrade
DROP TRIGGER projects_no_delete ON app.projects;
DROP FUNCTION app.forbid_delete();
