-- parents: 20250112090000
-- message: audit trigger

-- upgrade
CREATE TABLE order_events (
    id BIGSERIAL PRIMARY KEY,
    order_id BIGINT NOT NULL,
    old_status TEXT,
    new_status TEXT NOT NULL,
    at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
);
CREATE OR REPLACE FUNCTION log_order_status() RETURNS trigger AS $$
BEGIN
  IF NEW.status IS DISTINCT FROM OLD.status THEN
    INSERT INTO order_events (order_id, old_status, new_status) VALUES (NEW.id, OLD.status, NEW.status);
  END IF;
  RETURN NEW;
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER trg_orders_status AFTER UPDATE OF status ON orders FOR EACH ROW EXECUTE PROCEDURE log_order_status();

-- downgrade
DROP TRIGGER trg_orders_status ON orders;
DROP FUNCTION log_order_status();
DROP TABLE order_events;
