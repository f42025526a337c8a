package overview

import (
	"context"
	"fmt"
	"sort"

	"gorm.io/gorm"

	"lector/account"
)

// WrongFormCount is how many of the glossary's most frequent wrong forms
// the overview shows, and OriginSeries how many language pairs its bars
// tell apart (the rest together as "other").
const (
	WrongFormCount = 20
	OriginSeries   = 5
)

// Origin is the MT output a wrong form was found in, as far as articles
// say: the language it was translated from (empty: no source stored) and
// the language of the MT text. Articles record no MT system, so the
// language pair is all there is to tell outputs apart.
type Origin struct {
	SourceLang, Lang string
}

// OriginCount is how often a form was found in one origin's output.
type OriginCount struct {
	Origin
	Count int
}

// WrongForm is a form the checker flagged as a name or term that is not
// the glossary's, with the entry it was taken for.
type WrongForm struct {
	Form, Entry string
	Count       int
	Origins     []OriginCount // most first
	Bar         Chart         // its origins stacked, scaled to the most frequent form
}

// WrongForms is the glossary overview: the most frequent wrong forms and
// the origins that the bars' colours stand for.
type WrongForms struct {
	Forms   []WrongForm
	Origins []Origin // the OriginSeries most frequent over Forms, most first
	Other   bool     // some forms came from origins beyond those
}

// bars draws each form's bar, its origins stacked in the order of
// Origins, the rest last, scaled to the most frequent form.
func (w *WrongForms) bars() {
	series := map[Origin]int{}
	for i, o := range w.Origins {
		series[o] = i
	}
	most := 0
	for _, f := range w.Forms {
		most = max(most, f.Count)
	}
	for i, f := range w.Forms {
		parts := make([]Part, len(w.Origins)+1)
		for j, o := range w.Origins {
			parts[j] = Part{Key: o.SourceLang + ">" + o.Lang, Class: w.Series(j)}
		}
		parts[len(w.Origins)] = Part{Key: "other", Class: "fill-series-other"}
		for _, oc := range f.Origins {
			j, ok := series[oc.Origin]
			if !ok {
				j = len(w.Origins)
			}
			parts[j].Count += oc.Count
		}
		w.Forms[i].Bar = RowBar(parts, most, 24)
	}
}

// Series is the class of origin i's colour, for the legend.
func (w *WrongForms) Series(i int) string { return fmt.Sprintf("fill-series-%d", i) }

// FindWrongForms returns the name and term flags by their flagged text
// and entry, every status but dismissed (a dismissal says the form was not
// wrong) and but the source-aware checks' missing and added names (no
// form of a name is wrong there), the WrongFormCount most frequent, each
// with the origins of the articles they were found in: counts that the
// triggers of migrations 00027 and 00029 keep current. Editors and glossary maintainers. Codes: unauthorized,
// forbidden.
func FindWrongForms(ctx context.Context, db *gorm.DB, p *account.Principal) (*WrongForms, error) {
	if err := requireAny(p, account.RoleEditor, account.RoleGlossary); err != nil {
		return nil, err
	}
	rows, err := countedWrongForms(ctx, db, WrongFormCount)
	if err != nil {
		return nil, err
	}
	w := &WrongForms{}
	originTotal := map[Origin]int{}
	var order []Origin
	for _, r := range rows {
		if n := len(w.Forms); n == 0 || w.Forms[n-1].Form != r.Form || w.Forms[n-1].Entry != r.Entry {
			w.Forms = append(w.Forms, WrongForm{Form: r.Form, Entry: r.Entry})
		}
		f := &w.Forms[len(w.Forms)-1]
		o := Origin{SourceLang: r.SourceLang, Lang: r.Lang}
		f.Count += r.N
		f.Origins = append(f.Origins, OriginCount{Origin: o, Count: r.N})
		if _, seen := originTotal[o]; !seen {
			order = append(order, o)
		}
		originTotal[o] += r.N
	}
	// Most frequent first; ties in the order first met, which is stable.
	sort.SliceStable(order, func(i, j int) bool { return originTotal[order[i]] > originTotal[order[j]] })
	if len(order) > OriginSeries {
		w.Origins, w.Other = order[:OriginSeries], true
	} else {
		w.Origins = order
	}
	w.bars()
	return w, nil
}
