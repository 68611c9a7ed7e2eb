-- parents: 20250101090000
-- message: create products

-- upgrade
CREATE TABLE products (
    id SERIAL PRIMARY KEY,
    sku VARCHAR(32) NOT NULL,
    name VARCHAR(255) NOT NULL,
    price_cents INTEGER NOT NULL CHECK (price_cents >= 0),
    active BOOLEAN NOT NULL DEFAULT true
);
CREATE UNIQUE INDEX ix_products_sku ON products (sku);

-- downgrade
DROP INDEX ix_products_sku;
DROP TABLE products;
