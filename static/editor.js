// The segment editor, keyboard first: the caret waits in the correction box
// when the page is opened to correct (the server marks the box autofocus),
// "?" opens the list of shortcuts, Escape closes it or leaves the box (so
// that j, k and ? work). Ctrl+Enter and Alt+A live in review.js. No inline
// script: the CSP forbids it.
(() => {
  const box = document.getElementById("correction-text");
  const keys = document.getElementById("shortcuts");

  if (box && box.hasAttribute("autofocus")) {
    // After draft.js, which may have brought a conflict into view first.
    box.focus({ preventScroll: Boolean(document.getElementById("conflict")) });
    box.setSelectionRange(box.value.length, box.value.length);
  }

  document.addEventListener("keydown", (e) => {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
    const typing = e.target.matches && e.target.matches("input, textarea, select");
    if (e.key === "?" && !typing && keys) {
      e.preventDefault();
      keys.open = !keys.open;
      if (keys.open) keys.querySelector("summary").focus();
      return;
    }
    if (e.key !== "Escape") return;
    if (keys && keys.open) {
      keys.open = false;
      (box || keys.querySelector("summary")).focus();
      return;
    }
    if (typing && e.target.closest("#correct")) e.target.blur();
  });
})();
