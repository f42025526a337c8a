package review

import (
	"encoding/json"
	"os"
	"testing"
)

func TestDumpSeed(t *testing.T) {
	b, _ := os.ReadFile(os.Getenv("SEGFILE"))
	spans, _ := Split(string(b), os.Getenv("SEGLANG"))
	for _, s := range spans {
		j, _ := json.Marshal(s)
		t.Log(string(j))
	}
}
