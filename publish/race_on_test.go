//go:build race

package publish_test

// raceDetector: the race detector slows Go code tenfold and more, so the
// large-article test runs at a smaller size under it.
const raceDetector = true
