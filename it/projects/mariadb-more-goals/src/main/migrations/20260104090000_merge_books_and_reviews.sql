-- parents: 20260102090000, 20260103090000
-- message: merge books and reviews

-- upgrade


-- downgrade

