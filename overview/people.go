package overview

import (
	"context"
	"sort"
	"time"

	"gorm.io/gorm"

	"lector/account"
	"lector/apperr"
)

// PeopleDays is how many days, today included, the people's overview
// counts.
const PeopleDays = 30

// Acts are what the people's overview counts, in the order its columns
// stack: corrections a person submitted, and the corrections they
// approved or rejected as an editor.
func Acts() []string { return []string{"corrected", "approved", "rejected"} }

// Day is what one person did on one day (UTC).
type Day struct {
	Date                          time.Time
	Corrected, Approved, Rejected int
}

// Total is the day's acts together.
func (d Day) Total() int { return d.Corrected + d.Approved + d.Rejected }

// Person is one person's PeopleDays days, oldest first, every day present.
type Person struct {
	UserID                        int64
	Email                         string
	Days                          []Day
	Corrected, Approved, Rejected int
}

// Active is the days on which the person did something, newest first:
// the rows of the table beside the chart.
func (p Person) Active() []Day {
	var out []Day
	for i := len(p.Days) - 1; i >= 0; i-- {
		if p.Days[i].Total() > 0 {
			out = append(out, p.Days[i])
		}
	}
	return out
}

// Chart is one column per day, the acts stacked.
func (p Person) Chart() Chart {
	cols := make([][]Part, len(p.Days))
	for i, d := range p.Days {
		cols[i] = []Part{
			{Key: "corrected", Class: "fill-act-corrected", Count: d.Corrected},
			{Key: "approved", Class: "fill-act-approved", Count: d.Approved},
			{Key: "rejected", Class: "fill-act-rejected", Count: d.Rejected},
		}
	}
	return Columns(cols, 120)
}

// firstDay is the first of the PeopleDays days that end with now's day.
func firstDay(now time.Time) time.Time {
	y, m, d := now.UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC).AddDate(0, 0, -(PeopleDays - 1))
}

// People returns everyone who corrected, approved or rejected something
// in the PeopleDays days that end with now's day (UTC), most active
// first. A correction counts for its author on the day it was
// submitted, an approval or rejection for its editor on the day of the
// decision. Editors only. Codes: unauthorized, forbidden.
func People(ctx context.Context, db *gorm.DB, p *account.Principal, now time.Time) ([]Person, error) {
	if err := account.Require(p, account.RoleEditor); err != nil {
		return nil, err
	}
	from := firstDay(now)
	var rows []struct {
		UserID                        int64
		Email                         string
		Day                           time.Time
		Corrected, Approved, Rejected int
	}
	// The days are cut in UTC whatever the session's time zone.
	err := db.WithContext(ctx).Raw(`
WITH acts AS (
    SELECT author_id AS user_id, date_trunc('day', created_at AT TIME ZONE 'UTC') AS day, 1 AS corrected, 0 AS approved, 0 AS rejected
    FROM corrections WHERE created_at >= ?
    UNION ALL
    SELECT reviewer_id, date_trunc('day', reviewed_at AT TIME ZONE 'UTC'), 0, (status = 'approved')::int, (status = 'rejected')::int
    FROM corrections WHERE reviewed_at >= ? AND status IN ('approved', 'rejected') AND reviewer_id IS NOT NULL
)
SELECT a.user_id, u.email, a.day, sum(a.corrected) AS corrected, sum(a.approved) AS approved, sum(a.rejected) AS rejected
FROM acts a JOIN users u ON u.id = a.user_id
GROUP BY a.user_id, u.email, a.day`, from, from).Scan(&rows).Error
	if err != nil {
		return nil, apperr.Wrap(err, "overview people")
	}
	byUser := map[int64]*Person{}
	var people []*Person
	for _, r := range rows {
		per := byUser[r.UserID]
		if per == nil {
			per = &Person{UserID: r.UserID, Email: r.Email, Days: make([]Day, PeopleDays)}
			for i := range per.Days {
				per.Days[i].Date = from.AddDate(0, 0, i)
			}
			byUser[r.UserID] = per
			people = append(people, per)
		}
		day := time.Date(r.Day.Year(), r.Day.Month(), r.Day.Day(), 0, 0, 0, 0, time.UTC)
		i := int(day.Sub(from).Hours()+0.5) / 24
		if i < 0 || i >= PeopleDays { // a clock ahead of now's day
			continue
		}
		per.Days[i].Corrected += r.Corrected
		per.Days[i].Approved += r.Approved
		per.Days[i].Rejected += r.Rejected
		per.Corrected += r.Corrected
		per.Approved += r.Approved
		per.Rejected += r.Rejected
	}
	sort.Slice(people, func(i, j int) bool {
		a, b := people[i], people[j]
		if ta, tb := a.Corrected+a.Approved+a.Rejected, b.Corrected+b.Approved+b.Rejected; ta != tb {
			return ta > tb
		}
		return a.Email < b.Email
	})
	out := make([]Person, len(people))
	for i, per := range people {
		out[i] = *per
	}
	return out, nil
}
