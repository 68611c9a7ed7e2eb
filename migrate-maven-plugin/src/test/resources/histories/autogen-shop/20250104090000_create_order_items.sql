-- parents: 20250103090000
-- message: create order items

-- upgrade
CREATE TABLE order_items (
    order_id BIGINT NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    product_id INTEGER NOT NULL REFERENCES products (id),
    quantity INTEGER NOT NULL DEFAULT 1,
    unit_price_cents INTEGER NOT NULL,
    PRIMARY KEY (order_id, product_id)
);

-- downgrade
DROP TABLE order_items;
