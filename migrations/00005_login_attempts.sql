-- Failed sign-in attempts, one row each, for rate limiting. They live here and
-- not in a process's memory so that every lector process counts the same
-- attempts. Rows older than the window count for nothing and are purged.
-- email is the address as typed (normalized), whether or not an account has
-- it, so that the limit does not tell which accounts exist.

-- +goose Up
CREATE TABLE login_attempts (
    id      bigserial PRIMARY KEY,
    email   text NOT NULL,
    address text NOT NULL DEFAULT '',
    at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_attempts_email_idx ON login_attempts (email, at);
CREATE INDEX login_attempts_address_idx ON login_attempts (address, at);

-- +goose Down
DROP TABLE login_attempts;
