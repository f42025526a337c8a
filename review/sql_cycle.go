package review

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"strings"
	"sync"
	"time"

	"lector/account"
)

// Run sends PostgreSQL the statements the server sends for one HTTP
// cycle, in the same transactions, with no HTTP, ORM or workflow code:
// the Bearer token's lookup (as often as the servers' token cache asks),
// the claim (held lease or pick, lease with its audit event; then the
// claim's flags), the submit (lock, supersede-and-insert, update with its
// event) and the approval (lock, correction and flags, the learned-forms
// lookup, segment with its event). The statements are the server's own
// text; only the learned-forms lookup, which the glossary package builds
// from the words, is written out. What it costs is the floor under the
// server's cost for the same work.
//
// Translator tr (API token trToken) claims and corrects a segment of
// article and editor ed (edToken) approves it; more is false when the
// article has nothing left to claim. Steps are the three steps' latencies.
func (l *SQLCycle) Run(ctx context.Context, article, tr, ed int64, trToken, edToken string) (more bool, steps []time.Duration, err error) {
	trP, edP := &account.Principal{UserID: tr}, &account.Principal{UserID: ed}
	var id int64
	var text string
	var rev int
	start := time.Now()
	err = l.lookupToken(ctx, l.db, trToken)
	if err == nil {
		err = inTx(ctx, l.db, func(tx *sql.Tx) error {
			q, args := claimQuery(QueueFilter{ArticleID: article}, tr)
			row, err := rowByName(ctx, tx, dollars(q), args...)
			if err != nil {
				return err
			}
			text = row["current_text"]
			if id, err = strconv.ParseInt(row["id"], 10, 64); err != nil {
				return err
			}
			if rev, err = strconv.Atoi(row["revision"]); err != nil {
				return err
			}
			ch := change{p: trP, action: ActClaim, from: StateFlagged, to: StateInProgress, withLeaseExpiresAt: true}
			return sqlChange(ctx, tx, ch, id, claimSet, StateInProgress, tr, intervalOf(LeaseDuration), StateFlagged)
		})
	}
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil, nil
	}
	if err == nil {
		if _, err = rowByName(ctx, l.db, dollars(flagsSQL), id); errors.Is(err, sql.ErrNoRows) {
			err = nil // a segment may have no flags
		}
	}
	if err != nil {
		return true, nil, err
	}
	steps = append(steps, time.Since(start))

	start = time.Now()
	after := text + " (checked)"
	var cid int64
	err = l.lookupToken(ctx, l.db, trToken)
	if err == nil {
		err = inTx(ctx, l.db, func(tx *sql.Tx) error {
			if _, err := rowByName(ctx, tx, dollars(lockSegmentSQL), id); err != nil {
				return err
			}
			var err error
			if cid, err = queryID(ctx, tx, dollars(submitInsertSQL), CorrectionSuperseded, id, CorrectionPending,
				id, tr, rev, text, after, "", CorrectionPending); err != nil {
				return err
			}
			ch := change{p: trP, action: ActSubmit, from: StateInProgress, to: StateCorrected, before: text, after: after,
				detail: map[string]any{"correction": cid, "comment": "", "revision": rev + 1}}
			return sqlChange(ctx, tx, ch, id, submitSet, after, StateCorrected)
		})
	}
	if err != nil {
		return true, steps, err
	}
	steps = append(steps, time.Since(start))

	start = time.Now()
	err = l.lookupToken(ctx, l.db, edToken)
	if err == nil {
		err = inTx(ctx, l.db, func(tx *sql.Tx) error {
			if _, err := rowByName(ctx, tx, dollars(lockSegmentOfSQL), cid); err != nil {
				return err
			}
			now := time.Now()
			if _, err := queryID(ctx, tx, dollars(approveSQL), CorrectionApproved, ed, now, cid, CorrectionPending, ed); err != nil {
				return err
			}
			// The server checks the approved text again (reflag), which is
			// CPU in the process, not statements: the SQL driver, which
			// measures the database's side, resolves the flags in one.
			if _, err := tx.ExecContext(ctx, `UPDATE flags SET status = $1, resolved_by = $2, resolved_at = $3
WHERE segment_id = $4 AND status = $5`, FlagResolved, ed, now, id, FlagOpen); err != nil {
				return err
			}
			// The approval asks the glossary about the words it added and
			// the ones it replaced.
			words := strings.Fields(strings.ToLower(text))
			last := words[len(words)-1]
			if _, err := tx.ExecContext(ctx, `SELECT entry_id, lang, form, status, case_sensitive FROM glossary_terms
WHERE lower(form) IN ($1, $2, $3, $4)`, "(checked)", last+" (checked)", last, "checked"); err != nil {
				return err
			}
			ch := change{p: edP, action: ActApprove, from: StateCorrected, to: StateApproved, before: text, after: after,
				detail: map[string]any{"correction": cid}}
			return sqlChange(ctx, tx, ch, id, stateSet, StateApproved)
		})
	}
	return true, append(steps, time.Since(start)), err
}

