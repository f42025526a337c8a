package rescan

import (
	"bufio"
	"cmp"
	"context"
	"errors"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/riverqueue/river/riverdriver/riverdatabasesql"
	"github.com/riverqueue/river/rivermigrate"
	"gorm.io/gorm"

	"lector/database"
	"lector/database/dbtest"
	"lector/glossary"
	"lector/review"
)

// TestRiverSchemaIsCurrent: migration 00009 holds every River migration of
// the River version in go.mod, recorded as rivermigrate records them; after
// a River upgrade with new migrations this fails until a new goose
// migration adds them.
func TestRiverSchemaIsCurrent(t *testing.T) {
	db := dbtest.New(t)
	sqlDB := dbtest.SQL(t, db)
	m, err := rivermigrate.New(riverdatabasesql.New(sqlDB), &rivermigrate.Config{Logger: quiet()})
	if err != nil {
		t.Fatal(err)
	}
	res, err := m.Validate(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if !res.OK {
		t.Fatalf("River's schema is not current: %v", res.Messages)
	}
}

func startQueue(t *testing.T, db *gorm.DB, opts Options) *Queue {
	t.Helper()
	opts.PollEvery = cmpOr(opts.PollEvery, 50*time.Millisecond)
	q := newQueue(t, db, opts)
	dbtest.Run(t, q)
	return q
}

// newQueue is New on db's database, quiet unless opts.Logger is set, not
// started.
func newQueue(t *testing.T, db *gorm.DB, opts Options) *Queue {
	t.Helper()
	opts.Logger = cmp.Or(opts.Logger, quiet())
	q, err := New(db, dbtest.JobsPool(t, db), opts)
	if err != nil {
		t.Fatal(err)
	}
	return q
}

// TestGlossaryWriteRescansEveryArticle: a new wrong form, written with its
// rescan, flags every article through a real River client, with the
// progress in rows.
func TestGlossaryWriteRescansEveryArticle(t *testing.T) {
	db := dbtest.New(t)
	ids := articles(t, db, 3)
	q := startQueue(t, db, Options{})
	addTerm(t, db, q)
	r := waitFinished(t, db, 30*time.Second)
	if r.Total != 3 || r.Done != 3 || r.FlagsAdded != 3 || r.FlagsClosed != 0 || r.Reason != "glossary.create" {
		t.Errorf("rescan %+v, want 3 of 3 articles, 3 flags added, reason glossary.create", r)
	}
	flags := openFlags(t, db)
	for _, id := range ids {
		if flags[id] != 1 {
			t.Errorf("article %d has %d open flags, want 1", id, flags[id])
		}
	}
	var flagged int64
	db.Model(&review.Segment{}).Where("state = ?", review.StateFlagged).Count(&flagged)
	if flagged != 3 {
		t.Errorf("%d flagged segments, want 3", flagged)
	}
}

// TestSliceUsedUpByItsStartStillProgresses: a slice that is over before
// its first article (a large glossary loading on a busy machine) still
// rescans one article, so the rescan finishes instead of snoozing for ever.
func TestSliceUsedUpByItsStartStillProgresses(t *testing.T) {
	db := dbtest.New(t)
	articles(t, db, 3)
	q := startQueue(t, db, Options{Slice: time.Nanosecond})
	addTerm(t, db, q)
	r := waitFinished(t, db, 30*time.Second)
	if r.Done != 3 || r.FlagsAdded != 3 {
		t.Errorf("rescan %+v, want 3 of 3 articles with 3 flags", r)
	}
	var attempts int
	db.Table("river_job").Select("attempt").Where("id = ?", r.JobID).Scan(&attempts)
	if attempts != 1 {
		t.Errorf("the job used %d attempts, want 1 (slices snooze, they do not fail)", attempts)
	}
}

// TestBurstOfWritesMakesOneRescan: writes before a rescan starts share its
// job; a write while it runs asks for exactly one more.
func TestBurstOfWritesMakesOneRescan(t *testing.T) {
	db := dbtest.New(t)
	articles(t, db, 2)
	q := newQueue(t, db, Options{}) // not started: nothing works the jobs yet
	ctx := context.Background()
	enqueue := func(n int) {
		for range n {
			if err := db.Transaction(func(tx *gorm.DB) error { return q.Enqueue(ctx, tx, "glossary.update") }); err != nil {
				t.Fatal(err)
			}
		}
	}
	jobs := func() (n int64) {
		if err := db.Table("river_job").Where("kind = ?", Kind).Count(&n).Error; err != nil {
			t.Fatal(err)
		}
		return n
	}
	enqueue(10)
	if n := jobs(); n != 1 {
		t.Fatalf("10 writes queued %d rescan jobs, want 1", n)
	}
	// The job starts (as a worker's first step does): later writes must not
	// be folded into it, since it may have read the glossary before them.
	var jobID int64
	db.Table("river_job").Select("id").Where("kind = ?", Kind).Scan(&jobID)
	if err := db.Exec("UPDATE river_job SET state = 'running', attempt = 1, attempted_at = now() WHERE id = ?", jobID).Error; err != nil {
		t.Fatal(err)
	}
	if _, err := begin(ctx, db, jobID, "glossary.update"); err != nil {
		t.Fatal(err)
	}
	enqueue(5)
	if n := jobs(); n != 2 {
		t.Fatalf("after the rescan started, 5 more writes left %d jobs, want 2", n)
	}
	p, err := Latest(ctx, db, 5)
	if err != nil {
		t.Fatal(err)
	}
	if p.Queued != 1 || len(p.Rescans) != 1 || p.Rescans[0].Total != 2 || p.Rescans[0].Finished() {
		t.Errorf("progress %+v, want one running rescan of 2 articles and 1 queued", p)
	}
}

// TestRescanSurvivesAKilledProcess: a lector process is killed in the
// middle of a rescan; another process rescues the job, resumes it, and no
// article is done twice.
func TestRescanSurvivesAKilledProcess(t *testing.T) {
	url := dbtest.NewURL(t)
	ctx := context.Background()
	db, err := database.Open(ctx, database.Options{URL: url, Logger: quiet()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	ids := articles(t, db.Gorm, 4)
	inserter, err := New(db.Gorm, db.JobsPool, Options{Logger: quiet()})
	if err != nil {
		t.Fatal(err)
	}
	addTerm(t, db.Gorm, inserter)

	cmd := exec.CommandContext(t.Context(), os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), helperEnv+"="+url)
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil || line != "frozen\n" {
		cmd.Process.Kill()
		t.Fatalf("helper process said %q, %v", line, err)
	}
	var before Rescan
	db.Gorm.Take(&before)
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	if before.Done != 1 || before.Finished() {
		t.Fatalf("when killed the rescan was %+v, want 1 article done", before)
	}

	// The new process rescues jobs running for over 2 s; it waits for the
	// dead process's leadership of River's maintenance to lapse (15 s).
	startQueue(t, db.Gorm, Options{JobTimeout: time.Second, RescueAfter: 2 * time.Second})
	r := waitFinished(t, db.Gorm, 90*time.Second)
	if r.ID != before.ID || r.Done != 4 || r.Total != 4 || r.FlagsAdded != 4 {
		t.Errorf("rescan %+v, want rescan %d resumed to 4 of 4 articles with 4 flags added", r, before.ID)
	}
	flags := openFlags(t, db.Gorm)
	for _, id := range ids {
		if flags[id] != 1 {
			t.Errorf("article %d has %d open flags, want exactly 1", id, flags[id])
		}
	}
	var attempts int
	db.Gorm.Table("river_job").Select("attempt").Where("id = ?", r.JobID).Scan(&attempts)
	if attempts != 2 {
		t.Errorf("the job ran %d times, want 2 (the killed run and the rescue)", attempts)
	}
}

// TestStopPutsTheJobBack: a process that stops in the middle of a rescan
// finishes the article in hand and puts the job back; the next process
// resumes it without using up an attempt.
func TestStopPutsTheJobBack(t *testing.T) {
	db := dbtest.New(t)
	articles(t, db, 3)
	reached, release := make(chan struct{}), make(chan struct{})
	n := 0
	q := newQueue(t, db, Options{PollEvery: 50 * time.Millisecond,
		beforeArticle: func(context.Context, int64) error {
			if n++; n == 2 {
				close(reached)
				<-release
			}
			return nil
		}})
	if err := q.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	addTerm(t, db, q)
	select {
	case <-reached:
	case <-time.After(30 * time.Second):
		t.Fatal("the rescan never reached its second article")
	}
	errc := make(chan error, 1)
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		errc <- q.Stop(ctx)
	}()
	<-q.stopping
	close(release)
	if err := <-errc; err != nil {
		t.Fatal(err)
	}
	var r Rescan
	db.Take(&r)
	var job struct {
		State   string
		Attempt int
	}
	db.Table("river_job").Select("state, attempt").Where("id = ?", r.JobID).Scan(&job)
	if r.Done != 2 || r.Finished() || (job.State != "available" && job.State != "scheduled") {
		t.Fatalf("after Stop: rescan %+v, job %+v; want 2 of 3 done and the job back in the queue", r, job)
	}
	startQueue(t, db, Options{})
	if r := waitFinished(t, db, 30*time.Second); r.Done != 3 || r.FlagsAdded != 3 {
		t.Errorf("resumed rescan %+v, want 3 of 3 with 3 flags", r)
	}
}

// TestImportAsksForARescanInItsTransaction: an import that changes the
// glossary inserts the job with its rows (COPY path included), and when
// asking fails the import is rolled back.
func TestImportAsksForARescanInItsTransaction(t *testing.T) {
	db := dbtest.New(t)
	q := newQueue(t, db, Options{})
	ctx := context.Background()
	refuse := func(context.Context, *gorm.DB, string) error { return errors.New("no queue") }
	if _, err := glossary.Import(ctx, db, []glossary.Entry{kyiv()}, glossary.ImportOptions{Changed: refuse}); err == nil {
		t.Fatal("the import went through although asking for its rescan failed")
	}
	var entries, jobs int64
	db.Model(&glossary.Entry{}).Count(&entries)
	if entries != 0 {
		t.Fatalf("%d entries stored by a rolled-back import", entries)
	}
	if _, err := glossary.Import(ctx, db, []glossary.Entry{kyiv()}, glossary.ImportOptions{Changed: q.Enqueue}); err != nil {
		t.Fatal(err)
	}
	db.Model(&glossary.Entry{}).Count(&entries)
	db.Table("river_job").Where("kind = ? AND args->>'reason' = ?", Kind, glossary.ReasonImport).Count(&jobs)
	if entries != 1 || jobs != 1 {
		t.Errorf("%d entries, %d rescan jobs; want 1 and 1", entries, jobs)
	}
}
