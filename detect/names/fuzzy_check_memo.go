package names

// runMemo answers, for one Check, the same question about the same run
// once: a news text repeats itself. The same capitalised word opens sentence
// after sentence ("The", "According"), a name recurs, and both are matched
// against a glossary that does not change during the check. matchRunAs
// depends on nothing but the glossary and its arguments, so a remembered
// answer is the answer. The results' entry lists are shared between the
// copies; no caller changes them in place.
type runMemo struct {
	f    *Fuzzy
	lang string
	m    map[runQuery]runResult
}

// runQuery is a run and how it is asked about (see matchRunAs; Check reads
// names back always).
type runQuery struct {
	run     string
	lower   bool
	named   bool
	minConf float64
}

func newRunMemo(f *Fuzzy, lang string) *runMemo {
	return &runMemo{f: f, lang: lang, m: make(map[runQuery]runResult)}
}

// match is f.matchRunAs(run, lang, lower, minConf, true, named).
func (m *runMemo) match(run string, lower bool, minConf float64, named bool) runResult {
	q := runQuery{run: run, lower: lower, named: named, minConf: minConf}
	if r, ok := m.m[q]; ok {
		return r
	}
	r := m.f.matchRunAs(run, m.lang, lower, minConf, true, named)
	m.m[q] = r
	return r
}
