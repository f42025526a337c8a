// Live updates: a page with a [data-live-topic] marker (templates/partials/
// live.html) follows that topic's server-sent events (/events) and, a
// moment after a burst of them, fetches its own URL again and refreshes the
// parts the marker names. A dropped stream is reopened naming the last
// event seen (last_event_id), and the server sends what was missed, read
// from the audit log; only when that is too old does it send one "reset",
// and the page refreshes those parts once.
//
// The top bar's notification link ([data-live-user], templates/partials/
// nav.html) adds the reader's own topic to the same stream, one stream per
// page: a "notification" event carries the unread count for its badge.
(() => {
  "use strict";
  const marker = document.querySelector("[data-live-topic]");
  const bell = document.querySelector("[data-live-user]");
  if ((!marker && !bell) || !("EventSource" in window)) return;
  const list = (s) => (s || "").split(",").map((x) => x.trim()).filter(Boolean);
  const data = marker ? marker.dataset : {};
  const swaps = list(data.liveSwap);
  const keyed = data.liveKeyed || "";
  const merges = list(data.liveMerge);
  const topics = [data.liveTopic, bell && bell.dataset.liveUser].filter(Boolean);
  const url = "/events?topic=" + encodeURIComponent(topics.join(","));
  let timer = 0;
  let busy = false;
  let again = false;

  const adopt = (node) => document.importNode(node, true);
  // htmx attributes in new content need htmx to see them.
  const processed = (n) => {
    if (window.htmx) window.htmx.process(n);
  };

  // merge makes old's children with ids those of fresh, in fresh's order of
  // insertion, without touching children that stay.
  const merge = (old, fresh) => {
    const want = new Set([...fresh.children].map((c) => c.id).filter(Boolean));
    for (const c of [...old.children]) {
      if (c.id && !want.has(c.id)) c.remove();
    }
    let prev = null;
    for (const c of fresh.children) {
      if (!c.id) continue;
      let cur = document.getElementById(c.id);
      if (!cur) {
        cur = adopt(c);
        if (prev) prev.after(cur);
        else old.prepend(cur);
        processed(cur);
      }
      prev = cur;
    }
  };

  const apply = (doc) => {
    for (const sel of swaps) {
      const fresh = doc.querySelectorAll(sel);
      document.querySelectorAll(sel).forEach((old, i) => {
        if (fresh[i] && old.outerHTML !== fresh[i].outerHTML) {
          const n = adopt(fresh[i]);
          old.replaceWith(n);
          processed(n);
        }
      });
    }
    if (keyed) {
      for (const f of doc.querySelectorAll(keyed)) {
        const old = f.id && document.getElementById(f.id);
        if (old && old.outerHTML !== f.outerHTML) {
          const n = adopt(f);
          old.replaceWith(n);
          processed(n);
        }
      }
    }
    for (const sel of merges) {
      const old = document.querySelector(sel);
      const fresh = doc.querySelector(sel);
      if (old && fresh) merge(old, fresh);
    }
    document.dispatchEvent(new CustomEvent("lector:live"));
  };

  const refresh = async () => {
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    try {
      const res = await fetch(location.href, { credentials: "same-origin" });
      if (res.ok) apply(new DOMParser().parseFromString(await res.text(), "text/html"));
    } catch (e) {
      // The next event or reconnect tries again.
    } finally {
      busy = false;
      if (again) {
        again = false;
        schedule();
      }
    }
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(refresh, 250);
  };

  const status = (on) => {
    if (!marker) return;
    marker.textContent = on ? marker.dataset.liveOn : marker.dataset.liveOff;
    marker.dataset.state = on ? "on" : "off";
    marker.hidden = false;
  };

  let opened = false;
  // We reopen a dropped or refused stream ourselves, not the browser: a new
  // EventSource carries no Last-Event-ID, so the last id goes in the URL.
  // The wait is 0.5 s after the first failure, doubling up to 15 s, and
  // back to 0.5 s once a stream opens, so that a page resumes within about
  // a second of a blip however many came before; a little randomness
  // spreads the pages of a restarted server.
  const firstDelay = 500;
  let delay = firstDelay;
  let lastId = "";
  // stale: the stream failed before any event had an id, so what happened
  // meanwhile cannot be asked for; the next ready refreshes the page.
  let stale = false;
  const track = (e) => {
    if (e.lastEventId) lastId = e.lastEventId;
  };
  const connect = () => {
    const source = new EventSource(lastId ? url + "&last_event_id=" + encodeURIComponent(lastId) : url);
    source.addEventListener("open", () => {
      delay = firstDelay;
      opened = true;
      status(true);
    });
    source.addEventListener("error", () => {
      source.close();
      if (!lastId) stale = true;
      // Say "paused" only once the page was live: a server without live
      // updates answers 404 and the page simply stays as it is.
      if (opened) status(false);
      setTimeout(connect, delay * (0.75 + Math.random() / 2));
      delay = Math.min(2 * delay, 15000);
    });
    for (const type of ["ready", "segment", "article", "glossary_entry", "reset"]) source.addEventListener(type, track);
    source.addEventListener("ready", () => {
      if (stale && marker) schedule();
      stale = false;
    });
    if (marker) {
      for (const type of ["segment", "article", "reset"]) source.addEventListener(type, schedule);
    }
    source.addEventListener("notification", (e) => {
      const count = bell && bell.querySelector(".nav-count");
      let unread = NaN;
      try {
        unread = JSON.parse(e.data).unread;
      } catch (err) {
        return;
      }
      if (!count || !Number.isInteger(unread)) return;
      count.textContent = unread.toLocaleString(document.documentElement.lang || undefined);
      count.hidden = unread === 0;
    });
  };
  // A page with live parts follows at once. A page followed only for the
  // badge connects after a second on it: pages passed through on the way
  // elsewhere open no stream (opening and dropping one per page made a
  // walk through every page half again as slow), and the count shown on
  // load is fresh anyway.
  if (marker) connect();
  else setTimeout(connect, 1000);
})();
