-- parents: 20250102090000
-- message: create orders

-- upgrade
CREATE TYPE order_status AS ENUM ('pending', 'paid', 'shipped');
CREATE TABLE orders (
    id BIGSERIAL PRIMARY KEY,
    customer_id BIGINT NOT NULL,
    status order_status NOT NULL DEFAULT 'pending',
    total_cents INTEGER NOT NULL DEFAULT 0,
    placed_at TIMESTAMP WITHOUT TIME ZONE
);
ALTER TABLE orders ADD CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE RESTRICT;
CREATE INDEX ix_orders_customer_id ON orders (customer_id);

-- downgrade
DROP TABLE orders;
DROP TYPE order_status;
