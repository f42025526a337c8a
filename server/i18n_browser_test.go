package server_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestRussianInBrowser switches the seed article's page to Russian with
// ?lang=ru, reads it in Russian (navigation, headings, a flag's tooltip,
// <html lang>), follows a link and stays in Russian (the cookie), then picks
// German from the switcher.
func TestRussianInBrowser(t *testing.T) {
	ctx := openSeedArticle(t, "?lang=ru")
	checks := []struct{ what, js, want string }{
		{"<html lang>", `document.documentElement.lang`, "ru"},
		{"navigation", `document.querySelector('.topbar a[href="/articles"]').textContent`, "Статьи"},
		{"language fact", `document.querySelector('.facts dt').textContent`, "Язык"},
		{"article language", `document.querySelector('.facts dd').textContent`, "Английский"},
		{"segment count", `document.querySelectorAll('.facts dd')[1].textContent`, "88 сегментов"},
		{"state", `document.querySelector('.states .state-flagged').firstChild.textContent.trim()`, "С замечаниями"},
		{"crumbs", `document.querySelector('.crumbs a[href="/articles"]').textContent`, "Статьи"},
		{"switcher", `document.querySelector('.languages [aria-current]').textContent`, "Русский"},
		{"title", `document.title.split(' · ').pop()`, "Lector"},
	}
	for _, c := range checks {
		if got := text(ctx, t, c.js); got != c.want {
			t.Errorf("%s: %q, want %q", c.what, got, c.want)
		}
	}
	// The tooltip of "Ilon Musk", shown on keyboard focus, explains the flag in Russian.
	browse(ctx, t, chromedp.Focus(chromedp.CSS(`#ilon`)))
	tip := text(ctx, t, `document.querySelector('#ilon .tip').innerText`)
	for _, want := range []string{"«Ilon Musk» — известное ошибочное написание «Elon Musk»", "Предложение:", "уверенность"} {
		if !strings.Contains(tip, want) {
			t.Errorf("tooltip %q lacks %q", tip, want)
		}
	}

	// A plain link, no ?lang: the cookie keeps the page in Russian.
	browse(ctx, t,
		chromedp.Click(chromedp.CSS(`.topbar a[href="/articles"]`)),
		chromedp.WaitVisible(chromedp.CSS(`table.list`)),
	)
	if got := text(ctx, t, `location.pathname + location.search + '|' + document.documentElement.lang + '|' + document.querySelector('h1').textContent`); got != "/articles|ru|Статьи" {
		t.Errorf("after following a link: %q, want /articles in Russian", got)
	}
	if got := text(ctx, t, `document.querySelector('table.list th').textContent`); got != "Заголовок" {
		t.Errorf("articles table header %q, want Заголовок", got)
	}

	// The switcher: Deutsch, named in German, turns the page German.
	browse(ctx, t,
		chromedp.Click(chromedp.CSS(`.languages a[hreflang="de"]`)),
		chromedp.WaitVisible(chromedp.CSS(`html[lang="de"]`)),
	)
	if got := text(ctx, t, `document.querySelector('h1').textContent + '|' + document.querySelector('.languages [aria-current]').textContent`); got != "Artikel|Deutsch" {
		t.Errorf("after choosing Deutsch: %q, want Artikel|Deutsch", got)
	}
}
