//go:build !race

package publish_test

const raceDetector = false
