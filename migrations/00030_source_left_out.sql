-- A source sentence the translation left out (issue 17): the aligner finds
-- it with no counterpart, and no segment translates it. It is kept on the
-- segment after which it would stand (the first segment when the gap opens
-- the text), so that every path that rebuilds the pair from the segments
-- (rescans, approvals, repairs) sees the gap the creation saw; and the
-- flag that reports it (source-sentence-missing) carries the sentence in
-- its detail, for the segment page and the queue.

-- +goose Up
ALTER TABLE segments ADD COLUMN source_left_out text;
ALTER TABLE flags ADD COLUMN detail text NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE flags DROP COLUMN detail;
ALTER TABLE segments DROP COLUMN source_left_out;
