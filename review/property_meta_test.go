package review

import (
	"errors"
	"slices"
	"testing"

	"lector/apperr"
)

// TestPropertyInvariantsCanFail: each invariant of the property test
// reports the breach it is about, made by hand in the database (or by an
// op row that misbehaves), and none reports a fresh article.
func TestPropertyInvariantsCanFail(t *testing.T) {
	w := newPropWorld(t)
	for _, tt := range []struct {
		name string
		want int
		// breach breaks the article and returns the violations it causes.
		breach func(r *propRun) []violation
	}{
		{name: "a clean segment holds an unflagged wrong form", want: invFindings, breach: bySQL(`UPDATE segments SET current_text = 'Ilon Musk took two years.' WHERE id = ?`, 1)},
		{name: "an approved segment's wrong form has a resolved flag", want: invFindings, breach: func(r *propRun) []violation {
			r.approveUnchanged(0)
			return r.invariants(r.load(), nil)
		}},
		{name: "a version publishes a wrong form whose flag is resolved", want: invPublished, breach: func(r *propRun) []violation {
			r.exec(`UPDATE flags SET status = 'resolved', resolved_by = ?, resolved_at = now() WHERE segment_id = ? AND text = 'Isaxon'`,
				r.people["ed1"].UserID, r.segID(0))
			_, vs := r.apply(r.load(), step{Op: "publish", Actor: "ed1", Partial: true}, nil)
			return vs
		}},
		{name: "a clean segment with open flags", want: invState, breach: bySQL(`UPDATE segments SET state = 'clean' WHERE id = ?`, 0)},
		{name: "a flagged segment without open flags", want: invState, breach: bySQL(`UPDATE flags SET status = 'resolved' WHERE segment_id = ?`, 2)},
		{name: "an in_progress segment nobody holds", want: invState, breach: bySQL(`UPDATE segments SET state = 'in_progress' WHERE id = ?`, 1)},
		{name: "a corrected segment with nothing pending", want: invState, breach: bySQL(`UPDATE segments SET state = 'corrected' WHERE id = ?`, 0)},
		{name: "an approved segment without an approved correction", want: invState, breach: bySQL(`UPDATE segments SET state = 'approved' WHERE id = ?`, 1)},
		{name: "a flag beyond its text", want: invState, breach: bySQL(`UPDATE flags SET end_offset = 999 WHERE segment_id = ? AND text = 'Isaxon'`, 0)},
		{name: "an editor approved their own correction", want: invFourEyes, breach: func(r *propRun) []violation {
			// The schema refuses it too; without that check the invariant
			// still sees it.
			r.exec(`ALTER TABLE corrections DROP CONSTRAINT corrections_not_own`)
			r.must(correctSegment(r, r.people["ed1"], &r.load().at(0).Segment, "Elon Musk met Walter Isaacson in Austin.", 1))
			r.exec(`UPDATE corrections SET status = 'approved', reviewer_id = author_id, reviewed_at = now() WHERE segment_id = ?`, r.segID(0))
			r.exec(`UPDATE segments SET state = 'approved' WHERE id = ?`, r.segID(0))
			return r.invariants(r.load(), nil)
		}},
		{name: "a dismissal accepted by its proposer", want: invFourEyes, breach: func(r *propRun) []violation {
			f := r.load().at(2).openFlags()[0]
			r.must(dismissFlag(r, r.people["ed1"], f.ID))
			r.exec(`UPDATE flags SET status = 'dismissed', resolved_by = ?, resolved_at = now() WHERE id = ?`, r.people["ed1"].UserID, f.ID)
			return r.invariants(r.load(), nil)
		}},
		{name: "a version loses a segment's text", want: invLiveText, breach: func(r *propRun) []violation {
			r.ops = append(r.ops, propOp{name: "publish_another_text", run: func(r *propRun, st liveState, s step) error {
				if err := publishArticle(r, r.people["ed1"], true); err != nil {
					return err
				}
				r.exec(`UPDATE version_segments SET text = 'Another sentence.' WHERE segment_id = ?`, r.segID(1))
				return nil
			}})
			_, vs := r.apply(r.load(), step{Op: "publish_another_text", Actor: "ed1"}, nil)
			return vs
		}},
		{name: "a refused step changes the article", want: invStep, breach: func(r *propRun) []violation {
			r.ops = append(r.ops, propOp{name: "write_then_refuse", run: func(r *propRun, st liveState, s step) error {
				r.exec(`UPDATE segments SET revision = revision + 1 WHERE id = ?`, st.at(0).ID)
				return apperr.New(apperr.Conflict, "error.transition", nil)
			}})
			_, vs := r.apply(r.load(), step{Op: "write_then_refuse"}, nil)
			return vs
		}},
		{name: "a forbidden step succeeds", want: invStep, breach: func(r *propRun) []violation {
			r.ops = append(r.ops, propOp{name: "allow", run: func(*propRun, liveState, step) error { return nil }})
			_, vs := r.apply(r.load(), step{Op: "allow", Want: apperr.Forbidden}, nil)
			return vs
		}},
		{name: "a step fails with another code than the forbidden one", want: invStep, breach: func(r *propRun) []violation {
			_, vs := r.apply(r.load(), step{Op: "claim_as_editor", Actor: "ed1", Want: apperr.Conflict}, nil)
			return vs
		}},
		{name: "a step fails with an internal error", want: invStep, breach: func(r *propRun) []violation {
			r.ops = append(r.ops, propOp{name: "crash", run: func(*propRun, liveState, step) error { return errors.New("boom") }})
			_, vs := r.apply(r.load(), step{Op: "crash"}, nil)
			return vs
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := w.newRun(t)
			if vs := r.invariants(r.load(), nil); len(vs) > 0 {
				t.Fatalf("a fresh article breaks invariants: %v", vs)
			}
			vs := tt.breach(r)
			if !slices.ContainsFunc(vs, func(v violation) bool { return v.inv == tt.want }) {
				t.Errorf("invariant %d (%s) missed it; reported: %v", tt.want, invariantNames[tt.want], vs)
			}
		})
	}
}

