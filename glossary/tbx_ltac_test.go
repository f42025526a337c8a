package glossary

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// tbxSharedTestdata returns the shared testdata folder beside the repository
// (shared/testdata beside the folder with go.mod), or skips the test when it
// is absent: its files have no licence to live in the repository.
func tbxSharedTestdata(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test's folder")
		}
		dir = parent
	}
	// Beside the repository (a clone in CI, /work/main), or one level up
	// from a git worktree under /work/wt.
	for _, up := range []string{"..", filepath.Join("..", "..")} {
		shared := filepath.Join(dir, up, "shared", "testdata")
		if _, err := os.Stat(shared); err == nil {
			return shared
		}
	}
	t.Skip("the shared testdata is absent")
	return ""
}

// TestParseTBXLTACSample reads the official LTAC TBX-Basic DCA example and
// checks every term, in order. Terms without administrativeStatus are
// admitted; supersededTerm is deprecated; zu terms are the sample's
// bibliography entries, written as terms.
func TestParseTBXLTACSample(t *testing.T) {
	path := filepath.Join(tbxSharedTestdata(t), "tbx", "ltac_tbx-basic_v3_DCA_Example_Astronomy.tbx")
	entries, err := ParseTBX(openFile(t, path), filepath.Base(path))
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		entry, lang, form string
		status            Status
	}{
		{"c1", "en", "open cluster", Preferred},      // preferredTerm-admn-sts
		{"c1", "en", "galactic cluster", Deprecated}, // supersededTerm-admn-sts
		{"c1", "es", "cúmulo abierto", Admitted},
		{"c2", "en", "circumstellar accretion disk", Preferred}, // preferredTerm-admn-sts
		{"c2", "en", "accretion disc", Admitted},                // admittedTerm-admn-sts
		{"c2", "en", "circumstellar disk", Admitted},            // admittedTerm-admn-sts
		{"c2", "es", "disco de acreción", Preferred},            // preferredTerm-admn-sts
		{"c2", "es", "disco de acrecimiento", Admitted},         // admittedTerm-admn-sts
		{"c3", "en", "black hole", Admitted},
		{"c3", "es", "agujero negro", Admitted},
		{"c4", "en", "gamma-ray burst", Admitted},
		{"c4", "en", "GRB", Admitted},
		{"c4", "es", "explosión de rayos gamma", Admitted},
		{"c4", "es", "brote de rayos gamma", Admitted},
		{"c5", "en", "globular cluster", Admitted},
		{"c5", "es", "cúmulo globular", Admitted},
		{"c6", "en", "main-sequence", Admitted},
		{"c6", "es", "de secuencia principal", Admitted},
		{"c7", "en", "protostar", Admitted},
		{"c7", "es", "protoestrella", Admitted},
		{"c8", "en", "star cluster", Admitted},
		{"c8", "es", "cúmulo estelar", Preferred},     // preferredTerm-admn-sts
		{"c8", "es", "cúmulo de estrellas", Admitted}, // admittedTerm-admn-sts
		{"c9", "en", "Galaxy", Admitted},
		{"c9", "en", "Milky Way Galaxy", Admitted},
		{"c9", "en", "Milky Way", Admitted},
		{"c9", "es", "Galaxia", Admitted},
		{"c9", "es", "Vía Láctea", Admitted},
		{"c9", "es", "galaxia Vía Láctea", Admitted},
		{"c10", "en", "star", Admitted},
		{"c10", "es", "estrella", Admitted},
		{"c11", "en", "UV radiation", Admitted},
		{"c11", "en", "ultraviolet radiation", Admitted},
		{"c11", "es", "radiación UV", Admitted},
		{"c11", "es", "radiación ultravioleta", Admitted},
		{"c12", "en", "magnetic field", Admitted},
		{"c12", "es", "campo magnético", Admitted},
		{"c13", "en", "blue straggler", Admitted},
		{"c13", "es", "estrella rezagada azul", Preferred}, // preferredTerm-admn-sts
		{"c14", "en", "gravitational collapse", Admitted},
		{"c14", "es", "colapso gravitacional", Admitted},
		{"c15", "en", "binary star", Admitted},
		{"c15", "es", "estrella binaria", Admitted}, // admittedTerm-admn-sts
		{"c15", "es", "estrella doble", Preferred},  // preferredTerm-admn-sts
		{"c16", "en", "initial mass function", Admitted},
		{"c16", "es", "función inicial de masa", Admitted},
		{"c17", "zu", "Bally2005", Admitted},
		{"c18", "zu", "Cambridge2007", Admitted},
		{"c19", "zu", "Merriam-Webster2002", Admitted},
		{"c20", "zu", "Oxford2007", Admitted},
		{"c21", "en", "supernova", Admitted},
		{"c21", "es", "supernova", Admitted},
		{"c22", "zu", "Moore2003", Admitted},
		{"c23", "en", "red giant", Admitted},
		{"c23", "es", "gigante roja", Admitted},
		{"c24", "en", "red dwarf", Admitted},
		{"c24", "es", "enana roja", Admitted},
		{"c25", "en", "spectral type", Admitted},
		{"c25", "es", "tipo espectral", Admitted},
		{"c26", "en", "white dwarf", Admitted},
		{"c26", "es", "enana blanca", Admitted},
		{"c27", "en", "planetary nebula", Admitted},
		{"c27", "es", "nebulosa planetaria", Admitted},
		{"c28", "en", "emission nebula", Preferred}, // preferredTerm-admn-sts
		{"c28", "es", "nebulosa de emisión", Admitted},
		{"c29", "en", "nebula", Admitted},
		{"c29", "en", "nebulae", Admitted},
		{"c29", "es", "nebulosa", Admitted},
		{"c30", "en", "dark nebula", Preferred},          // preferredTerm-admn-sts
		{"c30", "en", "absorbtion nebula", Admitted},     // admittedTerm-admn-sts
		{"c30", "es", "nebulosa oscura", Preferred},      // preferredTerm-admn-sts
		{"c30", "es", "nebulosa de absorción", Admitted}, // admittedTerm-admn-sts
		{"c31", "en", "reflection nebula", Admitted},
		{"c31", "es", "nebulosa de reflexión", Admitted},
		{"c32", "en", "neutron star", Admitted},
		{"c32", "es", "estrella de neutrones", Admitted},
		{"c33", "en", "Chandrasekhar limit", Admitted},
		{"c33", "es", "límite de Chandrasekhar", Admitted},
		{"c34", "en", "neutron degeneracy", Admitted},
		{"c34", "es", "degeneración de neutrones", Admitted},
		{"c35", "en", "Schwarzschild radius", Admitted},
		{"c35", "es", "radio de Schwarzschild", Admitted},
		{"c36", "en", "event horizon", Admitted},
		{"c36", "es", "horizonte de sucesos", Admitted},
		{"c36", "es", "horizonte de eventos", Admitted},
		{"c37", "en", "proton-proton chain reaction", Admitted}, // admittedTerm-admn-sts
		{"c37", "en", "PP chain", Preferred},                    // preferredTerm-admn-sts
		{"c37", "en", "proton-proton reaction", Admitted},       // admittedTerm-admn-sts
		{"c37", "es", "cadena protón-protón", Admitted},
		{"c38", "en", "carbon-nitrogen cycle", Admitted},                 // admittedTerm-admn-sts
		{"c38", "en", "CNO cycle", Preferred},                            // preferredTerm-admn-sts
		{"c38", "en", "carbon-nitrogen-oxygen cycle", Admitted},          // admittedTerm-admn-sts
		{"c38", "en", "Bethe-Weizsäcker-cycle", Admitted},                // admittedTerm-admn-sts
		{"c38", "en", "carbon cycle", Deprecated},                        // deprecatedTerm-admn-sts
		{"c38", "en", "CN cycle", Admitted},                              // admittedTerm-admn-sts
		{"c38", "es", "ciclo CNO", Admitted},                             // admittedTerm-admn-sts
		{"c38", "es", "ciclo del carbono-nitrógeno-oxígeno", Deprecated}, // deprecatedTerm-admn-sts
		{"c38", "es", "ciclo del carbono", Deprecated},                   // deprecatedTerm-admn-sts
		{"c38", "es", "ciclo del carbono-nitrógeno", Preferred},          // preferredTerm-admn-sts
		{"c39", "en", "degeneracy", Admitted},
		{"c39", "es", "degeneración", Admitted},
		{"c40", "zu", "Oxford2003", Admitted},
		{"c41", "en", "electron degeneracy", Admitted},
		{"c41", "es", "degeneración de electrones", Admitted}, // admittedTerm-admn-sts
		{"c41", "es", "degeneración electrónica", Admitted},   // admittedTerm-admn-sts
		{"c42", "en", "singularity", Admitted},
		{"c42", "es", "singularidad", Admitted},
		{"c43", "en", "solar mass", Admitted},
		{"c43", "es", "masa solar", Admitted},
		{"c44", "en", "triple-alpha process", Admitted},
		{"c44", "es", "proceso triple-alfa", Admitted},
		{"c45", "en", "black dwarf", Admitted},
		{"c45", "es", "enana negra", Admitted},
	}
	var i int
	for _, e := range entries {
		if e.Type != "term" {
			t.Errorf("entry %s: type %q, want term", e.Key, e.Type)
		}
		for _, term := range e.Terms {
			if i >= len(want) {
				t.Fatalf("more terms than the %d expected: %s %+v", len(want), e.Key, term)
			}
			w := want[i]
			if e.Key != w.entry || term.Lang != w.lang || term.Form != w.form || term.Status != w.status || term.CaseSensitive {
				t.Errorf("term %d = %s %s %q %s case %v, want %s %s %q %s case false",
					i, e.Key, term.Lang, term.Form, term.Status, term.CaseSensitive, w.entry, w.lang, w.form, w.status)
			}
			i++
		}
	}
	if i != len(want) || len(entries) != 45 {
		t.Fatalf("%d terms in %d entries, want %d in 45", i, len(entries), len(want))
	}
	// Notes: concept-level <note>s are the entry note; term-level ones, one
	// line each, the term note; the collapsed white space of pretty printing.
	c1 := entries[0]
	if c1.Note != "G-Source: http://www.physics.drexel.edu/observatory/dump.shtml" {
		t.Errorf("c1 note %q", c1.Note)
	}
	galactic := c1.Terms[1].Note
	if !strings.HasPrefix(galactic, "Another name for an open star cluster. They are often termed Galactic Clusters") ||
		!strings.HasSuffix(galactic, "spiral arms of the galaxy.\nN-Source: http://www.delscope.demon.co.uk/astronomy/glossary.htm#G") {
		t.Errorf("galactic cluster note %q", galactic)
	}
	// The sources in the sample are those of definitions and contexts,
	// inside <descripGrp>: not the term's.
	for _, e := range entries {
		for _, term := range e.Terms {
			if term.Source != "" {
				t.Errorf("%s %q: source %q", e.Key, term.Form, term.Source)
			}
		}
	}
}
