-- Keyset pages of the article and queue lists sorted by title, and the
-- language filter's skip scan over the languages articles are in (issue 20).

-- +goose Up
CREATE INDEX articles_title_id_idx ON articles (title, id);
CREATE INDEX articles_lang_idx ON articles (lang);

-- +goose Down
DROP INDEX articles_lang_idx;
DROP INDEX articles_title_id_idx;
