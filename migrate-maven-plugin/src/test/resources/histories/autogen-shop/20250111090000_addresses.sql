-- parents: 20250110090000
-- message: addresses

-- upgrade
CREATE TABLE addresses (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id BIGINT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    line1 TEXT NOT NULL,
    city TEXT NOT NULL,
    country CHAR(2) NOT NULL DEFAULT 'DE',
    is_default BOOLEAN NOT NULL DEFAULT false
);
CREATE UNIQUE INDEX ux_addresses_one_default ON addresses (customer_id) WHERE is_default;
ALTER TABLE orders ADD COLUMN shipping_address_id BIGINT REFERENCES addresses (id) ON DELETE SET NULL;

-- downgrade
ALTER TABLE orders DROP COLUMN shipping_address_id;
DROP TABLE addresses;
