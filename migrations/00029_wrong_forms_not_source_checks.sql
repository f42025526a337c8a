-- The glossary's wrong forms (issue 17): a flag of the source-aware checks
-- that says a name is missing (source-name-missing: its text is what
-- stands in the name's place, often a whole sentence) or added
-- (name-not-in-source: its text is a right form) is no wrong form of a
-- name, and the overview counted both among them. One predicate,
-- wrong_form, now says what a wrong form is, in every trigger of 00027
-- that keeps wrong_form_counts; the flags' trigger on updates also follows
-- a changed check; the kept counts are made again from the flags.

-- +goose Up
-- +goose StatementBegin
CREATE FUNCTION wrong_form(kind text, chk text, status text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
    SELECT kind IN ('name', 'term') AND status <> 'dismissed'
       AND chk NOT IN ('source-name-missing', 'name-not-in-source', 'source-sentence-missing', 'sentence-not-in-source')
$$;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE OR REPLACE FUNCTION flag_counts_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO flag_counts (kind, status, n) SELECT kind, status, count(*) FROM new_rows GROUP BY kind, status;
    INSERT INTO wrong_form_counts (text, entry, source_lang, lang, n)
    SELECT f.text, f.entry, coalesce(a.source_lang, ''), a.lang, count(*)
    FROM new_rows f JOIN segments s ON s.id = f.segment_id JOIN articles a ON a.id = s.article_id
    WHERE wrong_form(f.kind, f."check", f.status)
    GROUP BY f.text, f.entry, coalesce(a.source_lang, ''), a.lang;
    RETURN NULL;
END;
$$;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION flag_counts_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO flag_counts (kind, status, n) SELECT kind, status, -count(*) FROM old_rows GROUP BY kind, status;
    INSERT INTO wrong_form_counts (text, entry, source_lang, lang, n)
    SELECT f.text, f.entry, coalesce(a.source_lang, ''), a.lang, -count(*)
    FROM old_rows f JOIN segments s ON s.id = f.segment_id JOIN articles a ON a.id = s.article_id
    WHERE wrong_form(f.kind, f."check", f.status)
    GROUP BY f.text, f.entry, coalesce(a.source_lang, ''), a.lang;
    RETURN NULL;
END;
$$;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION flag_counts_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (OLD.kind, OLD.status) IS DISTINCT FROM (NEW.kind, NEW.status) THEN
        INSERT INTO flag_counts (kind, status, n) VALUES (OLD.kind, OLD.status, -1), (NEW.kind, NEW.status, 1);
    END IF;
    INSERT INTO wrong_form_counts (text, entry, source_lang, lang, n)
    SELECT f.text, f.entry, coalesce(a.source_lang, ''), a.lang, f.n
    FROM (VALUES (OLD.text, OLD.entry, OLD.segment_id, OLD.kind, OLD."check", OLD.status, -1),
                 (NEW.text, NEW.entry, NEW.segment_id, NEW.kind, NEW."check", NEW.status, 1))
        AS f (text, entry, segment_id, kind, chk, status, n)
    JOIN segments s ON s.id = f.segment_id JOIN articles a ON a.id = s.article_id
    WHERE wrong_form(f.kind, f.chk, f.status);
    RETURN NULL;
END;
$$;
-- +goose StatementEnd
DROP TRIGGER flags_count_update ON flags;
CREATE TRIGGER flags_count_update AFTER UPDATE OF kind, "check", status, text, entry, segment_id ON flags
    FOR EACH ROW WHEN ((OLD.kind, OLD."check", OLD.status, OLD.text, OLD.entry, OLD.segment_id)
                       IS DISTINCT FROM (NEW.kind, NEW."check", NEW.status, NEW.text, NEW.entry, NEW.segment_id))
    EXECUTE FUNCTION flag_counts_update();

-- +goose StatementBegin
CREATE OR REPLACE FUNCTION wrong_form_counts_segment_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO wrong_form_counts (text, entry, source_lang, lang, n)
    SELECT f.text, f.entry, coalesce(a.source_lang, ''), a.lang, -count(*)
    FROM flags f JOIN articles a ON a.id = OLD.article_id
    WHERE f.segment_id = OLD.id AND wrong_form(f.kind, f."check", f.status)
    GROUP BY f.text, f.entry, coalesce(a.source_lang, ''), a.lang;
    RETURN OLD;
END;
$$;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION wrong_form_counts_article_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO wrong_form_counts (text, entry, source_lang, lang, n)
    SELECT f.text, f.entry, coalesce(OLD.source_lang, ''), OLD.lang, -count(*)
    FROM segments s JOIN flags f ON f.segment_id = s.id
    WHERE s.article_id = OLD.id AND wrong_form(f.kind, f."check", f.status)
    GROUP BY f.text, f.entry;
    RETURN OLD;
END;
$$;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION wrong_form_counts_article_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO wrong_form_counts (text, entry, source_lang, lang, n)
    SELECT f.text, f.entry, o.source_lang, o.lang, o.sign * count(*)
    FROM segments s JOIN flags f ON f.segment_id = s.id
    CROSS JOIN (VALUES (coalesce(OLD.source_lang, ''), OLD.lang, -1), (coalesce(NEW.source_lang, ''), NEW.lang, 1))
        AS o (source_lang, lang, sign)
    WHERE s.article_id = NEW.id AND wrong_form(f.kind, f."check", f.status)
    GROUP BY f.text, f.entry, o.source_lang, o.lang, o.sign;
    RETURN NULL;
END;
$$;
-- +goose StatementEnd

-- The counts made again, in a lock that holds off the triggers of
-- concurrent changes until the new rows are in.
LOCK TABLE wrong_form_counts, flags IN SHARE ROW EXCLUSIVE MODE;
DELETE FROM wrong_form_counts;
INSERT INTO wrong_form_counts (text, entry, source_lang, lang, n)
SELECT f.text, f.entry, coalesce(a.source_lang, ''), a.lang, count(*)
FROM flags f JOIN segments s ON s.id = f.segment_id JOIN articles a ON a.id = s.article_id
WHERE wrong_form(f.kind, f."check", f.status)
GROUP BY f.text, f.entry, coalesce(a.source_lang, ''), a.lang;

-- +goose Down
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION flag_counts_insert() RETURNS trigger LANGUAGE plpgsql AS $$
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
CREATE OR REPLACE FUNCTION flag_counts_delete() RETURNS trigger LANGUAGE plpgsql AS $$
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
CREATE OR REPLACE FUNCTION flag_counts_update() RETURNS trigger LANGUAGE plpgsql AS $$
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
DROP TRIGGER flags_count_update ON flags;
CREATE TRIGGER flags_count_update AFTER UPDATE OF kind, status, text, entry, segment_id ON flags
    FOR EACH ROW WHEN ((OLD.kind, OLD.status, OLD.text, OLD.entry, OLD.segment_id)
                       IS DISTINCT FROM (NEW.kind, NEW.status, NEW.text, NEW.entry, NEW.segment_id))
    EXECUTE FUNCTION flag_counts_update();
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION wrong_form_counts_segment_delete() RETURNS trigger LANGUAGE plpgsql AS $$
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
CREATE OR REPLACE FUNCTION wrong_form_counts_article_delete() RETURNS trigger LANGUAGE plpgsql AS $$
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
CREATE OR REPLACE FUNCTION wrong_form_counts_article_update() RETURNS trigger LANGUAGE plpgsql AS $$
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
LOCK TABLE wrong_form_counts, flags IN SHARE ROW EXCLUSIVE MODE;
DELETE FROM wrong_form_counts;
INSERT INTO wrong_form_counts (text, entry, source_lang, lang, n)
SELECT f.text, f.entry, coalesce(a.source_lang, ''), a.lang, count(*)
FROM flags f JOIN segments s ON s.id = f.segment_id JOIN articles a ON a.id = s.article_id
WHERE f.kind IN ('name', 'term') AND f.status <> 'dismissed'
GROUP BY f.text, f.entry, coalesce(a.source_lang, ''), a.lang;
DROP FUNCTION wrong_form(text, text, text);
