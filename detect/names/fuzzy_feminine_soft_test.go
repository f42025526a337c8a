package names

import (
	"strings"
	"testing"

	"lector/detect/internal/enginetest"
)

// TestFeminineSoftPlaces holds that a Russian place in -ь takes the
// feminine forms besides the masculine ones, even when the glossary gives
// the name in another language only, and that a person's name in -ь does
// not. The places and people are outside the quality corpora.
func TestFeminineSoftPlaces(t *testing.T) {
	f := NewFuzzy([]Entry{
		{Key: "kem", Type: "place", Terms: []Term{{Lang: "ru", Form: "Кемь", Status: Preferred}}},
		{Key: "naroch", Type: "place", Terms: []Term{{Lang: "ru", Form: "Нарочь", Status: Preferred}}},
		{Key: "tver", Type: "place", Terms: []Term{{Lang: "be", Form: "Цвер", Status: Preferred}}},
		{Key: "perm", Type: "place", Terms: []Term{{Lang: "be", Form: "Пермь", Status: Preferred}}},
		{Key: "sevastopol", Type: "place", Terms: []Term{{Lang: "ru", Form: "Севастополь", Status: Preferred}}},
		person("kolomoisky", "ru", "Игорь Коломойский"),
	})
	checkCases(t, f, "ru", []checkCase{
		{"Он вернулся из Кеми, а потом стал Кемью.", nil},
		{"Отдых на Нарочи и за Нарочью.", nil},
		{"Поезд шёл Пермью, а потом из Перми.", nil},
		{"Он приехал в Севастополе, а потом из Севастополя.", nil},
		{"Встреча с Игорем Коломойским прошла.", nil},
		{"Встреча с Игори Коломойским прошла.", []string{"Игори Коломойским→Игорем Коломойским"}},
	})
	forms := func(w string) string { return strings.Join(feminineSoftForms(w), " ") }
	enginetest.Each1(t, "feminineSoftForms", forms, []enginetest.Case1[string, string]{
		{A: "Тверь", Want: "Твери Тверью"},
		{A: "Минск", Want: ""},
		{A: "ль", Want: ""},
	})
}
