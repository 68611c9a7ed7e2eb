-- parents: 20261103100000
-- message: books in stock view

-- upgrade
CREATE VIEW books_in_stock AS
    SELECT b.id, b.title, a.name AS author, b.price, b.in_stock
    FROM books b JOIN authors a ON a.id = b.author_id
    WHERE b.in_stock > 0;

-- downgrade
DROP VIEW books_in_stock;
