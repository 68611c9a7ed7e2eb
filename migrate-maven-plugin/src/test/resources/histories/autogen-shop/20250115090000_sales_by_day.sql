-- parents: 20250114090000
-- message: sales by day

-- upgrade
CREATE MATERIALIZED VIEW sales_by_day AS
SELECT date_trunc('day', placed_at) AS day, count(*) AS orders, sum(total_cents) AS total_cents
FROM orders WHERE status IN ('paid', 'shipped') GROUP BY 1;
CREATE UNIQUE INDEX ux_sales_by_day ON sales_by_day (day);

-- downgrade
DROP MATERIALIZED VIEW sales_by_day;
