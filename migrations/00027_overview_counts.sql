-- The overview's whole-database counts, kept current (issue 20): segments
-- by state, flags by kind and status, and the glossary's wrong forms (name
-- and term flags not dismissed) by flagged text, entry and the origin of
-- their article (its source language, '' for none, and its language).
-- Counting them on each request read every segment and flag (59-146 ms at
-- 100,000 segments); a cache only moved the cost to the first request of
-- each minute.
--
-- Each table holds deltas, not one row per count: the triggers below
-- append a row (+n or -n) in the transaction that changes segments or
-- flags, so that concurrent reviews never wait on one hot counter row (nor
-- deadlock over two). A count is the sum of its key's rows; the overview
-- folds them into one row per key when they have piled up
-- (overview/counts.go), under an advisory lock, so readers stay cheap.
--
-- Inserts and deletes are counted per statement, from the transition
-- tables (an article's thousands of segments and flags in one row each per
-- key); updates per row, and only when a counted column changes (a lease
-- or a text edit calls no function). A wrong form's origin is its
-- article's, reached through its segment; a deletion that takes the
-- segment or article first (a cascade) counts the flags out before them,
-- in the BEFORE DELETE triggers of articles and segments, and the flags'
-- own trigger then finds no segment and counts nothing twice.
--
-- The time to approval over 30 days stays a query, now on an index that
-- holds both times (index-only). The glossary list's filters (language,
-- status, type) read terms by (entry_id, lang, status) and entries by
-- (type, key), for its capped count (issue 20 item 3).

-- +goose Up
CREATE TABLE segment_state_counts (
    state text   NOT NULL,
    n     bigint NOT NULL
);
CREATE TABLE flag_counts (
    kind   text   NOT NULL,
    status text   NOT NULL,
    n      bigint NOT NULL
);
CREATE TABLE wrong_form_counts (
    text        text   NOT NULL,
    entry       text   NOT NULL,
    source_lang text   NOT NULL,
    lang        text   NOT NULL,
    n           bigint NOT NULL
);

INSERT INTO segment_state_counts (state, n) SELECT state, count(*) FROM segments GROUP BY state;
INSERT INTO flag_counts (kind, status, n) SELECT kind, status, count(*) FROM flags GROUP BY kind, status;
INSERT INTO wrong_form_counts (text, entry, source_lang, lang, n)
SELECT f.text, f.entry, coalesce(a.source_lang, ''), a.lang, count(*)
FROM flags f JOIN segments s ON s.id = f.segment_id JOIN articles a ON a.id = s.article_id
WHERE f.kind IN ('name', 'term') AND f.status <> 'dismissed'
GROUP BY f.text, f.entry, coalesce(a.source_lang, ''), a.lang;

-- +goose StatementBegin
CREATE FUNCTION segment_state_counts_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO segment_state_counts (state, n) SELECT state, count(*) FROM new_rows GROUP BY state;
    RETURN NULL;
END;
$$;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE FUNCTION segment_state_counts_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO segment_state_counts (state, n) SELECT state, -count(*) FROM old_rows GROUP BY state;
    RETURN NULL;
END;
$$;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE FUNCTION segment_state_counts_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO segment_state_counts (state, n) VALUES (OLD.state, -1), (NEW.state, 1);
    RETURN NULL;
END;
$$;
-- +goose StatementEnd
CREATE TRIGGER segments_count_insert AFTER INSERT ON segments
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION segment_state_counts_insert();
CREATE TRIGGER segments_count_delete AFTER DELETE ON segments
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION segment_state_counts_delete();
CREATE TRIGGER segments_count_update AFTER UPDATE OF state ON segments
    FOR EACH ROW WHEN (OLD.state IS DISTINCT FROM NEW.state) EXECUTE FUNCTION segment_state_counts_update();

-- +goose StatementBegin
CREATE FUNCTION flag_counts_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO flag_counts (kind, status, n) SELECT kind, status, count(*) FROM new_rows GROUP BY kind, status;
    INSERT INTO wrong_form_counts (text, entry, source_lang, lang, n)
    SELECT f.text, f.entry, coalesce(a.source_lang, ''), a.lang, count(*)
    FROM new_rows f JOIN segments s ON s.id = f.segment_id JOIN articles a ON a.id = s.article_id
    WHERE f.kind IN ('name', 'term') AND f.status <> 'dismissed'
    GROUP BY f.text, f.entry, coalesce(a.source_lang, ''), a.lang;
    RETURN NULL;
END;
$$;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE FUNCTION flag_counts_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO flag_counts (kind, status, n) SELECT kind, status, -count(*) FROM old_rows GROUP BY kind, status;
    INSERT INTO wrong_form_counts (text, entry, source_lang, lang, n)
    SELECT f.text, f.entry, coalesce(a.source_lang, ''), a.lang, -count(*)
    FROM old_rows f JOIN segments s ON s.id = f.segment_id JOIN articles a ON a.id = s.article_id
    WHERE f.kind IN ('name', 'term') AND f.status <> 'dismissed'
    GROUP BY f.text, f.entry, coalesce(a.source_lang, ''), a.lang;
    RETURN NULL;
