// The review page, keyboard first: j and k move the focus between the
// corrections waiting, a approves the one in focus (or, when approving
// would leave flags open and the page asks, approves with them back to the
// queue, the safe way), r opens its rejection with the caret on the
// reason, ? opens the list of shortcuts and Escape closes what is open.
// Approving and rejecting go through the item's own forms (htmx), so the
// server decides exactly as for a click. No inline script: the CSP
// forbids it.
(() => {
  const list = document.getElementById("pending");
  if (!list) return;
  const keys = document.getElementById("shortcuts");
  let pos = -1; // index of the item in focus among the list's children

  const all = () => [...list.children];
  const open = (li) => li && !li.classList.contains("done");

  const focus = (i) => {
    const items = all();
    if (i < 0 || i >= items.length) return;
    items.forEach((li) => li.classList.remove("current"));
    pos = i;
    const li = items[i];
    li.classList.add("current");
    li.focus();
  };

  // step moves to the next open item in direction dir (1 or -1).
  const step = (dir) => {
    const items = all();
    for (let i = pos + dir; i >= 0 && i < items.length; i += dir) {
      if (open(items[i])) {
        focus(i);
        return;
      }
    }
  };

  const current = () => {
    const li = all()[pos];
    return open(li) ? li : null;
  };

  // After htmx replaced an item (approved, rejected, or asking first),
  // keep the focus where the editor is: on the item if it still waits,
  // else on the next one that does (or the previous, at the end).
  document.addEventListener("htmx:afterSettle", () => {
    if (pos < 0) return;
    const items = all();
    if (open(items[pos])) {
      focus(pos);
      return;
    }
    const from = pos;
    step(1);
    if (pos === from || !open(all()[pos])) step(-1);
  });

  list.addEventListener("focusin", (e) => {
    const li = e.target.closest("#pending > li");
    if (li) {
      const i = all().indexOf(li);
      if (i !== pos) {
        all().forEach((x) => x.classList.remove("current"));
        li.classList.add("current");
        pos = i;
      }
    }
  });

  document.addEventListener("keydown", (e) => {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
    const typing = e.target.matches && e.target.matches("input:not([type=checkbox]), textarea, select");
    if (e.key === "Escape") {
      if (keys && keys.open) {
        keys.open = false;
        keys.querySelector("summary").focus();
        return;
      }
      const details = e.target.closest && e.target.closest("details.reject");
      if (details) {
        details.open = false;
        focus(pos);
      }
      return;
    }
    if (typing) return;
    switch (e.key) {
      case "?":
        if (!keys) return;
        e.preventDefault();
        keys.open = !keys.open;
        if (keys.open) keys.querySelector("summary").focus();
        return;
      case "j":
        e.preventDefault();
        step(1);
        return;
      case "k":
        e.preventDefault();
        if (pos < 0) step(1);
        else step(-1);
        return;
      case "a": {
        const li = current();
        const btn = li && (li.querySelector("button.approve-queue") || li.querySelector("button.approve"));
        if (!btn) return;
        e.preventDefault();
        btn.click();
        return;
      }
      case "r": {
        const li = current();
        const details = li && li.querySelector("details.reject");
        if (!details) return;
        e.preventDefault();
        details.open = true;
        details.querySelector("select[name=reason]").focus();
        return;
      }
    }
  });
})();
