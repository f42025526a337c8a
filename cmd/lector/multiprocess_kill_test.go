package main

import (
	"context"
	"fmt"
	"net/http"
	"os/exec"
	"strings"
	"testing"
	"time"

	"gorm.io/gorm"

	"lector/account"
	"lector/database/dbtest"
	"lector/review"
	"lector/review/reviewtest"
)

// Job timings of the processes of TestTwoProcesses: a rescan goes on in
// slices of about 1.3 s, and a job of a dead process is retried after 3 s,
// not a minute, so that a killed process costs the test seconds.
var shortJobs = []string{"--job-timeout", "2s", "--job-rescue-after", "3s"}

// killedArticles is how many articles the killed rescan covers: more than
// one slice can do, with room to spare, so that the kill lands mid-way.
const killedArticles = 300

// killedLosesNoJob: a glossary write asks for a rescan of every article;
// the process running it is killed (SIGKILL) mid-way; the surviving
// processes rescue the same job and finish the same rescan, every article
// done exactly once.
//
// Which process runs the job is River's choice, and after every slice it
// may change, so the test does not guess: it waits until the job is running
// with some articles done and a fresh slice (so that it cannot move before
// the kill), reads the process id from the River client id in
// river_job.attempted_by (rescan.clientID), kills that process, and then
// checks that the job was still marked running by the dead process. procs
// maps process ids to the lector processes; C, started for this subtest,
// keeps two survivors whichever process dies.
func killedLosesNoJob(t *testing.T, db *gorm.DB, procs map[int]lectorProc, base string) {
	ctx := context.Background()
	ed := reviewtest.User(t, db, "kill-ed@example.org", account.RoleEditor)
	gl := reviewtest.User(t, db, "kill-gloss@example.org", account.RoleGlossary)
	ids := make([]int64, killedArticles)
	for i := range ids {
		a, err := review.CreateArticle(ctx, db, review.NewChecker(nil), review.NewArticle{Title: fmt.Sprintf("Kill %d", i+1),
			Lang: "en", Text: fmt.Sprintf("Bo Trelk met reader %d.\n\nThe talk was short.", i+1), CreatedBy: &ed.UserID})
		if err != nil {
			t.Fatal(err)
		}
		ids[i] = a.ID
	}
	entry := map[string]any{"key": "trellik", "type": "person", "terms": []map[string]any{
		{"lang": "en", "form": "Bo Trellik", "status": "preferred"},
		{"lang": "en", "form": "Bo Trelk", "status": "deprecated"}}}
	var created struct {
		ID int64 `json:"id"`
	}
	if st := api(t, gl, http.MethodPost, base+"/api/v1/glossary/entries", entry, &created); st != http.StatusCreated {
		t.Fatalf("creating the entry: status %d", st)
	}
	var job int64
	db.Raw(`SELECT max(id) FROM river_job WHERE kind = 'rescan'`).Scan(&job)

	asked := time.Now()
	victim, rescan := killRunner(t, db, procs, job)
	started := time.Now()
	t.Logf("the kill came %.1f s after the glossary write", started.Sub(asked).Seconds())
	var total int64
	db.Raw(`SELECT count(*) FROM articles`).Scan(&total)
	var r struct {
		Total, Done int64
		Finished    bool
		State       string
	}
	// River marks the job completed just after the rescan's last
	// transaction: wait for both.
	for {
		db.Raw(`SELECT r.total, r.done, r.finished_at IS NOT NULL AS finished, j.state FROM rescans r
JOIN river_job j ON j.id = r.job_id WHERE r.id = ?`, rescan).Scan(&r)
		if r.Finished && r.State == "completed" {
			break
		}
		if time.Since(started) > 60*time.Second {
			t.Fatalf("rescan %d not finished 60 s after process %d was killed: %+v", rescan, victim, r)
		}
		time.Sleep(200 * time.Millisecond)
	}
	t.Logf("process %d killed; the survivors finished rescan %d (%d articles) %.1f s later", victim, rescan, total, time.Since(started).Seconds())
	if r.Total != total || r.Done != total {
		t.Errorf("rescan %d did %d of %d articles, want all %d", rescan, r.Done, r.Total, total)
	}
	var recorded, distinct, rescans int64
	db.Raw(`SELECT count(*), count(DISTINCT article_id) FROM rescan_articles WHERE rescan_id = ?`, rescan).Row().Scan(&recorded, &distinct)
	if recorded != total || distinct != total {
		t.Errorf("rescan_articles holds %d rows for %d articles, want each of the %d articles once", recorded, distinct, total)
	}
	db.Raw(`SELECT count(*) FROM rescans WHERE job_id = ?`, job).Scan(&rescans)
	if rescans != 1 {
		t.Errorf("job %d made %d rescans, want 1 (resumed, not restarted)", job, rescans)
	}
	var flagged []struct {
		ArticleID int64
		N         int
	}
	db.Raw(`SELECT s.article_id, count(f.id) AS n FROM segments s LEFT JOIN flags f ON f.segment_id = s.id
AND f.status = 'open' AND f.glossary_entry_id = ? WHERE s.article_id IN ? GROUP BY s.article_id`, created.ID, ids).Scan(&flagged)
	if len(flagged) != len(ids) {
		t.Errorf("%d articles looked at, want %d", len(flagged), len(ids))
	}
	for _, f := range flagged {
		if f.N != 1 {
			t.Errorf("article %d has %d open flags for Bo Trelk, want exactly 1", f.ArticleID, f.N)
		}
	}
	var errs []string
	db.Raw(`SELECT unnest(errors)->>'error' FROM river_job WHERE id = ?`, job).Scan(&errs)
	if len(errs) != 1 || !strings.Contains(errs[0], "rescued") {
		t.Errorf("job %d completed with errors %q, want the one rescue of the killed run", job, errs)
	}
}

