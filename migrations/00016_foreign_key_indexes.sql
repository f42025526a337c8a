-- +goose Up
-- An index on every foreign key (issue 18 item 7): deleting a referenced row
-- makes PostgreSQL find the referencing rows, and without an index that is a
-- scan of the whole table for every row deleted. Deleting one article of
-- 100,000 segments took 13 minutes for want of version_segments (segment_id)
-- alone. migrations/fk_index_test.go fails on any foreign key left without.
CREATE INDEX article_versions_published_by_idx ON article_versions (published_by);
CREATE INDEX articles_created_by_idx ON articles (created_by);
CREATE INDEX audit_events_actor_id_idx ON audit_events (actor_id);
CREATE INDEX corrections_author_id_idx ON corrections (author_id);
CREATE INDEX corrections_reviewer_id_idx ON corrections (reviewer_id);
CREATE INDEX dismissals_proposer_id_idx ON dismissals (proposer_id);
CREATE INDEX dismissals_reviewer_id_idx ON dismissals (reviewer_id);
CREATE INDEX flags_glossary_entry_id_idx ON flags (glossary_entry_id);
CREATE INDEX flags_resolved_by_idx ON flags (resolved_by);
CREATE INDEX glossary_proposal_evidence_correction_id_idx ON glossary_proposal_evidence (correction_id);
CREATE INDEX glossary_proposal_evidence_flag_id_idx ON glossary_proposal_evidence (flag_id);
CREATE INDEX glossary_proposal_evidence_segment_id_idx ON glossary_proposal_evidence (segment_id);
CREATE INDEX glossary_proposals_decided_by_idx ON glossary_proposals (decided_by);
CREATE INDEX glossary_proposals_entry_id_idx ON glossary_proposals (entry_id);
CREATE INDEX propagations_editor_id_idx ON propagations (editor_id);
CREATE INDEX rescan_articles_article_id_idx ON rescan_articles (article_id);
CREATE INDEX segments_lease_holder_id_all_idx ON segments (lease_holder_id);
CREATE INDEX version_segments_approver_id_idx ON version_segments (approver_id);
CREATE INDEX version_segments_author_id_idx ON version_segments (author_id);
CREATE INDEX version_segments_correction_id_idx ON version_segments (correction_id);
CREATE INDEX version_segments_segment_id_idx ON version_segments (segment_id);

-- +goose Down
DROP INDEX version_segments_segment_id_idx;
DROP INDEX version_segments_correction_id_idx;
DROP INDEX version_segments_author_id_idx;
DROP INDEX version_segments_approver_id_idx;
DROP INDEX segments_lease_holder_id_all_idx;
DROP INDEX rescan_articles_article_id_idx;
DROP INDEX propagations_editor_id_idx;
DROP INDEX glossary_proposals_entry_id_idx;
DROP INDEX glossary_proposals_decided_by_idx;
DROP INDEX glossary_proposal_evidence_segment_id_idx;
DROP INDEX glossary_proposal_evidence_flag_id_idx;
DROP INDEX glossary_proposal_evidence_correction_id_idx;
DROP INDEX flags_resolved_by_idx;
DROP INDEX flags_glossary_entry_id_idx;
DROP INDEX dismissals_reviewer_id_idx;
DROP INDEX dismissals_proposer_id_idx;
DROP INDEX corrections_reviewer_id_idx;
DROP INDEX corrections_author_id_idx;
DROP INDEX audit_events_actor_id_idx;
DROP INDEX articles_created_by_idx;
DROP INDEX article_versions_published_by_idx;
