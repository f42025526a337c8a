package request_test

import (
	"testing"

	"lector/request"
)

func TestQuery(t *testing.T) {
	for _, tc := range []struct {
		params map[string]string
		want   string
	}{
		{nil, ""},
		{map[string]string{"q": "", "lang": ""}, ""},
		{map[string]string{"q": "Musk & co", "lang": "", "state": "flagged"}, "q=Musk+%26+co&state=flagged"},
	} {
		if got := request.Query(tc.params).Encode(); got != tc.want {
			t.Errorf("Query(%v) = %q, want %q", tc.params, got, tc.want)
		}
	}
}
