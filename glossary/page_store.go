package glossary

import (
	"context"
	"encoding/json"
	"time"

	"gorm.io/gorm"

	"lector/apperr"
)

// TermLanguages returns the languages the glossary has terms in, sorted.
// A recursive query hops from one language to the next on
// glossary_terms_lang_idx, so the cost is the number of languages, not of
// terms.
func TermLanguages(ctx context.Context, db *gorm.DB) ([]string, error) {
	langs := []string{}
	err := db.WithContext(ctx).Raw(`WITH RECURSIVE l(lang) AS (
		(SELECT lang FROM glossary_terms ORDER BY lang LIMIT 1)
		UNION ALL
		SELECT (SELECT t.lang FROM glossary_terms t WHERE t.lang > l.lang ORDER BY t.lang LIMIT 1)
		FROM l WHERE l.lang IS NOT NULL)
		SELECT lang FROM l WHERE lang IS NOT NULL`).Scan(&langs).Error
	if err != nil {
		return nil, apperr.Wrap(err, "glossary languages")
	}
	return langs, nil
}

// EntryIDs returns the ids of the entries with keys, by key; keys that name
// no entry are left out.
func EntryIDs(ctx context.Context, db *gorm.DB, keys []string) (map[string]int64, error) {
	ids := make(map[string]int64, len(keys))
	if len(keys) == 0 {
		return ids, nil
	}
	var rows []struct {
		ID  int64
		Key string
	}
	if err := db.WithContext(ctx).Model(&Entry{}).Select("id, key").Where("key IN ?", keys).Scan(&rows).Error; err != nil {
		return nil, apperr.Wrap(err, "glossary entry ids")
	}
	for _, r := range rows {
		ids[r.Key] = r.ID
	}
	return ids, nil
}

// MaxEntryHistory bounds the history an entry page shows.
const MaxEntryHistory = 200

// EntryEvent is one audit event about a glossary entry: who did what and
// when, and for a change, each field and term before and after.
type EntryEvent struct {
	At     time.Time
	Actor  string // the account's email; empty for the command line
	Action string // create, update, delete, import.create, import.update, import.delete
	Change *EntryChange
}

// EntryHistory returns the latest events of entry id, newest first, at
// most MaxEntryHistory. Any signed-in user may read it.
func EntryHistory(ctx context.Context, db *gorm.DB, id int64) ([]EntryEvent, error) {
	var rows []struct {
		At     time.Time
		Actor  string
		Action string
		Detail json.RawMessage
	}
	err := db.WithContext(ctx).Raw(`SELECT e.at, coalesce(u.email, '') AS actor, e.action, e.detail
		FROM audit_events e LEFT JOIN users u ON u.id = e.actor_id
		WHERE e.subject_type = 'glossary_entry' AND e.subject_id = ?
		ORDER BY e.id DESC LIMIT ?`, id, MaxEntryHistory).Scan(&rows).Error
	if err != nil {
		return nil, apperr.Wrap(err, "glossary entry history")
	}
	events := make([]EntryEvent, len(rows))
	for i, r := range rows {
		events[i] = EntryEvent{At: r.At, Actor: r.Actor, Action: r.Action}
		if r.Action == "update" || r.Action == "import.update" {
			var c EntryChange
			// An unreadable detail still shows who and when.
			if json.Unmarshal(r.Detail, &c) == nil {
				events[i].Change = &c
			}
		}
	}
	return events, nil
}
