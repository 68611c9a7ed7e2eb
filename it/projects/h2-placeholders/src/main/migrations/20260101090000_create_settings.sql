-- parents: base
-- message: create settings

-- upgrade
CREATE TABLE ${migrate:schema}.settings (
    owner VARCHAR(40), region VARCHAR(40), label VARCHAR(40), rev VARCHAR(40), literal VARCHAR(40)
);
INSERT INTO settings VALUES ('${owner}', '${region}', '${label}', '${migrate:revision}', '$${owner}');

-- downgrade
DROP TABLE settings;
