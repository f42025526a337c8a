-- The multilingual name glossary: an entry is one concept (a person, place,
-- organization or term); its terms are the forms in each language.

-- +goose Up
CREATE TABLE glossary_entries (
    id         bigserial PRIMARY KEY,
    key        text NOT NULL UNIQUE CHECK (key <> ''),
    type       text NOT NULL CHECK (type IN ('person', 'place', 'organization', 'term')),
    note       text NOT NULL DEFAULT '',
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE glossary_terms (
    id             bigserial PRIMARY KEY,
    entry_id       bigint NOT NULL REFERENCES glossary_entries (id) ON DELETE CASCADE,
    lang           text NOT NULL CHECK (lang <> ''),
    form           text NOT NULL CHECK (form <> ''),
    status         text NOT NULL CHECK (status IN ('preferred', 'admitted', 'deprecated', 'false-friend')),
    case_sensitive boolean NOT NULL DEFAULT true,
    note           text NOT NULL DEFAULT '',
    source         text NOT NULL DEFAULT '',
    UNIQUE (entry_id, lang, form)
);
-- One preferred form per entry and language.
CREATE UNIQUE INDEX glossary_terms_one_preferred ON glossary_terms (entry_id, lang) WHERE status = 'preferred';
-- Search over every form in every language, case-insensitively.
CREATE INDEX glossary_terms_form_idx ON glossary_terms (lower(form));

-- +goose Down
DROP TABLE glossary_terms;
DROP TABLE glossary_entries;