// sqlChange runs change.apply's statement.
func sqlChange(ctx context.Context, tx *sql.Tx, ch change, id int64, set string, setArgs ...any) error {
	q, args, err := ch.statement(id, set, setArgs)
	if err != nil {
		return err
	}
	if _, err := queryID(ctx, tx, dollars(q), args...); errors.Is(err, sql.ErrNoRows) { // not the end of the queue
		return errors.New("load test: a segment change updated no row")
	} else if err != nil {
		return err
	}
	return nil
}

// queryID runs a statement that returns rows with an id column and
// returns the first row's id.
func queryID(ctx context.Context, tx *sql.Tx, query string, args ...any) (int64, error) {
	row, err := rowByName(ctx, tx, query, args...)
	if err != nil {
		return 0, err
	}
	return strconv.ParseInt(row["id"], 10, 64)
}

// rowByName runs one of the server's statements, reads every row and
// column as the server does, and returns the first row by column name;
// sql.ErrNoRows when there is none.
func rowByName(ctx context.Context, q queryer, query string, args ...any) (map[string]string, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	var first map[string]string
	raw := make([]sql.RawBytes, len(cols))
	dest := make([]any, len(cols))
	for i := range raw {
		dest[i] = &raw[i]
	}
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return nil, err
		}
		if first == nil {
			first = make(map[string]string, len(cols))
			for i, c := range cols {
				first[c] = string(raw[i])
			}
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if first == nil {
		return nil, sql.ErrNoRows
	}
	return first, nil
}

// queryer is a *sql.DB or a *sql.Tx.
type queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// SQLCycle is the floor under a review cycle's cost: the workflow's own
// statements without HTTP, ORM or workflow code, for the load driver
// (package loadtest) to compare the server with. It lives here because the
// statements are this package's and stay private to it. It remembers when
// it last looked each token up, as the servers' token cache does, and is
// safe for concurrent use.
type SQLCycle struct {
	db         *sql.DB
	tokenCache time.Duration
	mu         sync.Mutex
	looked     map[string]time.Time
}

// NewSQLCycle runs cycles on db; tokenCache is the servers' API token cache
// TTL (config.Config.TokenCache), 0 for none.
func NewSQLCycle(db *sql.DB, tokenCache time.Duration) *SQLCycle {
	return &SQLCycle{db: db, tokenCache: tokenCache, looked: map[string]time.Time{}}
}

// lookupToken sends Authenticate's query for a Bearer token when the
// server would: every time without a token cache, else once per
// TokenCache per token.
func (l *SQLCycle) lookupToken(ctx context.Context, db *sql.DB, token string) error {
	if l.tokenCache > 0 {
		l.mu.Lock()
		fresh := time.Since(l.looked[token]) < l.tokenCache
		l.mu.Unlock()
		if fresh {
			return nil
		}
	}
	q, args := account.TokenQuery(token)
	if _, err := rowByName(ctx, db, dollars(q), args...); errors.Is(err, sql.ErrNoRows) { // not the end of the queue
		return errors.New("load test: API token not found")
	} else if err != nil {
		return err
	}
	l.mu.Lock()
	l.looked[token] = time.Now()
	l.mu.Unlock()
	return nil
}

func inTx(ctx context.Context, db *sql.DB, f func(*sql.Tx) error) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := f(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}
