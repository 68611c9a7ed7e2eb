-- parents: 20261102090000, 20261102100000
-- message: merge catalog and customers
-- Order lines need both branches: books from the catalog, orders from the customers.

-- upgrade
CREATE TABLE order_lines (
    order_id INT NOT NULL REFERENCES orders (id),
    book_id  INT NOT NULL REFERENCES books (id),
    quantity INT NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (order_id, book_id)
);

-- downgrade
DROP TABLE order_lines;
