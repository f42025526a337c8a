package review

import "encoding/json"

// ApprovalNote is what an approval's audit event says about the segment's
// flags, for the history: how many the approved text resolved, how many it
// left open, and whether the editor approved over those.
type ApprovalNote struct {
	Resolved, Open int
	Over           bool
}

// ApprovalNote reads an approve event's detail; nil for other events and
// for approvals recorded before findings were checked again.
func (e HistoryEvent) ApprovalNote() *ApprovalNote {
	if e.Action != ActApprove {
		return nil
	}
	var d struct {
		Resolved *[]int64 `json:"resolved"`
		Open     []int64  `json:"open"`
		Over     bool     `json:"over_open_flags"`
	}
	if json.Unmarshal(e.Detail, &d) != nil || d.Resolved == nil {
		return nil
	}
	return &ApprovalNote{Resolved: len(*d.Resolved), Open: len(d.Open), Over: d.Over}
}
