-- OpenID Connect sign-in (issue 21): an account signed in through a
-- provider is known by the provider's issuer and its subject, never by its
-- email alone; oidc_logins holds each sign-in begun and not yet finished,
-- so that its state is used once and its nonce and PKCE verifier stay on
-- the server.

-- +goose Up
ALTER TABLE users ADD COLUMN oidc_issuer text, ADD COLUMN oidc_subject text,
    ADD CONSTRAINT users_oidc_identity_whole CHECK ((oidc_issuer IS NULL) = (oidc_subject IS NULL));
CREATE UNIQUE INDEX users_oidc_identity_key ON users (oidc_issuer, oidc_subject);

CREATE TABLE oidc_logins (
    state_hash    text PRIMARY KEY,
    nonce         text NOT NULL,
    code_verifier text NOT NULL,
    next          text NOT NULL DEFAULT '/',
    created_at    timestamptz NOT NULL DEFAULT now(),
    expires_at    timestamptz NOT NULL
);
CREATE INDEX oidc_logins_expires_at_idx ON oidc_logins (expires_at);

-- +goose Down
DROP TABLE oidc_logins;
DROP INDEX users_oidc_identity_key;
ALTER TABLE users DROP CONSTRAINT users_oidc_identity_whole, DROP COLUMN oidc_subject, DROP COLUMN oidc_issuer;
