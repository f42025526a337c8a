//go:build !race

package detect

// raceDetector: see race_on_test.go.
const raceDetector = false
