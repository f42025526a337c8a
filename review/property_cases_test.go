package review

import (
	"fmt"
	"strings"
	"testing"
)

// propertyCases are the shortest sequences the property test found that
// break an invariant on the workflow as issue 14 found it (before the
// fixes); each must hold every invariant once the workflow is right.
// Positions are those of propertyArticle:
//
//	0 "Ilon Musk met Walter Isaxon in Austin."  1 "The biography took two years."
//	2 "The mask said the launch was a success."  3 "Musk thanked the engineers."
//	4 "SpaceX won a secret contract for the amount of $ 1."  (broken paragraph after it)
//	5 "8 billion in 2021, and Ilon Musk was pleased."
//	6 "The company is in one list with Kim Jong -in and Bashara Assad."  7 "The weather was fine."
var propertyCases = []struct {
	name  string
	broke int // the invariant it broke before the fixes
	steps []step
}{
	{name: "approving an unchanged text resolves its flags", broke: invFindings, steps: []step{
		{Op: "correct", Actor: "ed1", Pos: 0, Text: "Ilon Musk met Walter Isaxon in Austin."},
		{Op: "approve", Actor: "ed2", Pos: 0},
	}},
	{name: "a correction that brings in a wrong form is approved clean", broke: invFindings, steps: []step{
		{Op: "correct", Actor: "ed2", Pos: 2, Text: "The mask said the launch was a success, said Ilon Musk."},
		{Op: "approve", Actor: "ed1", Pos: 2},
	}},
	{name: "a translator's correction leaves a wrong form the approval calls resolved", broke: invFindings, steps: []step{
		{Op: "claim", Actor: "tr1", Pos: 0},
		{Op: "correct", Actor: "tr1", Pos: 0, Text: "Elon Musk met Walter Isaxon in Austin."},
		{Op: "approve", Actor: "ed2", Pos: 0},
	}},
	{name: "the approval resolves a fuzzy name the correction left, and the version publishes it", broke: invPublished, steps: []step{
		{Op: "correct", Actor: "ed1", Pos: 6, Text: "The company is in one list with Kim Jong-un and Bashara Assad."},
		{Op: "approve", Actor: "ed2", Pos: 6},
		{Op: "publish", Actor: "ed2", Partial: true},
	}},
	{name: "the approval resolves the broken paragraph without a join", broke: invPublished, steps: []step{
		{Op: "correct", Actor: "ed1", Pos: 4, Text: "SpaceX won a secret contract for the amount of $1."},
		{Op: "approve", Actor: "ed2", Pos: 4},
		{Op: "publish", Actor: "ed1", Partial: true},
	}},
	{name: "a batch approval resolves what its corrections left", broke: invPublished, steps: []step{
		{Op: "claim", Actor: "tr1", Pos: 0},
		{Op: "correct", Actor: "ed1", Pos: 4, Text: "SpaceX won a secret contract for the amount of $ 1."},
		{Op: "correct", Actor: "tr1", Pos: 0, Text: "Elon Musk again met Walter Isaacson in Austin."},
		{Op: "approve_many", Actor: "ed2", Batch: []int{0, 4}},
		{Op: "publish", Actor: "ed2", Partial: true},
	}},
	{name: "a translator's dismissal closes a flag alone", broke: invFourEyes, steps: []step{
		{Op: "claim", Actor: "tr1", Pos: 0},
		{Op: "dismiss", Actor: "tr1", Pos: 0, Check: "glossary-variant", Flag: "Ilon Musk"},
	}},
	{name: "an editor's dismissal of the false friend closes it alone", broke: invFourEyes, steps: []step{
		{Op: "dismiss", Actor: "ed1", Pos: 2, Check: "false-friend", Flag: "mask"},
		{Op: "publish", Actor: "ed1", Partial: true},
	}},
	{name: "rejecting a correction after its segment's last flag was dismissed leaves it rejected with nothing flagged", broke: invState, steps: []step{
		{Op: "correct", Actor: "ed1", Pos: 2, Text: "The Musk said the launch was a success."},
		{Op: "dismiss", Actor: "ed1", Pos: 2, Check: "false-friend", Flag: "mask"},
		{Op: "reject", Actor: "ed2", Pos: 2, Reason: "wrong_name"},
	}},
	// Found on the way, not named by issue 14: a repair or a rejection
	// leaves a segment whose published text is not its live text.
	{name: "merging an approved segment drops the next segment's text from the version", broke: invLiveText, steps: []step{
		{Op: "correct", Actor: "ed1", Pos: 4, Text: "SpaceX won a secret contract for the amount of $ 1."},
		{Op: "approve", Actor: "ed2", Pos: 4},
		{Op: "merge", Actor: "ed1", Pos: 4},
		{Op: "publish", Actor: "ed1", Partial: true},
	}},
	{name: "splitting an approved segment publishes its whole old text for the first part", broke: invLiveText, steps: []step{
		{Op: "correct", Actor: "ed1", Pos: 0, Text: "Ilon Musk met Walter Isaxon in Austin."},
		{Op: "approve_over_open", Actor: "ed2", Pos: 0},
		{Op: "split", Actor: "ed1", Pos: 0, Offset: 27},
		{Op: "publish", Actor: "ed1", Partial: true},
	}},
	{name: "rejecting a correction that superseded another restores the superseded text", broke: invLiveText, steps: []step{
		{Op: "correct", Actor: "ed1", Pos: 5, Text: "8 billion in 2021, and Elon Musk was pleased."},
		{Op: "correct", Actor: "ed2", Pos: 5, Text: "8 billion in 2021, and Elon Musk was pleased, said Isaxon."},
		{Op: "reject", Actor: "ed1", Pos: 5, Reason: "typography"},
		{Op: "publish", Actor: "ed2", Partial: true},
	}},
	{name: "splitting and merging reviewed segments leaves a reviewed wrong form unflagged in a clean segment", broke: invFindings, steps: []step{
		{Op: "correct", Actor: "ed1", Pos: 7, Text: "The quickly weather large was fine."},
		{Op: "approve", Actor: "ed2", Pos: 7},
		{Op: "merge", Actor: "ed2", Pos: 4},
		{Op: "split", Actor: "ed2", Pos: 6, Offset: 29},
		{Op: "correct", Actor: "ed2", Pos: 6, Text: "The quickly weather large was, said Isaxon."},
		{Op: "approve", Actor: "ed1", Pos: 6},
		{Op: "split", Actor: "ed1", Pos: 6, Offset: 35},
		{Op: "split", Actor: "ed1", Pos: 2, Offset: 3},
		{Op: "merge", Actor: "ed2", Pos: 8},
	}},
}

// TestPropertyCases replays propertyCases with every invariant checked
// after every step. Gated with TestProperty: the workflow before issue 14's
// fixes breaks them.
func TestPropertyCases(t *testing.T) {
	w := newPropWorld(t)
	only := invariantSet(propertyInvariants)
	for _, tt := range propertyCases {
		t.Run(tt.name, func(t *testing.T) {
			r := w.newRun(t)
			var log strings.Builder
			for i, s := range tt.steps {
				outcome, vs := r.apply(r.load(), s, only)
				fmt.Fprintf(&log, "  %3d %s // %s\n", i, s, outcome)
				if len(vs) > 0 {
					st := r.load()
					var b strings.Builder
					for _, v := range vs {
						fmt.Fprintf(&b, "  %s\n", v)
						b.WriteString(describe(st, v.pos))
					}
					t.Fatalf("after step %d (it broke invariant %d before the fixes):\n%s\nop log:\n%s", i, tt.broke, b.String(), log.String())
				}
			}
		})
	}
}
