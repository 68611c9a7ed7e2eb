-- parents: 20250108090000
-- message: order totals view

-- upgrade
CREATE VIEW order_totals AS
SELECT o.id AS order_id, o.customer_id, sum(i.quantity * i.unit_price_cents) AS items_cents
FROM orders o JOIN order_items i ON i.order_id = o.id
GROUP BY o.id, o.customer_id;
COMMENT ON VIEW order_totals IS 'Sum of items per order';

-- downgrade
DROP VIEW order_totals;
