package review

import "lector/account"

// correctionOffer is what the segment page offers the caller to correct a
// segment: the edit box, a claim of this very segment first ("Correct this
// segment"), or replacing their own pending correction. One place decides
// it, so that the page never shows a box whose submit must fail.
type correctionOffer struct {
	canEdit bool
	// CanClaim: a translator may lease this segment to correct it (clean
	// and approved segments included: the checker may have missed an error).
	CanClaim bool
	// ReplaceOwn: the segment waits for an editor with the caller's own
	// correction, which a translator may replace until it is reviewed.
	ReplaceOwn bool
	// ClaimOnSubmit: the conflict box claims the segment before submitting
	// (the caller's lease ended while the segment changed).
	ClaimOnSubmit bool
	// ConflictWait: after a stale revision the caller cannot submit now (a
	// correction by someone else waits, or someone else holds the segment).
	ConflictWait bool
	// OnlyOne: a skip found no other segment to claim.
	OnlyOne bool
}

// offerCorrection decides the offer for p on d's segment. Editors correct
// any segment nobody else holds; a translator corrects the segment they
// hold, claims one nobody holds, or replaces their own pending correction.
func offerCorrection(d *SegmentDetail, p *account.Principal) correctionOffer {
	s := &d.Segment
	var o correctionOffer
	switch {
	case d.HeldByMe:
		o.canEdit = true
	case p.Has(account.RoleEditor):
		o.canEdit = !leasedByOther(s, p)
	case !p.Has(account.RoleTranslator):
	case s.State == StateCorrected:
		o.ReplaceOwn = d.Pending != nil && d.Pending.AuthorID == p.UserID
		o.canEdit = o.ReplaceOwn
	default:
		o.CanClaim = !leasedByOther(s, p)
	}
	return o
}

// conflictBox turns the page of a stale revision into one whose box keeps
// the caller's text and can be submitted against the current revision:
// when the caller must claim the segment again, the submit does it.
func (pg *segmentPage) conflictBox() {
	switch {
	case pg.CanEdit:
	case pg.CanClaim:
		pg.CanEdit, pg.ClaimOnSubmit = true, true
	default:
		pg.ConflictWait = true
	}
}
