-- parents: 20240102000000
-- message: add moderator role
-- irreversible: true

-- upgrade
ALTER TABLE users MODIFY COLUMN role ENUM('admin', 'member', 'moderator') NOT NULL DEFAULT 'member';

-- downgrade
