package names

import "testing"

// A name split and misspelled at once: the words joined are a variant of
// the name.
func TestSplitAndMisspelled(t *testing.T) {
	f := NewFuzzy([]Entry{
		person("chen-weiwei", "en", "Chen Weiwei", "ru", "Чэнь Вэйвэй"),
		person("liu-xiaobo", "en", "Liu Xiaobo", "ru", "Лю Сяобо"),
	})
	checkCases(t, f, "en", []checkCase{
		{"The painter Chen Vey Vey opened a show.", []string{"Chen Vey Vey→Chen Weiwei"}},
		{"The writer Liu Syao Bo won the prize.", []string{"Liu Syao Bo→Liu Xiaobo"}},
		{"The painter Chen Weiwei opened a show.", nil},
		{"The New York Times wrote.", nil},
	})
}
