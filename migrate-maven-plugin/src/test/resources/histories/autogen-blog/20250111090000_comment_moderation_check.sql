-- parents: 20250110090000
-- message: comment moderation check

-- upgrade
ALTER TABLE comments ADD COLUMN status varchar(16) NOT NULL DEFAULT 'pending';
ALTER TABLE comments ADD CONSTRAINT comments_status_check CHECK (status IN ('pending', 'approved', 'spam'));
UPDATE comments SET status = 'approved' WHERE approved;
ALTER TABLE comments DROP COLUMN approved;

-- downgrade
ALTER TABLE comments ADD COLUMN approved boolean NOT NULL DEFAULT false;
UPDATE comments SET approved = status = 'approved';
ALTER TABLE comments DROP CONSTRAINT comments_status_check;
ALTER TABLE comments DROP COLUMN status;
