-- parents: base
-- message: create events

-- upgrade
CREATE TABLE events (n INT NOT NULL, what VARCHAR(40) NOT NULL) ENGINE=InnoDB;

-- downgrade
DROP TABLE events;
