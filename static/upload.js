// Upload forms (form[data-upload-progress]): send the form with XHR so
// that the <progress> it names shows how much of a large file has gone.
// The answer replaces the page's <main> (a dry run, or the form again with
// its error); a redirect is followed. Without this script, or without
// XHR, the form posts as any other. No inline script: the CSP forbids it.
(() => {
  document.addEventListener("submit", (e) => {
    const form = e.target.closest("form[data-upload-progress]");
    if (!form || !window.FormData || !window.XMLHttpRequest || !window.DOMParser) return;
    const bar = document.getElementById(form.dataset.uploadProgress);
    if (!bar) return;
    e.preventDefault();
    const body = new FormData(form, e.submitter);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", form.action);
    xhr.upload.addEventListener("progress", (p) => {
      if (p.lengthComputable) {
        bar.max = p.total;
        bar.value = p.loaded;
      }
    });
    xhr.addEventListener("load", () => {
      const action = new URL(form.action, location.href).href;
      if (xhr.responseURL && xhr.responseURL !== action) {
        location.assign(xhr.responseURL);
        return;
      }
      const doc = new DOMParser().parseFromString(xhr.responseText, "text/html");
      const main = doc.querySelector("main");
      if (!main) {
        form.submit();
        return;
      }
      document.title = doc.title;
      document.querySelector("main").replaceWith(main);
      const focus = main.querySelector("[role=alert], h2, h1");
      if (focus) {
        focus.tabIndex = -1;
        focus.focus();
      }
    });
    // The network failed mid-way: post the form the plain way, which
    // shows the browser's own error if it fails again.
    xhr.addEventListener("error", () => form.submit());
    bar.hidden = false;
    bar.removeAttribute("value");
    form.querySelectorAll("button[type=submit]").forEach((b) => (b.disabled = true));
    xhr.send(body);
  });
})();
