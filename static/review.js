// The segment page's helpers: suggestions fill the correction box, and
// keyboard shortcuts move between segments and submit. No inline script: the
// CSP forbids it.
(() => {
  const box = () => document.getElementById("correction-text");

  // byteToIndex turns a UTF-8 byte offset into text (the server's offsets)
  // into a JavaScript string index.
  const byteToIndex = (text, bytes) =>
    new TextDecoder().decode(new TextEncoder().encode(text).slice(0, bytes)).length;

  // apply replaces the flagged text: at its own offset when the box still
  // holds it there, else its first occurrence.
  const apply = (btn) => {
    const t = box();
    if (!t) return false;
    const mt = t.dataset.mt || "";
    const from = btn.dataset.text, to = btn.dataset.suggestion;
    let i = byteToIndex(mt, Number(btn.dataset.start));
    if (t.value.substring(i, i + from.length) !== from || t.value.length !== mt.length) {
      i = t.value.indexOf(from);
    }
    if (i < 0) return false;
    t.value = t.value.substring(0, i) + to + t.value.substring(i + from.length);
    btn.classList.add("applied");
    btn.disabled = true;
    return true;
  };

  const applyButtons = () => [...document.querySelectorAll("button.apply:not(:disabled)")];

  document.addEventListener("click", (e) => {
    const btn = e.target.closest("button.apply");
    if (btn) {
      apply(btn);
      box()?.focus();
      return;
    }
    if (e.target.closest("#apply-all")) {
      // Last offset first, so the earlier offsets stay valid.
      applyButtons()
        .sort((a, b) => Number(b.dataset.start) - Number(a.dataset.start))
        .forEach(apply);
      box()?.focus();
    }
  });

  const go = (rel) => {
    const a = document.querySelector(`a[data-nav="${rel}"]`);
    if (a) window.location.href = a.href;
  };

  document.addEventListener("keydown", (e) => {
    const typing = e.target.matches && e.target.matches("input, textarea, select");
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      const form = document.getElementById("correct");
      if (form) {
        e.preventDefault();
        // "Submit and next" where the page offers it (translators).
        form.requestSubmit(document.getElementById("submit-next"));
      }
      return;
    }
    if (e.altKey && (e.key === "a" || e.key === "A" || e.code === "KeyA")) {
      const first = applyButtons()[0];
      if (first) {
        e.preventDefault();
        apply(first);
      }
      return;
    }
    if (e.altKey && e.key === "ArrowRight") { e.preventDefault(); go("next"); return; }
    if (e.altKey && e.key === "ArrowLeft") { e.preventDefault(); go("prev"); return; }
    if (typing || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === "j") go("next");
    if (e.key === "k") go("prev");
  });
})();

// htmx does not swap error responses: show the error page's message next to
// the form that failed, so an editor learns why (own correction, already
// reviewed by someone else, ...).
document.addEventListener("htmx:responseError", (e) => {
  const at = e.detail.elt.closest("li") || e.detail.elt;
  const doc = new DOMParser().parseFromString(e.detail.xhr.responseText, "text/html");
  const msg = doc.querySelector(".error-page p");
  let box = at.querySelector(".htmx-error");
  if (!box) {
    box = document.createElement("p");
    box.className = "htmx-error";
    box.setAttribute("role", "alert");
    at.appendChild(box);
  }
  box.textContent = msg ? msg.textContent : e.detail.xhr.statusText;
});

// While the page is open, keep the translator's lease (10 minutes) alive.
(() => {
  const page = document.querySelector(".segment-page[data-held]");
  if (!page) return;
  const renew = () => {
    const token = document.querySelector("input[name=csrf_token]");
    fetch(`/api/v1/segments/${page.dataset.segment}/lease/renew`, {
      method: "POST",
      credentials: "same-origin",
      headers: token ? { "X-CSRF-Token": token.value } : {},
    }).catch(() => {});
  };
  setInterval(renew, 4 * 60 * 1000);
})();
