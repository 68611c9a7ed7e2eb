-- parents: base
-- message: initial schema
-- Converted from an Alembic revision (Revision ID: 1a2b3c4d5e6f)

-- upgrade
CREATE TABLE users (
    id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    email VARCHAR(255) NOT NULL,
    role ENUM('admin', 'member') NOT NULL DEFAULT 'member',
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    token CHAR(36) NOT NULL DEFAULT (UUID())
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT 'People who can log in';
CREATE UNIQUE INDEX ix_users_email ON users (email(191));

-- downgrade
DROP TABLE users;
