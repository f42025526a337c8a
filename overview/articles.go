package overview

import (
	"context"
	"errors"
	"time"

	"gorm.io/gorm"

	"lector/account"
	"lector/apperr"
	"lector/review"
)

// States are the segment states in the order the bars stack them: from
// untouched to done.
func States() []string {
	return []string{review.StateClean, review.StateFlagged, review.StateInProgress, review.StateCorrected,
		review.StateRejected, review.StateApproved}
}

// Kinds are the flag kinds, and FlagStatuses the statuses a kind's bar
// stacks.
func Kinds() []string { return []string{"name", "term", "typography", "segmentation"} }

func FlagStatuses() []string {
	return []string{review.FlagOpen, review.FlagResolved, review.FlagDismissed}
}

// ApprovalWindow is how far back the overview of all articles measures the
// time to approval; one article's overview measures all of its history.
const ApprovalWindow = 30 * 24 * time.Hour

// KindFlags is the flags of one kind by status, in FlagStatuses order.
type KindFlags struct {
	Kind     string
	Statuses []Part
	Total    int
	Bar      Chart // scaled to the kind with the most flags
}

// ApprovalTimes is how long approved corrections waited, from submission
// to approval.
type ApprovalTimes struct {
	Count       int
	Median, P90 time.Duration
}

// Span is a duration in the unit that reads best: minutes below an hour,
// hours below two days, days beyond.
type Span struct {
	Unit string // minutes, hours or days
	N    int
}

func spanOf(d time.Duration) Span {
	switch {
	case d < time.Hour:
		return Span{"minutes", int(d.Round(time.Minute) / time.Minute)}
	case d < 48*time.Hour:
		return Span{"hours", int(d.Round(time.Hour) / time.Hour)}
	}
	return Span{"days", int(d.Round(24*time.Hour) / (24 * time.Hour))}
}

// MedianSpan and P90Span are the two times as shown.
func (a ApprovalTimes) MedianSpan() Span { return spanOf(a.Median) }
func (a ApprovalTimes) P90Span() Span    { return spanOf(a.P90) }

// MedianBar and P90Bar compare the two times, the 90th percentile's bar
// the full width.
func (a ApprovalTimes) MedianBar() Chart {
	return RowBar([]Part{{Key: "median", Class: "fill-wait-median", Count: int(a.Median / time.Second)}}, int(a.P90/time.Second), 24)
}
func (a ApprovalTimes) P90Bar() Chart {
	return RowBar([]Part{{Key: "p90", Class: "fill-wait-p90", Count: int(a.P90 / time.Second)}}, int(a.P90/time.Second), 24)
}

// Picture is what the overview of all articles and of one shows.
type Picture struct {
	States   []Part // by States, every state present, zeros included
	Segments int
	Flags    []KindFlags // by Kinds
	Approval ApprovalTimes
	// Window is the days the approval times look back, 0 for all time.
	Window int
}

// StatusNames are the flag statuses, for the table's columns.
func (Picture) StatusNames() []string { return FlagStatuses() }

// StateChart is the stacked bar of the segment states.
func (p Picture) StateChart() Chart { return StackedBar(p.States, 48) }

// articleHead is what an article's overview shows of the article itself.
type articleHead struct {
	ID         int64
	Title      string
	Lang       string
	SourceLang *string
}

// ArticleRow is one article of the overview's list with its segment states.
type ArticleRow struct {
	articleHead
	States    []Part
	Segments  int
	OpenFlags int
}

// StateChart is the row's stacked bar.
func (r ArticleRow) StateChart() Chart { return StackedBar(r.States, 24) }

// ArticleOverview is one article and its picture.
type ArticleOverview struct {
	articleHead
	Picture
}

type stateRow struct {
	ArticleID int64
	State     string
	N         int
}

// stateParts orders counts by States, zeros included.
func stateParts(counts map[string]int) ([]Part, int) {
	parts := make([]Part, 0, len(States()))
	total := 0
	for _, s := range States() {
		parts = append(parts, Part{Key: s, Class: "fill-state-" + s, Count: counts[s]})
		total += counts[s]
	}
	return parts, total
}

type kindRow struct {
	Kind, Status string
	N            int
}

