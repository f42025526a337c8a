package server

import "testing"

func TestLoggedURIKeepsNoQueryValues(t *testing.T) {
	tests := []struct{ in, want string }{
		{"/articles/1", "/articles/1"},
		{"/articles/1?q=Ilon%20Musk&state=flagged", "/articles/1?q=…&state=…"},
		{"/glossary?q=", "/glossary?q=…"},
		{"/login?next=/articles&token", "/login?next=…&token=…"},
		{"/?", "/"},
	}
	for _, tt := range tests {
		if got := loggedURI(tt.in); got != tt.want {
			t.Errorf("loggedURI(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
