package main

import (
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// glossaryLangs are the corpora's languages, in the column order of
// people.csv and places.csv.
var glossaryLangs = []string{"en", "de", "ru", "uk"}

// writeGlossary writes corpus_glossary.csv in the seed glossary's format
// (entry,type,lang,term,status,case_sensitive,note,source), one preferred
// form per entry and language: people as people.csv spells them, places
// from CLDR where places.csv names a CLDR id and gives no form of its own
// (a form of its own overrides CLDR, and the source column says so).
func writeGlossary(dir, cldrDir string) error {
	people, err := readTable(filepath.Join(dir, "gen/people.csv"))
	if err != nil {
		return err
	}
	places, err := readTable(filepath.Join(dir, "gen/places.csv"))
	if err != nil {
		return err
	}
	locales := map[string]string{}
	for _, lang := range glossaryLangs {
		raw, err := os.ReadFile(filepath.Join(cldrDir, lang+".xml"))
		if err != nil {
			return err
		}
		locales[lang] = string(raw)
	}
	out, err := os.Create(filepath.Join(dir, "corpus_glossary.csv"))
	if err != nil {
		return err
	}
	w := csv.NewWriter(out)
	w.Write([]string{"entry", "type", "lang", "term", "status", "case_sensitive", "note", "source"})
	for _, row := range people {
		for i, lang := range glossaryLangs {
			w.Write([]string{row[0], "person", lang, row[1+i], "preferred", "true", "", "standard spelling, written for Lector"})
		}
	}
	for _, row := range places {
		for i, lang := range glossaryLangs {
			form, source := row[2+i], "standard spelling, written for Lector"
			if row[1] != "" {
				cldrForm, cldrSource, err := cldrName(locales[lang], lang, row[1])
				if err != nil {
					return fmt.Errorf("%s: %w", row[0], err)
				}
				if form == "" {
					form, source = cldrForm, cldrSource
				} else {
					source += "; " + cldrSource + " has " + cldrForm
				}
			}
			w.Write([]string{row[0], "place", lang, form, "preferred", "true", "", source})
		}
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return err
	}
	return out.Close()
}

// readTable reads a CSV file without its header row.
func readTable(path string) ([][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return rows[1:], nil
}

// cldrName finds a territory name or a time zone's exemplar city in one
// CLDR locale file. An id is "territory:UA" or "zone:Europe/Kiev". English
// lists few exemplar cities (the others are the zone id's own spelling),
// so a zone without one falls back to the id, which the source column says.
func cldrName(xml, lang, id string) (form, source string, err error) {
	kind, code, _ := strings.Cut(id, ":")
	version := "CLDR 41 (Debian unicode-cldr-core 41-0.1)"
	switch kind {
	case "territory":
		re := regexp.MustCompile(`<territory type="` + regexp.QuoteMeta(code) + `">([^<]+)</territory>`)
		if m := re.FindStringSubmatch(xml); m != nil {
			return m[1], version + ", common/main/" + lang + ".xml, territory " + code, nil
		}
	case "zone":
		zone := regexp.MustCompile(`(?s)<zone type="` + regexp.QuoteMeta(code) + `">(.*?)</zone>`)
		city := regexp.MustCompile(`<exemplarCity>([^<]+)</exemplarCity>`)
		if z := zone.FindStringSubmatch(xml); z != nil {
			if m := city.FindStringSubmatch(z[1]); m != nil {
				return m[1], version + ", common/main/" + lang + ".xml, exemplar city of " + code, nil
			}
		}
		if lang == "en" {
			city := strings.ReplaceAll(code[strings.LastIndex(code, "/")+1:], "_", " ")
			return city, version + ", time zone id " + code + " (en lists no exemplar city for it)", nil
		}
	}
	return "", "", fmt.Errorf("%s: nothing in CLDR %s", id, lang)
}
