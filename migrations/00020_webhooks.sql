-- Webhooks (issue 21): endpoints that admins register, one delivery per
-- event and endpoint (its body stored as signed, byte for byte), and one
-- row per attempt to send it.

-- +goose Up
CREATE TABLE webhook_endpoints (
    id          bigserial PRIMARY KEY,
    url         text NOT NULL,
    -- Needed in clear to sign deliveries; never shown back.
    secret      text NOT NULL,
    events      jsonb NOT NULL CHECK (jsonb_typeof(events) = 'array'),
    created_by  bigint REFERENCES users (id) ON DELETE SET NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX webhook_endpoints_created_by_idx ON webhook_endpoints (created_by);

CREATE TABLE webhook_deliveries (
    id           bigserial PRIMARY KEY,
    endpoint_id  bigint NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
    message_id   text NOT NULL UNIQUE,
    event        text NOT NULL,
    body         text NOT NULL,
    status       text NOT NULL DEFAULT 'pending'
                 CHECK (status IN ('pending', 'retrying', 'delivered', 'failed')),
    attempts     integer NOT NULL DEFAULT 0,
    last_status  integer NOT NULL DEFAULT 0,
    last_error   text NOT NULL DEFAULT '',
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    delivered_at timestamptz
);
CREATE INDEX webhook_deliveries_endpoint_id_idx ON webhook_deliveries (endpoint_id);
CREATE INDEX webhook_deliveries_created_at_idx ON webhook_deliveries (created_at DESC, id DESC);

CREATE TABLE webhook_attempts (
    id           bigserial PRIMARY KEY,
    delivery_id  bigint NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
    at           timestamptz NOT NULL,
    status_code  integer NOT NULL DEFAULT 0,
    error        text NOT NULL DEFAULT '',
    duration_ms  integer NOT NULL DEFAULT 0
);
CREATE INDEX webhook_attempts_delivery_id_idx ON webhook_attempts (delivery_id, id);

-- Registering and removing an endpoint are audited like every change.
ALTER TABLE audit_events DROP CONSTRAINT audit_events_subject_type_check;
ALTER TABLE audit_events ADD CONSTRAINT audit_events_subject_type_check CHECK (subject_type IN
    ('article', 'segment', 'flag', 'correction', 'version', 'glossary_entry', 'user', 'webhook_endpoint'));

-- +goose Down
ALTER TABLE audit_events DROP CONSTRAINT audit_events_subject_type_check;
ALTER TABLE audit_events ADD CONSTRAINT audit_events_subject_type_check CHECK (subject_type IN
    ('article', 'segment', 'flag', 'correction', 'version', 'glossary_entry', 'user')) NOT VALID;
DROP TABLE webhook_attempts;
DROP TABLE webhook_deliveries;
DROP TABLE webhook_endpoints;
