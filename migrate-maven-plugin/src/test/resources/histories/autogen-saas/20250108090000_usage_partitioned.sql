-- parents: 20250107090000
-- message: usage partitioned

-- upgrade
CREATE TABLE app.usage_events (
    tenant_id uuid NOT NULL,
    occurred_at timestamptz NOT NULL,
    kind text NOT NULL,
    amount integer NOT NULL DEFAULT 1
);
CREATE INDEX usage_events_tenant_time ON app.usage_events (tenant_id, occurred_at);

-- downgrade
DROP TABLE app.usage_events;