// lectorProc is one lector process of the test and its name in the log.
type lectorProc struct {
	cmd  *exec.Cmd
	name string
	log  *dbtest.LockedBuffer
}

// rescanLog is what the processes logged of rescans, for a failure's message.
func rescanLog(procs map[int]lectorProc) string {
	var b strings.Builder
	for _, p := range procs {
		for _, line := range strings.Split(p.log.String(), "\n") {
			if strings.Contains(line, "rescan") {
				fmt.Fprintf(&b, "%s: %s\n", p.name, line)
			}
		}
	}
	return b.String()
}

// killRunner waits until job runs with some articles done and some left in
// a slice begun less than 0.7 s ago, kills the process running it and
// returns that process's id and the rescan's id.
//
// The window holds however fast the machine is: a first slice that takes
// longer than 0.7 s to reach its first article has had at most 0.6 s of its
// 1.3 s for articles, far too little for all of them, so the second slice
// begins with some done; a faster first slice is caught in it.
func killRunner(t *testing.T, db *gorm.DB, procs map[int]lectorProc, job int64) (pid int, rescan int64) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for ; time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		var run struct {
			Rescan      int64
			By          string
			Done, Total int
		}
		// A slice lasts about 1.3 s: one begun less than 0.7 s ago still
		// runs when the kill lands a few milliseconds later.
		db.Raw(`SELECT r.id AS rescan, r.done, r.total, j.attempted_by[array_length(j.attempted_by, 1)] AS by
FROM river_job j JOIN rescans r ON r.job_id = j.id
WHERE j.id = ? AND j.state = 'running' AND j.attempted_at > now() - interval '700 ms'
AND r.done >= 1 AND r.done < r.total`, job).Scan(&run)
		if run.By == "" {
			continue
		}
		if _, err := fmt.Sscanf(run.By[strings.Index(run.By, "_pid")+4:], "%d", &pid); err != nil || procs[pid].cmd == nil {
			t.Fatalf("job %d runs on %q, not one of this test's processes", job, run.By)
		}
		if err := procs[pid].cmd.Process.Kill(); err != nil {
			t.Fatal(err)
		}
		procs[pid].cmd.Wait()
		var still struct {
			State string
			By    string
		}
		db.Raw(`SELECT state, attempted_by[array_length(attempted_by, 1)] AS by FROM river_job WHERE id = ?`, job).Scan(&still)
		if still.State != "running" || still.By != run.By {
			t.Fatalf("job %d moved before the kill: %+v", job, still)
		}
		t.Logf("killed process %d (%s) running rescan %d with %d of %d articles done",
			pid, procs[pid].name, run.Rescan, run.Done, run.Total)
		return pid, run.Rescan
	}
	t.Fatalf("job %d never ran mid-way within 30 s; the processes logged:\n%s", job, rescanLog(procs))
	return 0, 0
}
