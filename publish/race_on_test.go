//go:build race

package publish_test

// raceDetector: the race detector slows Go code several times over, so the
// time limits of the large-article test stretch under it.
const raceDetector = true
