package glossary

import (
	"context"
	"runtime"
	"strings"
	"testing"

	"lector/database/dbtest"
	"lector/detect/names"
)

// ImpRebuildGlossaries calls f with each generated glossary the rebuild
// benchmarks compare, 100k and 1M entries, and its size's name; exported
// for the external benchmark of review's Checker
// (import_checker_bench_test.go), which cannot see unexported names.
func ImpRebuildGlossaries(f func(size string, entries []Entry)) {
	for _, size := range []struct {
		name string
		n    int
	}{{"100k", 100_000}, {"1M", 1_000_000}} {
		f(size.name, impGenerate(size.n, 1))
	}
}

// BenchmarkMatcherRebuild: after an import the matcher is rebuilt from the
// whole glossary. Side by side, for generated glossaries of 100k and 1M
// entries (3.3 terms each):
//
//   - matcher: the entries turned into the engine's input (Names), then
//     names.NewMatcher over them;
//   - map: the baseline, a plain Go map from every folded form to its entry;
//   - load+matcher (100k only): LoadEntries from PostgreSQL, then NewMatcher,
//     the whole rebuild as the server would do it.
//
// go test ./glossary -run '^$' -bench 'Import100k|MatcherRebuild|CheckerRebuild' -benchtime 3x
func BenchmarkMatcherRebuild(b *testing.B) {
	ImpRebuildGlossaries(func(size string, entries []Entry) {
		b.Run("entries="+size+"/matcher", func(b *testing.B) {
			for b.Loop() {
				runtime.KeepAlive(names.NewMatcher(Names(entries)))
			}
		})
		b.Run("entries="+size+"/map", func(b *testing.B) {
			for b.Loop() {
				runtime.KeepAlive(impFoldedMap(entries))
			}
		})
		if len(entries) > 100_000 {
			return
		}
		b.Run("entries="+size+"/load+matcher", func(b *testing.B) {
			db := dbtest.New(b)
			ctx := context.Background()
			if _, err := Import(ctx, db, entries, ImportOptions{}); err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				loaded, err := LoadEntries(ctx, db)
				if err != nil {
					b.Fatal(err)
				}
				runtime.KeepAlive(names.NewMatcher(Names(loaded)))
			}
		})
	})
}

// impFoldedMap is the baseline: every form, lower-cased, mapped to its entry.
func impFoldedMap(entries []Entry) map[string]*Entry {
	m := make(map[string]*Entry, len(entries)*4)
	for i := range entries {
		for _, t := range entries[i].Terms {
			m[strings.ToLower(t.Form)] = &entries[i]
		}
	}
	return m
}
