-- parents: 20250106090000
-- message: price numeric

-- upgrade
ALTER TABLE products ADD COLUMN price NUMERIC(12, 2);
UPDATE products SET price = price_cents / 100.0;
ALTER TABLE products ALTER COLUMN price SET NOT NULL;
ALTER TABLE products DROP COLUMN price_cents;

-- downgrade
ALTER TABLE products ADD COLUMN price_cents INTEGER CHECK (price_cents >= 0);
UPDATE products SET price_cents = (price * 100)::integer;
ALTER TABLE products ALTER COLUMN price_cents SET NOT NULL;
ALTER TABLE products DROP COLUMN price;
