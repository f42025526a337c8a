package account

import (
	"testing"

	"github.com/alexedwards/argon2id"
)

// The dummy hash must cost what a real one costs, or timing tells whether
// an account exists.
func TestDummyHashHasCurrentParams(t *testing.T) {
	got, _, _, err := argon2id.DecodeHash(dummyHash)
	if err != nil {
		t.Fatal(err)
	}
	want := hashParams()
	if got.Memory != want.Memory || got.Iterations != want.Iterations || got.Parallelism != want.Parallelism || got.KeyLength != want.KeyLength {
		t.Fatalf("dummyHash has %+v, hashParams are %+v: regenerate dummyHash", got, want)
	}
}
