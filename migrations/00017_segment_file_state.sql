-- An XLIFF file says how far each segment went elsewhere (initial,
-- translated, reviewed, final). Lector keeps that as information, shown and
-- exported; it never makes a segment approved by itself, which only a
-- correction and an editor's approval (or an editor's explicit import "as
-- approved", audit-logged) do. NULL: the segment came from no file.

-- +goose Up
ALTER TABLE segments ADD COLUMN file_state text
    CHECK (file_state IN ('initial', 'translated', 'reviewed', 'final'));

-- +goose Down
ALTER TABLE segments DROP COLUMN file_state;
