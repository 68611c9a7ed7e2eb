-- parents: 20261102090000, 20261102100000
-- message: merge catalog and customers
-- Order lines need both branches: books from the catalog, orders from the customers.

-- upgrade
CREATE TABLE order_lines (
    order_id INT NOT NULL,
    book_id  INT NOT NULL,
    quantity INT NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (order_id, book_id),
    FOREIGN KEY (order_id) REFERENCES orders (id),
    FOREIGN KEY (book_id) REFERENCES books (id)
);

-- downgrade
DROP TABLE order_lines;
