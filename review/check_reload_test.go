package review

import (
	"sync"
	"testing"

	"lector/glossary"
)

func reloadEntries(form string) []glossary.Entry {
	return []glossary.Entry{{ID: 1, Key: "musk", Type: "person", Terms: []glossary.Term{
		{Lang: "en", Form: "Elon Musk", Status: glossary.Preferred, CaseSensitive: true},
		{Lang: "en", Form: form, Status: glossary.Deprecated, CaseSensitive: true},
	}}}
}

// TestCheckerReload: a newer version goes in, an older one never replaces
// it, and checks running during reloads see one whole state (run with -race).
func TestCheckerReload(t *testing.T) {
	c := NewChecker(nil)
	if !c.Reload(reloadEntries("Elom Musk"), 2) {
		t.Fatal("version 2 refused")
	}
	if c.Reload(reloadEntries("Ilon Musk"), 1) {
		t.Fatal("version 1 replaced version 2")
	}
	count := func(ch *Checker, text string) int {
		checked, err := ch.Check(text, "en")
		if err != nil {
			t.Error(err)
		}
		n := 0
		for _, s := range checked {
			n += len(s.Findings)
		}
		return n
	}
	if count(c, "Elom Musk spoke.") != 1 {
		t.Fatal("version 2 is not in use")
	}
	snap := c.Snapshot()
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			for j := range 20 {
				if i%2 == 0 {
					c.Reload(reloadEntries("Elom Musk"), uint64(3+i*20+j))
				} else {
					count(c, "Elom Musk spoke.")
				}
			}
		})
	}
	wg.Wait()
	if c.EntryID("musk") != 1 || snap.EntryID("musk") != 1 {
		t.Fatal("entry ids lost")
	}
}
