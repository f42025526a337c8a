package server_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"lector/account"
)

// TestGlossaryMaintainerInBrowser: a glossary maintainer finds an entry in
// the list, adds a wrong form in the edit form, sees it on the entry page
// with its history, then tries to add the same form again and is shown the
// problem next to the field, with the typed input kept.
func TestGlossaryMaintainerInBrowser(t *testing.T) {
	base, db, maint := startAs(t, "maintainer@example.org", account.RoleGlossary)
	ctx := openAs(t, base, db, maint, "/glossary", `table.glossary-list`)
	if got := text(ctx, t, `document.querySelector('nav a[aria-current="page"]').textContent`); got != "Glossary" {
		t.Errorf("the nav marks %q as the current page, want Glossary", got)
	}
	saveScreenshot(t, ctx, "glossary-list.png")
	// Search as a reader would: the start of a form in another language.
	browse(ctx, t,
		chromedp.SendKeys(chromedp.CSS(`input[name=q]`), "Маск"),
		chromedp.Click(chromedp.CSS(`.glossary-filters button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`.glossary-filters a.clear`)), // only on the results
	)
	if got := text(ctx, t, `[...document.querySelectorAll('.glossary-list tbody tr')].map(r => r.cells[0].textContent).join('|')`); got != "Elon Musk" {
		t.Fatalf("searching Маск lists %q, want Elon Musk alone", got)
	}
	// A blank row of the edit form takes the new wrong form.
	const markBlank = `(() => { const r = [...document.querySelectorAll('tr.term-row')].find(r => r.querySelector('[name=term_form]').value === ''); r.id = 'blank'; return r.id })()`
	addIlonMask := []chromedp.Action[chromedp.Void]{
		chromedp.Click(chromedp.CSS(`#edit-entry`)),
		chromedp.WaitVisible(chromedp.CSS(`#entry-form`)),
		chromedp.Evaluate[chromedp.Void](markBlank),
		chromedp.SendKeys(chromedp.CSS(`#blank [name=term_lang]`), "en"),
		chromedp.SendKeys(chromedp.CSS(`#blank [name=term_form]`), "Ilon Mask"),
		chromedp.SetValue(chromedp.CSS(`#blank [name=term_status]`), "deprecated"),
	}
	browse(ctx, t,
		chromedp.Click(chromedp.CSS(`.glossary-list tbody a`)),
		chromedp.WaitVisible(chromedp.CSS(`#edit-entry`)),
	)
	browse(ctx, t, slices.Concat(addIlonMask, []chromedp.Action[chromedp.Void]{
		chromedp.SetValue(chromedp.CSS(`#blank [name=term_note]`), "seen in a machine translation"),
		chromedp.Click(chromedp.CSS(`#save-entry`)),
		chromedp.WaitVisible(chromedp.CSS(`#saved`)),
	})...)
	wrong := text(ctx, t, `[...document.querySelectorAll('#lang-en tr.term-deprecated td.form')].map(td => td.textContent).join('|')`)
	if !strings.Contains(wrong, "Ilon Mask") {
		t.Errorf("the English wrong forms are %q; want Ilon Mask among them", wrong)
	}
	history := text(ctx, t, `document.getElementById('history').innerText`)
	if !strings.Contains(history, "maintainer@example.org") || !strings.Contains(history, "Ilon Mask") {
		t.Errorf("the history does not show the change:\n%s", history)
	}
	saveScreenshot(t, ctx, "glossary-entry.png")

	// The same form again: refused, the problem beside the field, the
	// input kept.
	browse(ctx, t, slices.Concat(addIlonMask, []chromedp.Action[chromedp.Void]{
		chromedp.Click(chromedp.CSS(`#save-entry`)),
		chromedp.WaitVisible(chromedp.CSS(`#problems`)),
	})...)
	problem := text(ctx, t, `(() => { const i = document.querySelector('[name=term_form][aria-invalid=true]'); return i.value + '|' + i.closest('td').querySelector('.field-error').textContent })()`)
	if problem != "Ilon Mask|This form is already in the entry, in the same language." {
		t.Errorf("the refused form and its problem: %q", problem)
	}
	// Another entry's preferred form: a conflict that links to that entry.
	browse(ctx, t,
		chromedp.Evaluate[chromedp.Void](`document.querySelector('[name=term_form][aria-invalid=true]').value = 'Walter Isaacson'`),
		chromedp.Click(chromedp.CSS(`#save-entry`)),
		chromedp.WaitVisible(chromedp.CSS(`a.clash-link`)),
	)
	if got := text(ctx, t, `document.querySelector('a.clash-link').textContent`); got != "Walter Isaacson (isaacson)" {
		t.Errorf("the conflict links %q", got)
	}
	browse(ctx, t, chromedp.Evaluate[chromedp.Void](`document.querySelector('tr.has-problem').scrollIntoView({block: 'center'})`))
	saveScreenshot(t, ctx, "glossary-conflict.png")
	browse(ctx, t, chromedp.Click(chromedp.CSS(`a.clash-link`)), chromedp.WaitVisible(chromedp.CSS(`#lang-en`)))
	if got := text(ctx, t, `document.querySelector('h1').textContent`); got != "Walter Isaacson" {
		t.Errorf("the conflict link opens %q", got)
	}
}
