-- parents: 20250110090000
-- message: reporting schema

-- upgrade
CREATE SCHEMA reporting;
CREATE MATERIALIZED VIEW reporting.tenant_usage AS
  SELECT t.id AS tenant_id, t.name, count(e.*) AS events
  FROM app.tenants t LEFT JOIN app.usage_events e ON e.tenant_id = t.id
  GROUP BY t.id, t.name
WITH NO DATA;
CREATE UNIQUE INDEX tenant_usage_pk ON reporting.tenant_usage (tenant_id);
COMMENT ON MATERIALIZED VIEW reporting.tenant_usage IS 'Refreshed nightly';

-- downgrade
DROP MATERIALIZED VIEW reporting.tenant_usage;
DROP SCHEMA reporting;
