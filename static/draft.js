// Unsaved corrections are never lost without a word: the text in the
// correction box is kept in the browser (per segment and revision) while it
// differs from what the server has, restored with a notice when the page is
// opened again, and leaving the page with it (a link, a form, Alt+arrows,
// j/k, closing the tab) asks first. A successful submit clears the drafts
// of the segment. No inline script: the CSP forbids it.
(() => {
  const store = (() => {
    try { return window.localStorage; } catch { return null; }
  })();
  if (!store) return;
  const forget = (segment) => {
    const prefix = `lector.draft.${segment}.`;
    Object.keys(store).filter((k) => k.startsWith(prefix)).forEach((k) => store.removeItem(k));
  };

  // "Submit and next" opened the next segment (or the queue) with ?done=ID:
  // the drafts of segment ID are saved.
  const done = new URLSearchParams(window.location.search).get("done");
  if (done && /^[0-9]+$/.test(done)) forget(done);

  const page = document.querySelector(".segment-page[data-segment]");
  if (!page) return;

  // The page after a successful submit: the drafts of this segment are saved.
  if (document.getElementById("submitted")) forget(page.dataset.segment);

  const form = document.getElementById("correct");
  const box = document.getElementById("correction-text");
  if (!form || !box || !form.dataset.draft) return;
  const key = `lector.draft.${form.dataset.draft}`;
  // The conflict page's box holds text the server refused: unsaved as shown.
  const refused = form.dataset.unsaved === "true";
  const dirty = () => refused || box.value !== box.defaultValue;
  const save = () => {
    if (dirty()) store.setItem(key, box.value);
    else store.removeItem(key);
  };

  const notice = document.getElementById("draft-restored");
  const kept = store.getItem(key);
  if (kept !== null && kept !== box.value) {
    box.value = kept;
    if (notice) notice.hidden = false;
  }
  // The box sits below the flags and the glossary: bring a refused text or
  // a restored draft into view, so that nobody misses it.
  const show = document.getElementById("conflict") || (notice && !notice.hidden ? notice : null);
  show?.scrollIntoView({ block: "start" });
  save();
  box.addEventListener("input", save);
  document.getElementById("draft-discard")?.addEventListener("click", () => {
    box.value = box.defaultValue;
    store.removeItem(key);
    if (notice) notice.hidden = true;
    box.focus();
  });

  // leaving is set once the user agreed to leave (or submits the box), so
  // that beforeunload does not ask a second time.
  let leaving = false;
  const mayLeave = () => {
    if (leaving || !dirty()) return true;
    leaving = window.confirm(form.dataset.leave || "");
    return leaving;
  };
  form.addEventListener("submit", () => { leaving = true; });

  // Capture phase: runs before review.js's navigation keys and before the
  // browser follows a link or posts a form.
  window.addEventListener("keydown", (e) => {
    const typing = e.target.matches && e.target.matches("input, textarea, select");
    const nav = (e.altKey && (e.key === "ArrowRight" || e.key === "ArrowLeft")) ||
      (!typing && !e.ctrlKey && !e.metaKey && !e.altKey && (e.key === "j" || e.key === "k"));
    if (nav && !mayLeave()) {
      e.preventDefault();
      e.stopImmediatePropagation();
    }
  }, true);
  document.addEventListener("click", (e) => {
    const a = e.target.closest && e.target.closest("a[href]");
    if (!a || a.getAttribute("href").startsWith("#") || a.target === "_blank") return;
    if (!mayLeave()) e.preventDefault();
  }, true);
  document.addEventListener("submit", (e) => {
    if (e.target === form) return;
    if (!mayLeave()) e.preventDefault();
  }, true);
  window.addEventListener("beforeunload", (e) => {
    if (leaving || !dirty()) return;
    save();
    e.preventDefault();
    e.returnValue = "";
  });
})();
