//go:build race

package detect

// raceDetector: the race detector slows the engine's build tenfold, so the
// million-name tests run at a tenth of their size under it; `make test` runs
// them again at full size without it.
const raceDetector = true
