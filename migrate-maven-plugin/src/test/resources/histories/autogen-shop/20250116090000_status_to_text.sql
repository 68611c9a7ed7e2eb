-- parents: 20250115090000
-- message: status to text

-- upgrade
DROP MATERIALIZED VIEW sales_by_day;
DROP TRIGGER trg_orders_status ON orders;
ALTER TABLE orders ALTER COLUMN status DROP DEFAULT;
ALTER TABLE orders ALTER COLUMN status TYPE VARCHAR(20) USING status::text;
ALTER TABLE orders ALTER COLUMN status SET DEFAULT 'pending';
ALTER TABLE orders ADD CONSTRAINT ck_orders_status CHECK (status IN ('pending', 'cancelled', 'paid', 'shipped', 'refunded'));
DROP TYPE order_status;
CREATE TRIGGER trg_orders_status AFTER UPDATE OF status ON orders FOR EACH ROW EXECUTE PROCEDURE log_order_status();
CREATE MATERIALIZED VIEW sales_by_day AS
SELECT date_trunc('day', placed_at) AS day, count(*) AS orders, sum(total_cents) AS total_cents
FROM orders WHERE status IN ('paid', 'shipped') GROUP BY 1;
CREATE UNIQUE INDEX ux_sales_by_day ON sales_by_day (day);

-- downgrade
DROP MATERIALIZED VIEW sales_by_day;
DROP TRIGGER trg_orders_status ON orders;
ALTER TABLE orders DROP CONSTRAINT ck_orders_status;
CREATE TYPE order_status AS ENUM ('pending', 'cancelled', 'paid', 'shipped');
ALTER TABLE orders ALTER COLUMN status DROP DEFAULT;
ALTER TABLE orders ALTER COLUMN status TYPE order_status USING status::order_status;
ALTER TABLE orders ALTER COLUMN status SET DEFAULT 'pending';
CREATE TRIGGER trg_orders_status AFTER UPDATE OF status ON orders FOR EACH ROW EXECUTE PROCEDURE log_order_status();
CREATE MATERIALIZED VIEW sales_by_day AS
SELECT date_trunc('day', placed_at) AS day, count(*) AS orders, sum(total_cents) AS total_cents
FROM orders WHERE status IN ('paid', 'shipped') GROUP BY 1;
CREATE UNIQUE INDEX ux_sales_by_day ON sales_by_day (day);