END;
$$;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE FUNCTION flag_counts_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (OLD.kind, OLD.status) IS DISTINCT FROM (NEW.kind, NEW.status) THEN
        INSERT INTO flag_counts (kind, status, n) VALUES (OLD.kind, OLD.status, -1), (NEW.kind, NEW.status, 1);
    END IF;
    INSERT INTO wrong_form_counts (text, entry, source_lang, lang, n)
    SELECT f.text, f.entry, coalesce(a.source_lang, ''), a.lang, f.n
    FROM (VALUES (OLD.text, OLD.entry, OLD.segment_id, OLD.kind, OLD.status, -1),
                 (NEW.text, NEW.entry, NEW.segment_id, NEW.kind, NEW.status, 1)) AS f (text, entry, segment_id, kind, status, n)
    JOIN segments s ON s.id = f.segment_id JOIN articles a ON a.id = s.article_id
    WHERE f.kind IN ('name', 'term') AND f.status <> 'dismissed';
    RETURN NULL;
END;
$$;
-- +goose StatementEnd
CREATE TRIGGER flags_count_insert AFTER INSERT ON flags
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION flag_counts_insert();
CREATE TRIGGER flags_count_delete AFTER DELETE ON flags
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION flag_counts_delete();
CREATE TRIGGER flags_count_update AFTER UPDATE OF kind, status, text, entry, segment_id ON flags
    FOR EACH ROW WHEN ((OLD.kind, OLD.status, OLD.text, OLD.entry, OLD.segment_id)
                       IS DISTINCT FROM (NEW.kind, NEW.status, NEW.text, NEW.entry, NEW.segment_id))
    EXECUTE FUNCTION flag_counts_update();

-- +goose StatementBegin
CREATE FUNCTION wrong_form_counts_segment_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO wrong_form_counts (text, entry, source_lang, lang, n)
    SELECT f.text, f.entry, coalesce(a.source_lang, ''), a.lang, -count(*)
    FROM flags f JOIN articles a ON a.id = OLD.article_id
    WHERE f.segment_id = OLD.id AND f.kind IN ('name', 'term') AND f.status <> 'dismissed'
    GROUP BY f.text, f.entry, coalesce(a.source_lang, ''), a.lang;
    RETURN OLD;
END;
$$;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE FUNCTION wrong_form_counts_article_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO wrong_form_counts (text, entry, source_lang, lang, n)
    SELECT f.text, f.entry, coalesce(OLD.source_lang, ''), OLD.lang, -count(*)
    FROM segments s JOIN flags f ON f.segment_id = s.id
    WHERE s.article_id = OLD.id AND f.kind IN ('name', 'term') AND f.status <> 'dismissed'
    GROUP BY f.text, f.entry;
    RETURN OLD;
END;
$$;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE FUNCTION wrong_form_counts_article_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO wrong_form_counts (text, entry, source_lang, lang, n)
    SELECT f.text, f.entry, o.source_lang, o.lang, o.sign * count(*)
    FROM segments s JOIN flags f ON f.segment_id = s.id
    CROSS JOIN (VALUES (coalesce(OLD.source_lang, ''), OLD.lang, -1), (coalesce(NEW.source_lang, ''), NEW.lang, 1))
        AS o (source_lang, lang, sign)
    WHERE s.article_id = NEW.id AND f.kind IN ('name', 'term') AND f.status <> 'dismissed'
    GROUP BY f.text, f.entry, o.source_lang, o.lang, o.sign;
    RETURN NULL;
END;
$$;
-- +goose StatementEnd
CREATE TRIGGER segments_wrong_forms_delete BEFORE DELETE ON segments
    FOR EACH ROW EXECUTE FUNCTION wrong_form_counts_segment_delete();
CREATE TRIGGER articles_wrong_forms_delete BEFORE DELETE ON articles
    FOR EACH ROW EXECUTE FUNCTION wrong_form_counts_article_delete();
CREATE TRIGGER articles_wrong_forms_update AFTER UPDATE OF lang, source_lang ON articles
    FOR EACH ROW WHEN ((OLD.lang, OLD.source_lang) IS DISTINCT FROM (NEW.lang, NEW.source_lang))
    EXECUTE FUNCTION wrong_form_counts_article_update();

CREATE INDEX corrections_approved_times_idx ON corrections (reviewed_at) INCLUDE (created_at) WHERE status = 'approved';

CREATE INDEX glossary_terms_lang_status_entry_idx ON glossary_terms (lang, status, entry_id);
CREATE INDEX glossary_entries_type_key_idx ON glossary_entries (type, key) INCLUDE (id);

-- +goose Down
DROP INDEX glossary_entries_type_key_idx;
DROP INDEX glossary_terms_lang_status_entry_idx;
DROP INDEX corrections_approved_times_idx;
DROP TRIGGER articles_wrong_forms_update ON articles;
DROP TRIGGER articles_wrong_forms_delete ON articles;
DROP TRIGGER segments_wrong_forms_delete ON segments;
DROP FUNCTION wrong_form_counts_article_update();
DROP FUNCTION wrong_form_counts_article_delete();
DROP FUNCTION wrong_form_counts_segment_delete();
DROP TRIGGER flags_count_update ON flags;
DROP TRIGGER flags_count_delete ON flags;
DROP TRIGGER flags_count_insert ON flags;
DROP FUNCTION flag_counts_update();
DROP FUNCTION flag_counts_delete();
DROP FUNCTION flag_counts_insert();
DROP TRIGGER segments_count_update ON segments;
DROP TRIGGER segments_count_delete ON segments;
DROP TRIGGER segments_count_insert ON segments;
DROP FUNCTION segment_state_counts_update();
DROP FUNCTION segment_state_counts_delete();
DROP FUNCTION segment_state_counts_insert();
DROP TABLE wrong_form_counts;
DROP TABLE flag_counts;
DROP TABLE segment_state_counts;
