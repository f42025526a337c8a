package review

import (
	"context"

	"gorm.io/gorm"

	"lector/account"
	"lector/apperr"
)

// PreviewApproval is what approving pending correction id would do to its
// segment's flags, computed without writing (a dry run of reflag): the
// review page asks for a decision before an approval that leaves flags
// open. Editors only, never for their own correction. Codes:
// unauthorized, forbidden, not_found, conflict (not pending).
func PreviewApproval(ctx context.Context, db *gorm.DB, checker *Checker, p *account.Principal, id int64) (*Correction, *ApprovalOutcome, error) {
	if err := account.Require(p, account.RoleEditor); err != nil {
		return nil, nil, err
	}
	var c *Correction
	var out *ApprovalOutcome
	err := db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if _, err := lockSegmentOf(ctx, tx, id); err != nil { // the approval's order: segment, then correction
			return err
		}
		var err error
		if c, err = checkPending(ctx, tx, p, id); err != nil {
			return err
		}
		out, err = previewApproval(ctx, tx, checker, c)
		return err
	})
	if err != nil {
		return nil, nil, apperr.Annotate(err, "preview approval")
	}
	return c, out, nil
}

// confirmApproval is the review page's question before an approval that
// would leave flags open: the flags, and the two ways on.
type confirmApproval struct {
	Correction *Correction
	Outcome    *ApprovalOutcome
	// InList is set for the htmx fragment that replaces the correction's
	// item in the list; without JavaScript the panel heads a whole page.
	InList bool
}

// Approval decisions about flags left open, the approve form's open_flags
// field.
const (
	approveAsk   = ""      // not decided: ask when flags would be left open
	approveQueue = "queue" // approve, the segment goes back to the queue
	approveOver  = "over"  // approve over the open flags
)
