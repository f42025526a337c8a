package review

import (
	"context"
	"fmt"
	"os"
	"testing"

	"gorm.io/gorm"

	"lector/account"
	"lector/database/dbtest"
	"lector/glossary"
	"lector/review/reviewtest"
)

// propertyArticle is the article every property run reviews: glossary names
// in deprecated forms ("Ilon Musk", "Isaxon", "Kim Jong -in"), a fuzzy one
// ("Bashara Assad"), a false friend in a context that flags it on its own
// ("The mask said"), typography ("$ 1."), the figure cut in two ("$ 1." /
// "8 billion", a broken paragraph) and clean sentences. Segments of a
// paragraph are separated by one space and paragraphs by a blank line, so
// that JoinSegments of the live segments rebuilds the text exactly: the
// invariants check the live text in the same context as the import did.
const propertyArticle = "Ilon Musk met Walter Isaxon in Austin. The biography took two years.\n\n" +
	"The mask said the launch was a success. Musk thanked the engineers.\n\n" +
	"SpaceX won a secret contract for the amount of $ 1.\n\n" +
	"8 billion in 2021, and Ilon Musk was pleased.\n\n" +
	"The company is in one list with Kim Jong -in and Bashara Assad. The weather was fine."

// wrongForms are known wrong forms a correction may bring in: the checker
// finds each of them in any sentence.
var wrongForms = []string{"Ilon Musk", "Isaxon", "Kim Jong -in", "Bashara Assad", "Zhaiir Bolsonar"}

// plainWords replace or join words in a random word edit; none is a
// glossary form.
var plainWords = []string{"quickly", "today", "again", "reportedly", "new", "large"}

// propWorld is the database, the glossary and the checker shared by the
// runs of one test; each run adds its own article and people.
type propWorld struct {
	db      *gorm.DB
	checker *Checker
	runs    int
	// extraOps are op rows a test of the runner adds to every run.
	extraOps []propOp
}

