-- parents: 20260102090000
-- upgrade
CREATE TABLE c (note TEXT DEFAULT 'unterminated);
-- downgrade
DROP TABLE c;
