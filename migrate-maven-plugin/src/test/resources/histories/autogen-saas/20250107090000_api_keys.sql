-- parents: 20250106090000
-- message: api keys

-- upgrade
CREATE TABLE app.api_keys (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES app.tenants(id) ON DELETE CASCADE,
    prefix char(8) NOT NULL,
    hashed_key bytea NOT NULL,
    scopes text[] NOT NULL DEFAULT ARRAY['read']::text[],
    expires_at timestamptz,
    CONSTRAINT api_keys_prefix_key UNIQUE (prefix),
    CONSTRAINT api_keys_expiry_check CHECK (expires_at IS NULL OR expires_at > '2020-01-01'::timestamptz)
);
COMMENT ON COLUMN app.api_keys.hashed_key IS 'sha256 of the key; the key itself is never stored';

-- downgrade
DROP TABLE app.api_keys;
