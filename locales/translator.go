package locales

import (
	"fmt"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

// Translator renders messages in one reader's language. Make one per request
// (or per command run); it is never shared as a global.
type Translator struct {
	loc *i18n.Localizer
	tag language.Tag
}

// NewTranslator picks the best catalog for the given preferences (BCP 47
// tags or Accept-Language values, best first), falling back to English.
func NewTranslator(b *i18n.Bundle, prefs ...string) *Translator {
	return NewChooser(b).Translator(prefs...)
}

// Chooser picks the catalog for each request. Building its language
// matcher costs more than the rest of a small API request's locale choice,
// so a server builds one Chooser and keeps it.
type Chooser struct {
	bundle  *i18n.Bundle
	matcher language.Matcher
}

// NewChooser returns a Chooser over b's catalogs.
func NewChooser(b *i18n.Bundle) *Chooser {
	return &Chooser{bundle: b, matcher: language.NewMatcher(b.LanguageTags())}
}

// Translator picks the best catalog for prefs, as NewTranslator does.
func (ch *Chooser) Translator(prefs ...string) *Translator {
	tag := language.English
	for _, p := range prefs {
		if p == "" {
			continue
		}
		tags, _, err := language.ParseAcceptLanguage(p)
		if err != nil || len(tags) == 0 {
			continue
		}
		if t, _, conf := ch.matcher.Match(tags...); conf >= language.High {
			tag = t
			break
		}
	}
	base, _ := tag.Base()
	return &Translator{loc: i18n.NewLocalizer(ch.bundle, base.String()), tag: tag}
}

// Lang is the BCP 47 tag of the chosen language, for <html lang>.
func (t *Translator) Lang() string {
	base, _ := t.tag.Base()
	return base.String()
}

// T renders message id with template data given as key, value pairs. A
// missing message renders as its id, which the catalog tests catch.
func (t *Translator) T(id string, kv ...any) string {
	return t.render(id, nil, kv)
}

// N renders message id with plural count n (available as {{.Count}}).
func (t *Translator) N(id string, n int, kv ...any) string {
	return t.render(id, n, kv)
}

// Data renders message id with a ready data map, as apperr.Error carries.
func (t *Translator) Data(id string, data map[string]any) string {
	s, err := t.loc.Localize(&i18n.LocalizeConfig{MessageID: id, TemplateData: data})
	if err != nil {
		return id
	}
	return s
}

func (t *Translator) render(id string, count any, kv []any) string {
	data := make(map[string]any, len(kv)/2+1)
	for i := 0; i+1 < len(kv); i += 2 {
		data[fmt.Sprint(kv[i])] = kv[i+1]
	}
	if n, ok := count.(int); ok {
		// The category comes from the number; the text shows it grouped
		// for the reader (1 234 сегмента, 1.234 Segmente).
		data["Count"] = t.Number(n)
	} else if count != nil {
		data["Count"] = count
	}
	s, err := t.loc.Localize(&i18n.LocalizeConfig{MessageID: id, TemplateData: data, PluralCount: count})
	if err != nil {
		return id
	}
	return s
}
