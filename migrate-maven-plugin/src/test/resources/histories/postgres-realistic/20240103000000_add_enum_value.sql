-- parents: 20240102000000
-- message: add moderator role
-- transactional: false
-- irreversible: true

-- upgrade
ALTER TYPE user_role ADD VALUE IF NOT EXISTS 'moderator';

-- downgrade
