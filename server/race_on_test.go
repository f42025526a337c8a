//go:build race

package server_test

// raceDetector: the race detector slows Go code several times over, so the
// server-time budget of the journeys at scale is scaled under it; `make
// test` walks them again without it, held to the real budget.
const raceDetector = true