func kindFlags(rows []kindRow) []KindFlags {
	counts := map[[2]string]int{}
	for _, r := range rows {
		counts[[2]string{r.Kind, r.Status}] += r.N
	}
	out := make([]KindFlags, 0, len(Kinds()))
	most := 0
	for _, k := range Kinds() {
		kf := KindFlags{Kind: k}
		for _, s := range FlagStatuses() {
			n := counts[[2]string{k, s}]
			kf.Statuses = append(kf.Statuses, Part{Key: s, Class: "fill-flag-" + s, Count: n})
			kf.Total += n
		}
		most = max(most, kf.Total)
		out = append(out, kf)
	}
	for i := range out {
		out[i].Bar = RowBar(out[i].Statuses, most, 24)
	}
	return out
}

type approvalRow struct {
	N           int
	Median, P90 float64 // seconds
}

func (r approvalRow) times() ApprovalTimes {
	return ApprovalTimes{Count: r.N, Median: time.Duration(r.Median * float64(time.Second)),
		P90: time.Duration(r.P90 * float64(time.Second))}
}

const approvalSelect = `
SELECT count(*) AS n,
       coalesce(percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM c.reviewed_at - c.created_at)), 0) AS median,
       coalesce(percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM c.reviewed_at - c.created_at)), 0) AS p90`

// Totals is the picture of every article: all segments by state and all
// flags by kind and status, from the counts kept current by migration
// 00027's triggers, and the time to approval of the corrections approved
// in the ApprovalWindow before now (RecentApprovals). Editors only. Codes:
// unauthorized, forbidden.
func Totals(ctx context.Context, db *gorm.DB, p *account.Principal, now time.Time) (*Picture, error) {
	ap, err := RecentApprovals(ctx, db, p, now)
	if err != nil {
		return nil, err
	}
	return totalsWith(ctx, db, ap)
}

// totalsWith is Totals with its approval times given.
func totalsWith(ctx context.Context, db *gorm.DB, ap ApprovalTimes) (*Picture, error) {
	states, err := countedStates(ctx, db)
	if err != nil {
		return nil, err
	}
	kinds, err := countedFlags(ctx, db)
	if err != nil {
		return nil, err
	}
	pic := picture(states, kinds, approvalRow{})
	pic.Approval = ap
	pic.Window = int(ApprovalWindow / (24 * time.Hour))
	return pic, nil
}

// RecentApprovals is the time to approval of the corrections approved in
// the ApprovalWindow before now: the one figure of Totals that is still
// counted (over an index of both times), some 8 ms at 40,000 corrections
// on a loaded machine. Editors only. Codes: unauthorized, forbidden.
func RecentApprovals(ctx context.Context, db *gorm.DB, p *account.Principal, now time.Time) (ApprovalTimes, error) {
	if err := account.Require(p, account.RoleEditor); err != nil {
		return ApprovalTimes{}, err
	}
	var ap approvalRow
	err := db.WithContext(ctx).Raw(approvalSelect+` FROM corrections c WHERE c.status = 'approved' AND c.reviewed_at >= ?`, now.Add(-ApprovalWindow)).
		Scan(&ap).Error
	if err != nil {
		return ApprovalTimes{}, apperr.Wrap(err, "overview approval times")
	}
	return ap.times(), nil
}

func picture(states []stateRow, kinds []kindRow, ap approvalRow) *Picture {
	counts := map[string]int{}
	for _, s := range states {
		counts[s.State] += s.N
	}
	pic := &Picture{Flags: kindFlags(kinds), Approval: ap.times()}
	pic.States, pic.Segments = stateParts(counts)
	return pic
}

// ArticlePageSize is how many articles one page of the overview lists.
const ArticlePageSize = 50