// TestPropertyShrinks: the shrinker brings a failing sequence padded with
// steps that do not matter down to the steps that do.
func TestPropertyShrinks(t *testing.T) {
	w := newPropWorld(t)
	padded := []step{
		{Op: "publish", Actor: "ed2", Partial: true},
		{Op: "claim_as_editor", Actor: "ed1", Want: apperr.Forbidden},
		{Op: "claim", Actor: "tr1"},
		{Op: "release", Actor: "tr1", Pos: 0},
		{Op: "publish_as_translator", Actor: "tr2", Partial: true, Want: apperr.Forbidden},
		{Op: "split", Actor: "ed1", Pos: 7, Offset: 11},
	}
	// The breach: a hand-made op row that makes a clean segment hold an
	// unflagged wrong form, hidden among the padding.
	breach := propOp{name: "breach", run: func(r *propRun, st liveState, s step) error {
		r.exec(`UPDATE segments SET current_text = 'Ilon Musk took two years.' WHERE id = ?`, st.at(1).ID)
		return nil
	}}
	steps := slices.Concat(padded[:3], []step{{Op: "breach", Pos: 1}}, padded[3:])
	w.extraOps = []propOp{breach}
	got := shrink(t, w, steps, invFindings)
	if len(got) != 1 || got[0].Op != "breach" {
		t.Errorf("shrunk to %v, want the one breaching step", got)
	}
}

// exec runs a statement of a test's breach.
func (r *propRun) exec(sql string, args ...any) {
	r.t.Helper()
	if err := r.db().Exec(sql, args...).Error; err != nil {
		r.t.Fatal(err)
	}
}

func (r *propRun) must(err error) {
	r.t.Helper()
	if err != nil {
		r.t.Fatal(err)
	}
}

func (r *propRun) segID(pos int) int64 {
	r.t.Helper()
	s := r.load().at(pos)
	if s == nil {
		r.t.Fatalf("no segment at position %d", pos)
	}
	return s.ID
}

// approveUnchanged records, in SQL alone so that no change of the
// workflow's API touches it, what today's Approve does to a correction that
// changed nothing: the correction approved, every flag resolved, the
// segment approved.
func (r *propRun) approveUnchanged(pos int) {
	r.t.Helper()
	id := r.segID(pos)
	r.exec(`INSERT INTO corrections (segment_id, author_id, base_revision, text_before, text, status, reviewer_id, reviewed_at)
SELECT id, ?, revision, current_text, current_text, 'approved', ?, now() FROM segments WHERE id = ?`,
		r.people["tr1"].UserID, r.people["ed2"].UserID, id)
	r.exec(`UPDATE flags SET status = 'resolved', resolved_by = ?, resolved_at = now() WHERE segment_id = ?`, r.people["ed2"].UserID, id)
	r.exec(`UPDATE segments SET state = 'approved' WHERE id = ?`, id)
}

// bySQL is the breach that one statement, given the id of the segment at
// pos, makes; the invariants then see the whole state.
func bySQL(query string, pos int) func(r *propRun) []violation {
	return func(r *propRun) []violation {
		r.exec(query, r.segID(pos))
		return r.invariants(r.load(), nil)
	}
}
