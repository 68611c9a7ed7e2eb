-- parents: 20250109090000
-- message: usage summary function

-- upgrade
CREATE FUNCTION app.usage_total(p_tenant uuid, p_since timestamptz DEFAULT now() - interval '30 days')
RETURNS bigint
LANGUAGE sql STABLE
AS $$
  SELECT coalesce(sum(amount), 0) FROM app.usage_events WHERE tenant_id = p_tenant AND occurred_at >= p_since
$$;

-- downgrade
DROP FUNCTION app.usage_total(uuid, timestamptz);
