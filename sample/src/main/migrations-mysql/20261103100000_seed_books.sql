-- parents: 20261103090000
-- message: seed books

-- upgrade
INSERT INTO authors (name) VALUES ('Ursula K. Le Guin'), ('Italo Calvino');
INSERT INTO books (author_id, title, price, in_stock)
    SELECT id, 'The Dispossessed', 12.50, 3 FROM authors WHERE name = 'Ursula K. Le Guin';
INSERT INTO books (author_id, title, price, in_stock)
    SELECT id, 'A Wizard of Earthsea', 9.90, 0 FROM authors WHERE name = 'Ursula K. Le Guin';
INSERT INTO books (author_id, title, price, in_stock)
    SELECT id, 'Invisible Cities', 11.00, 5 FROM authors WHERE name = 'Italo Calvino';

-- downgrade
DELETE FROM books WHERE title IN ('The Dispossessed', 'A Wizard of Earthsea', 'Invisible Cities');
DELETE FROM authors WHERE name IN ('Ursula K. Le Guin', 'Italo Calvino');
