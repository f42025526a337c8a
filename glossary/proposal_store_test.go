package glossary

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"

	"gorm.io/gorm"

	"lector/apperr"
	"lector/database/dbtest"
)

// proposalGlossary is a fresh database whose glossary is the one CSV row
// (entry,type,lang,term,status), and that glossary's entries.
func proposalGlossary(t *testing.T, row string) (*gorm.DB, []Entry) {
	t.Helper()
	db := dbtest.New(t)
	entries, err := ParseCSV(strings.NewReader("entry,type,lang,term,status\n"+row+"\n"), "t.csv")
	if err != nil {
		t.Fatal(err)
	}
	if err := CreateEntries(context.Background(), db, entries); err != nil {
		t.Fatal(err)
	}
	return db, entries
}

// TestDecideProposalTellsOnChange: accepting calls onChange inside the
// transaction, and its error rolls the whole acceptance back; rejecting
// changes nothing and tells nobody.
func TestDecideProposalTellsOnChange(t *testing.T) {
	db, entries := proposalGlossary(t, "isaacson,person,en,Isaacson,preferred")
	ctx := context.Background()
	newProposal := func(form string) int64 {
		id, err := propose(db, ProposeDeprecated, entries[0].ID, "en", form, Evidence{}, form+" wrote it.", 0, len(form))
		if err != nil || id == 0 {
			t.Fatalf("propose %s: %d, %v", form, id, err)
		}
		return id
	}
	terms := func() int64 {
		var n int64
		db.Model(&Term{}).Where("entry_id = ?", entries[0].ID).Count(&n)
		return n
	}
	id := newProposal("Isaxon")
	boom := errors.New("queue down")
	_, err := DecideProposal(ctx, db, id, true, nil, "", func(context.Context, *gorm.DB) error { return boom })
	if !errors.Is(err, boom) || terms() != 1 {
		t.Fatalf("accept with a failing hook: %v, %d terms; want the hook's error and nothing written", err, terms())
	}
	calls := 0
	hook := func(_ context.Context, tx *gorm.DB) error {
		calls++
		var n int64 // inside the transaction, the new term is visible
		tx.Model(&Term{}).Where("form = ?", "Isaxon").Count(&n)
		if n != 1 {
			t.Errorf("the hook sees %d Isaxon terms, want 1", n)
		}
		return nil
	}
	if changed, err := DecideProposal(ctx, db, id, true, nil, "ok", hook); err != nil || !changed || calls != 1 || terms() != 2 {
		t.Fatalf("accept: changed %v, %v, %d calls, %d terms", changed, err, calls, terms())
	}
	if _, err := DecideProposal(ctx, db, id, false, nil, "", hook); apperr.CodeOf(err) != apperr.Conflict {
		t.Errorf("deciding twice: %v, want a conflict", err)
	}
	other := newProposal("Izaakson")
	if changed, err := DecideProposal(ctx, db, other, false, nil, strings.Repeat("x", proposalCommentRunes+1), hook); apperr.CodeOf(err) != apperr.Invalid || changed {
		t.Errorf("an over-long comment: %v", err)
	}
	if changed, err := DecideProposal(ctx, db, other, false, nil, "no", hook); err != nil || changed || calls != 1 || terms() != 2 {
		t.Errorf("reject: changed %v, %v, %d calls, %d terms", changed, err, calls, terms())
	}
	if id, err := propose(db, ProposeDeprecated, entries[0].ID, "en", "Izaakson", Evidence{}, "Izaakson", 0, 8); err != nil || id != 0 {
		t.Errorf("a rejected change proposed again: %d, %v", id, err)
	}
}

// TestAcceptNewEntry: accepting a proposed new entry adds it with both
// forms preferred, under a key of its own even when the form's is taken,
// and makes it the proposal's entry.
func TestAcceptNewEntry(t *testing.T) {
	db, _ := proposalGlossary(t, "petrenko,place,en,Petrenko Street,preferred")
	ctx := context.Background()
	n := NewEntry{SourceLang: "uk", SourceForm: "Петренко", Lang: "en", Form: "Petrenko"}
	id, err := ProposeNewEntry(ctx, db, n, Evidence{}, "Journalists asked Petrenka.", 19, 27)
	if err != nil || id == 0 {
		t.Fatalf("propose: %d, %v", id, err)
	}
	if again, err := ProposeNewEntry(ctx, db, n, Evidence{}, "Petrenka again.", 0, 8); err != nil || again != id {
		t.Fatalf("the same name again: %d, %v; want proposal %d", again, err, id)
	}
	if changed, err := DecideProposal(ctx, db, id, true, nil, "", nil); err != nil || !changed {
		t.Fatalf("accept: %v, %v", changed, err)
	}
	var e Entry
	if err := db.Preload("Terms").Where("key = ?", "petrenko-"+strconv.FormatInt(id, 10)).Take(&e).Error; err != nil {
		t.Fatal(err)
	}
	if e.Preferred("uk") != "Петренко" || e.Preferred("en") != "Petrenko" || len(e.Terms) != 2 {
		t.Errorf("entry %+v, want Петренко and Petrenko preferred", e)
	}
	var p Proposal
	if err := db.Take(&p, id).Error; err != nil || p.EntryID == nil || *p.EntryID != e.ID || p.Status != ProposalAccepted {
		t.Errorf("proposal %+v, %v: want accepted, of entry %d", p, err, e.ID)
	}
	if again, err := ProposeNewEntry(ctx, db, n, Evidence{}, "Petrenka.", 0, 8); err != nil || again != 0 {
		t.Errorf("proposed again once the glossary holds it: %d, %v", again, err)
	}
}