func newPropWorld(t *testing.T) *propWorld {
	t.Helper()
	db := dbtest.New(t)
	ctx := context.Background()
	if err := glossary.CreateEntries(ctx, db, loadGlossary(t, "seeds/glossary.csv")); err != nil {
		t.Fatal(err)
	}
	stored, err := glossary.LoadEntries(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	return &propWorld{db: db, checker: NewChecker(stored)}
}

// cast is the people of one run, by the names the op log uses.
type cast map[string]*account.Principal

// Actor names: two translators, two editors. The order is the order in
// which generators pick them.
var (
	translators = []string{"tr1", "tr2"}
	editors     = []string{"ed1", "ed2"}
)

// newRun adds a fresh article and fresh people for one run, so that runs
// (and the replays of shrinking) never see each other's rows.
func (w *propWorld) newRun(t *testing.T) *propRun {
	t.Helper()
	w.runs++
	people := cast{}
	for _, name := range translators {
		people[name] = reviewtest.User(t, w.db, fmt.Sprintf("%s-%d@example.org", name, w.runs), account.RoleTranslator)
	}
	for _, name := range editors {
		people[name] = reviewtest.User(t, w.db, fmt.Sprintf("%s-%d@example.org", name, w.runs), account.RoleEditor)
	}
	a, err := CreateArticle(context.Background(), w.db, w.checker,
		NewArticle{Title: fmt.Sprintf("Property run %d", w.runs), Lang: "en", Text: propertyArticle})
	if err != nil {
		t.Fatal(err)
	}
	r := &propRun{w: w, t: t, ctx: context.Background(), article: a.ID, people: people, ops: append(propOps(), w.extraOps...)}
	st := r.load()
	if got := JoinSegments(st.versionSegments()); got != propertyArticle {
		t.Fatalf("the live segments do not rebuild the article text (the invariants need them to):\n%q\n%q", got, propertyArticle)
	}
	return r
}

// propRun is one sequence of steps on one article.
type propRun struct {
	w              *propWorld
	t              *testing.T
	ctx            context.Context
	article        int64
	people         cast
	ops            []propOp // the op table; tests of the runner add rows
	checkedVersion int      // the versions up to this number were checked when they were published
}

func (r *propRun) db() *gorm.DB { return r.w.db.WithContext(r.ctx) }

// liveSeg is a segment as the invariants and generators see it, with its
// flags and corrections.
type liveSeg struct {
	Segment
	flags       []Flag
	corrections []Correction
	dismissals  []Dismissal
}

// liveState is the article read from the database after a step.
type liveState struct {
	segs []liveSeg
}

// load reads the article's segments in position order with their flags and
// corrections.
func (r *propRun) load() liveState {
	r.t.Helper()
	var segs []Segment
	if err := r.db().Where("article_id = ?", r.article).Order("position").Find(&segs).Error; err != nil {
		r.t.Fatal(err)
	}
	ids := make([]int64, len(segs))
	for i, s := range segs {
		ids[i] = s.ID
	}
	var flags []Flag
	var corrections []Correction
	if err := r.db().Where("segment_id IN ?", ids).Order("segment_id, start_offset, id").Find(&flags).Error; err != nil {
		r.t.Fatal(err)
	}
	if err := r.db().Where("segment_id IN ?", ids).Order("id").Find(&corrections).Error; err != nil {
		r.t.Fatal(err)
	}
	var dismissals []Dismissal
	if err := r.db().Where("segment_id IN ?", ids).Order("id").Find(&dismissals).Error; err != nil {
		r.t.Fatal(err)
	}
	st := liveState{segs: make([]liveSeg, len(segs))}
	at := map[int64]int{}
	for i, s := range segs {
		st.segs[i].Segment = s
		at[s.ID] = i
	}
	for _, f := range flags {
		st.segs[at[f.SegmentID]].flags = append(st.segs[at[f.SegmentID]].flags, f)
	}
	for _, c := range corrections {
		st.segs[at[c.SegmentID]].corrections = append(st.segs[at[c.SegmentID]].corrections, c)
	}
	for _, d := range dismissals {
		st.segs[at[d.SegmentID]].dismissals = append(st.segs[at[d.SegmentID]].dismissals, d)
	}
	return st
}

// versionSegments is the live article as segments of a version, each with
// its current text: the text the invariants check in context.
func (st liveState) versionSegments() []VersionSegment {
	out := make([]VersionSegment, len(st.segs))
	for i, s := range st.segs {
		out[i] = VersionSegment{Position: s.Position, Paragraph: s.Paragraph, Text: s.CurrentText, State: s.State}
	}
	return out
}

// at is the segment at position pos, nil when there is none.
func (st liveState) at(pos int) *liveSeg {
	if pos < 0 || pos >= len(st.segs) {
		return nil
	}
	return &st.segs[pos]
}

// pending is the segment's pending correction, nil when none.
func (s *liveSeg) pending() *Correction {
	for i := range s.corrections {
		if s.corrections[i].Status == CorrectionPending {
			return &s.corrections[i]
		}
	}
	return nil
}

func (s *liveSeg) openFlags() []Flag {
	var out []Flag
	for _, f := range s.flags {
		if f.Status == FlagOpen {
			out = append(out, f)
		}
	}
	return out
}

// holder is the name of the person holding the segment's lease, "" when
// nobody does.
func (r *propRun) holder(s *liveSeg) string {
	if s.State != StateInProgress || s.LeaseHolderID == nil {
		return ""
	}
	return r.nameOf(*s.LeaseHolderID)
}

// nameOf is the op-log name of a user of this run, "" for anyone else.
func (r *propRun) nameOf(id int64) string {
	for name, p := range r.people {
		if p.UserID == id {
			return name
		}
	}
	return ""
}

// digest is a fingerprint of everything a step may change in the
// article: a refused step must leave it as it was. Lease expiry times are
// left out (a claim of a held segment extends them).
func (r *propRun) digest() string {
	r.t.Helper()
	var out string
	err := r.db().Raw(`SELECT md5(concat_ws('|',
 (SELECT string_agg(concat_ws(',', id, position, paragraph, state, revision, coalesce(lease_holder_id, 0), mt_text, current_text), ';' ORDER BY id)
    FROM segments WHERE article_id = ?),
 (SELECT string_agg(concat_ws(',', f.id, f.segment_id, f.status, coalesce(f.resolved_by, 0), f.start_offset, f.end_offset, f.dismiss_reason), ';' ORDER BY f.id)
    FROM flags f JOIN segments s ON s.id = f.segment_id WHERE s.article_id = ?),
 (SELECT string_agg(concat_ws(',', c.id, c.segment_id, c.status, coalesce(c.reviewer_id, 0), c.text), ';' ORDER BY c.id)
    FROM corrections c JOIN segments s ON s.id = c.segment_id WHERE s.article_id = ?),
 (SELECT count(*) FROM article_versions WHERE article_id = ?),
 (SELECT count(*) FROM audit_events WHERE article_id = ?)))`, r.article, r.article, r.article, r.article, r.article).Scan(&out).Error
	if err != nil {
		r.t.Fatal(err)
	}
	return out
}

// loadGlossary parses a CSV glossary, path from the module root.
func loadGlossary(t *testing.T, path string) []glossary.Entry {
	t.Helper()
	f, err := os.Open("../" + path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	entries, err := glossary.ParseCSV(f, path)
	if err != nil {
		t.Fatal(err)
	}
	return entries
}