// ArticleRows returns the newest articles with ids below before (0: the
// newest of all), ArticlePageSize of them and one more when there are
// more, each with its segments by state and its open flags. Editors only.
// Codes: unauthorized, forbidden.
func ArticleRows(ctx context.Context, db *gorm.DB, p *account.Principal, before int64) ([]ArticleRow, error) {
	if err := account.Require(p, account.RoleEditor); err != nil {
		return nil, err
	}
	db = db.WithContext(ctx)
	q := db.Table("articles").Select("id, title, lang, source_lang").Order("id DESC").Limit(ArticlePageSize + 1)
	if before > 0 {
		q = q.Where("id < ?", before)
	}
	var heads []articleHead
	if err := q.Scan(&heads).Error; err != nil {
		return nil, apperr.Wrap(err, "overview articles")
	}
	rows := make([]ArticleRow, len(heads))
	if len(rows) == 0 {
		return rows, nil
	}
	for i, h := range heads {
		rows[i].articleHead = h
	}
	ids := make([]int64, len(rows))
	for i, r := range rows {
		ids[i] = r.ID
	}
	var states []stateRow
	err := db.Raw(`SELECT article_id, state, count(*) AS n FROM segments WHERE article_id IN ? GROUP BY article_id, state`, ids).
		Scan(&states).Error
	if err != nil {
		return nil, apperr.Wrap(err, "overview article states")
	}
	var open []struct {
		ArticleID int64
		N         int
	}
	// A count per segment, through the flags' segment index: as a join
	// (LATERAL included, which the planner flattens) PostgreSQL chose to
	// hash every open flag, 46 ms at 100,000 segments against 2.
	err = db.Raw(`SELECT s.article_id, sum((SELECT count(*) FROM flags f WHERE f.segment_id = s.id AND f.status = 'open')) AS n
FROM segments s WHERE s.article_id IN ? GROUP BY s.article_id`, ids).Scan(&open).Error
	if err != nil {
		return nil, apperr.Wrap(err, "overview article flags")
	}
	byArticle := map[int64]map[string]int{}
	for _, s := range states {
		if byArticle[s.ArticleID] == nil {
			byArticle[s.ArticleID] = map[string]int{}
		}
		byArticle[s.ArticleID][s.State] = s.N
	}
	openOf := map[int64]int{}
	for _, o := range open {
		openOf[o.ArticleID] = o.N
	}
	for i := range rows {
		rows[i].States, rows[i].Segments = stateParts(byArticle[rows[i].ID])
		rows[i].OpenFlags = openOf[rows[i].ID]
	}
	return rows, nil
}

// Article is one article's picture: its segments by state, its flags by
// kind and status, and the time to approval of all its approved
// corrections. Editors only. Codes: unauthorized, forbidden, not_found.
func Article(ctx context.Context, db *gorm.DB, p *account.Principal, id int64) (*ArticleOverview, error) {
	if err := account.Require(p, account.RoleEditor); err != nil {
		return nil, err
	}
	db = db.WithContext(ctx)
	var a ArticleOverview
	err := db.Table("articles").Select("id, title, lang, source_lang").Where("id = ?", id).Take(&a.articleHead).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, apperr.New(apperr.NotFound, "error.article_not_found", map[string]any{"ID": id})
	}
	if err != nil {
		return nil, apperr.Wrap(err, "overview article")
	}
	var states []stateRow
	if err := db.Raw(`SELECT state, count(*) AS n FROM segments WHERE article_id = ? GROUP BY state`, id).Scan(&states).Error; err != nil {
		return nil, apperr.Wrap(err, "overview article states")
	}
	var kinds []kindRow
	err = db.Raw(`SELECT f.kind, f.status, count(*) AS n FROM flags f JOIN segments s ON s.id = f.segment_id
WHERE s.article_id = ? GROUP BY f.kind, f.status`, id).Scan(&kinds).Error
	if err != nil {
		return nil, apperr.Wrap(err, "overview article flags")
	}
	var ap approvalRow
	err = db.Raw(approvalSelect+` FROM corrections c JOIN segments s ON s.id = c.segment_id
WHERE s.article_id = ? AND c.status = 'approved'`, id).Scan(&ap).Error
	if err != nil {
		return nil, apperr.Wrap(err, "overview article approval times")
	}
	a.Picture = *picture(states, kinds, ap)
	return &a, nil
}

// Approved is how many of the row's segments are approved.
func (r ArticleRow) Approved() int {
	for _, p := range r.States {
		if p.Key == review.StateApproved {
			return p.Count
		}
	}
	return 0
}
