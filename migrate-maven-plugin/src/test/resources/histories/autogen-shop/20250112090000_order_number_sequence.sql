-- parents: 20250111090000
-- message: order number sequence

-- upgrade
CREATE SEQUENCE order_number_seq START WITH 10000 INCREMENT BY 1;
ALTER TABLE orders ADD COLUMN number BIGINT NOT NULL DEFAULT nextval('order_number_seq');
ALTER TABLE orders ADD CONSTRAINT uq_orders_number UNIQUE (number);

-- downgrade
ALTER TABLE orders DROP CONSTRAINT uq_orders_number;
ALTER TABLE orders DROP COLUMN number;
DROP SEQUENCE order_number_seq;
