package names

import "testing"

func TestPhoneticKeyGroups(t *testing.T) {
	same := [][]string{
		{"isaxon", "isaacson", "ayzekson", "ajzekson"},
		{"zhair", "zhaiir", "jair"},
		{"bolsonaro", "bolsonaru", "bolsonar"},
		{"milei", "miley", "milej", "mileya", "mileja", "mileia", "milee"},
		{"carlson", "karlson"},
		{"bashar", "bashara"},
		{"assad", "asad"},
		{"shchukin", "shhukin", "schukin"},
		{"tsygankov", "cygankov", "tzygankov"},
		{"tszinpin", "czinpin"},
		{"zelenskiy", "zelenskij", "zelensky", "zelenskii"},
		{"shoigu", "shojgu", "shoygu"},
		{"khavier", "havier"},
		{"wolfgang", "volfgang"},
		{"philipp", "filip"},
		{"yeltsin", "jelzin", "eltsine", "eltsin", "ieltsin"},
		{"khodorkovsky", "chodorkowski", "chodorkovskij", "khodorkovskii"},
		{"mishustin", "michoustine", "mischustin"},
		{"shevchenko", "schewtschenko"},
		{"ivashchenko", "iwaschtschenko", "ivachtchenko"},
		{"zyuganov", "sjuganow", "zjuganov", "ziouganov"},
		{"gongadze", "honhadze"},
		{"giorgia", "dzhordzha", "dzhordzhiya"},
		{"trotskiy", "trockij"},
		{"murza", "mursa"},
	}
	for _, group := range same {
		want := phoneticKey(group[0])
		for _, w := range group[1:] {
			if got := phoneticKey(w); got != want {
				t.Errorf("phoneticKey(%q) = %q, want %q like %q", w, got, want, group[0])
			}
		}
	}
	different := [][2]string{{"tucker", "taler"}, {"bremmer", "bammer"}, {"musk", "mars"}, {"putin", "peskov"},
		{"jair", "yair"}, {"giorgia", "georgia"}}
	for _, p := range different {
		if phoneticKey(p[0]) == phoneticKey(p[1]) {
			t.Errorf("phoneticKey(%q) = phoneticKey(%q) = %q", p[0], p[1], phoneticKey(p[0]))
		}
	}
}

func TestDamerau(t *testing.T) {
	tests := []struct {
		a, b      string
		max, want int
	}{
		{"bolsonar", "bolsonaro", 3, 1},
		{"zhaiir", "zhair", 3, 1},
		{"lavrow", "lavrov", 3, 1},
		{"bammer", "bremmer", 3, 2},
		{"isaxon", "isaacson", 3, 3},
		{"ab", "ba", 3, 1}, // transposition
		{"taler", "tucker", 3, 3},
		{"heaff", "khafa", 1, 2}, // beyond max: max+1
		{"", "abc", 3, 3},
		{"same", "same", 0, 0},
	}
	for _, tt := range tests {
		if got := Damerau(tt.a, tt.b, tt.max); got != tt.want {
			t.Errorf("Damerau(%q, %q, %d) = %d, want %d", tt.a, tt.b, tt.max, got, tt.want)
		}
	}
}
