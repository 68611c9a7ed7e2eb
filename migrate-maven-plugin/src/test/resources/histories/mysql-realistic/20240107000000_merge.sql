-- parents: 20240105000000, 20240106000000
-- message: merge reporting and tagging

-- upgrade

-- downgrade
