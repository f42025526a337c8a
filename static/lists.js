// List pages: "Select all on this page" ticks (or clears) every enabled
// checkbox of the form it names. No inline script: the CSP forbids it.
(() => {
  document.addEventListener("change", (e) => {
    const all = e.target.closest("input[data-select-all]");
    if (!all) return;
    const form = all.dataset.selectAll;
    document
      .querySelectorAll(`input[type="checkbox"][name="id"][form="${form}"]:not(:disabled)`)
      .forEach((box) => {
        box.checked = all.checked;
      });
  });
})();
