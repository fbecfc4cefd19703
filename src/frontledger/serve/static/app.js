"use strict";
// The map page. Article titles, texts, outlets, URLs and place names are untrusted data:
// they reach the page only through DOM text nodes (never innerHTML), and only http(s)
// URLs become links. Evidence spans arrive as character offsets and are marked by
// splitting the text into text nodes.
(function () {
  const SIDE_COLOURS = { RU: "#c0392b", UA: "#1f6fb4" };
  const CONTESTED = "#f0b400";
  const UNKNOWN = "#8a8a8a";
  const DAY_MS = 86400000;
  const state = { map: null, markers: null, days: [], selected: null, control: null };

  // ---- small DOM helpers: text only ----
  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (key === "className") node.className = value;
      else if (key === "onclick") node.addEventListener("click", value);
      else node.setAttribute(key, value);
    }
    for (const child of children) {
      if (child === null || child === undefined) continue;
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    }
    return node;
  }
  function svg(tag, attrs, text) {
    const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
    for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, String(value));
    if (text !== undefined) node.appendChild(document.createTextNode(text));
    return node;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function safeHref(url) {
    if (typeof url !== "string") return null;
    try {
      const parsed = new URL(url);
      return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
    } catch (e) { return null; }
  }
  async function getJSON(path, params) {
    const query = params ? "?" + new URLSearchParams(params).toString() : "";
    const response = await fetch(path + query, { headers: { Accept: "application/json" } });
    const body = await response.json();
    if (!response.ok) throw new Error(body && body.error ? body.error : response.statusText);
    return body;
  }
  function colourOf(props) {
    if (props.status === "contested") return CONTESTED;
    return SIDE_COLOURS[props.controller] || UNKNOWN;
  }
  function isoDay(ms) { return new Date(ms).toISOString().slice(0, 10); }
  function dayMs(iso) { return Date.parse(iso + "T00:00:00Z"); }
  function sideName(side) { return side || "?"; }

  // ---- map ----
  async function start() {
    const [config, stats, regions] = await Promise.all([
      getJSON("/api/config"), getJSON("/api/stats"), getJSON("/api/regions")]);
    const map = L.map("map", { zoomSnap: 0.25, preferCanvas: false });
    state.map = map;
    if (config.tiles) {
      L.tileLayer(config.tiles, { maxZoom: 18, attribution: "tiles: " + new URL(config.tiles).host }).addTo(map);
    }
    const outlines = L.geoJSON(regions, {
      interactive: false,
      style: { color: "#6b7280", weight: 1, fillColor: "#f4f1ea", fillOpacity: config.tiles ? 0.2 : 1 },
      attribution: "outlines: geoBoundaries UKR-ADM1 (CC BY 4.0), via pygal-maps-ua",
    }).addTo(map);
    map.fitBounds(outlines.getBounds(), { padding: [10, 10] });
    state.markers = L.layerGroup().addTo(map);
    document.getElementById("summary").textContent =
      `${stats.documents} documents` +
      (stats.first_day ? `, published from ${stats.first_day} to ${stats.last_day}.` : ".");
    setUpSlider(stats);
    setUpSearch();
    await showControl();
    document.body.setAttribute("data-ready", "1");
  }

  function setUpSlider(stats) {
    const slider = document.getElementById("date-slider");
    const today = Date.now() - (Date.now() % DAY_MS);
    const first = stats.first_day ? dayMs(stats.first_day) : today;
    const last = stats.last_day ? dayMs(stats.last_day) : today;
    state.first = first;
    slider.min = "0";
    slider.max = String(Math.round((last - first) / DAY_MS));
    slider.value = slider.max;
    updateDateLabel();
    slider.addEventListener("input", updateDateLabel);
    slider.addEventListener("change", () => { showControl(); });
  }
  function chosenDay() {
    const slider = document.getElementById("date-slider");
    return isoDay(state.first + Number(slider.value) * DAY_MS);
  }
  function updateDateLabel() {
    document.getElementById("date-label").textContent = chosenDay();
  }

  async function showControl() {
    const day = chosenDay();
    const control = await getJSON("/api/control", { date: day, views: "false" });
    if (day !== chosenDay()) return; // the slider moved on meanwhile
    state.control = control;
    state.markers.clearLayers();
    for (const feature of control.features) {
      if (!feature.geometry) continue;
      addMarker(feature.properties, feature.geometry.coordinates);
    }
    document.getElementById("map").setAttribute("data-date", day);
    if (state.selected) {
      renderStatus(state.selected);
      if (state.selected.claims) renderChart(state.selected.states || [], state.selected.claims);
    }
  }

  function addMarker(props, coords) {
    const marker = L.circleMarker([coords[1], coords[0]], {
      radius: 8, color: props.status === "confirmed" ? "#ffffff" : "#333333",
      weight: 2, dashArray: props.status === "claimed" ? "3 3" : null,
      fillColor: colourOf(props), fillOpacity: props.status === "claimed" ? 0.6 : 0.95,
      className: "place-marker",
    });
    marker.bindTooltip(el("span", {}, `${props.name} — ${describeState(props)}`));
    marker.on("click", () => selectPlace({ geonameid: props.geonameid, name: props.name,
                                           place_key: props.place_key }));
    marker.addTo(state.markers);
    const path = marker.getElement();
    if (path) {
      path.setAttribute("data-place", props.place_key);
      path.setAttribute("data-status", props.status);
      path.setAttribute("data-controller", props.controller || "");
    }
  }
  function describeState(props) {
    if (props.status === "contested") return "contested";
    if (props.status === "unknown") return "unknown";
    return `${props.status}: ${sideName(props.controller)} holds`;
  }

  // ---- search ----
  function setUpSearch() {
    document.getElementById("search-form").addEventListener("submit", async (event) => {
      event.preventDefault();
      const q = document.getElementById("search").value.trim();
      if (!q) return;
      const box = document.getElementById("search-results");
      clear(box);
      try {
        const found = await getJSON("/api/places", { q: q });
        if (!found.places.length) {
          box.appendChild(el("p", { className: "muted" }, `No place in the ledger matches “${q}”.`));
          return;
        }
        const list = el("ul", { id: "search-hits" });
        for (const place of found.places) {
          list.appendChild(el("li", {}, el("button", { className: "link", type: "button",
            onclick: () => selectPlace(place) }, `${place.name} (${place.claims} claims)`)));
        }
        box.appendChild(list);
        selectPlace(found.places[0]);
      } catch (error) {
        box.appendChild(el("p", { className: "muted" }, String(error.message)));
      }
    });
  }

  // ---- a place: status, timeline chart, claims ----
  function placeParams(place) {
    return place.geonameid ? { geonameid: String(place.geonameid) } : { place: place.name };
  }

  async function selectPlace(place) {
    state.selected = place;
    document.getElementById("intro").hidden = true;
    const section = document.getElementById("place");
    section.hidden = false;
    document.getElementById("place-name").textContent = place.name;
    if (place.latitude !== undefined && place.latitude !== null) {
      state.map.setView([place.latitude, place.longitude], Math.max(state.map.getZoom(), 7));
    }
    const [timeline, claims] = await Promise.all([
      getJSON("/api/timeline", placeParams(place)).catch(() => ({ states: [] })),
      getJSON("/api/claims", Object.assign({ limit: "200" }, placeParams(place))),
    ]);
    if (state.selected !== place) return;
    place.states = timeline.states;
    place.claims = claims.claims;
    renderStatus(place);
    renderChart(timeline.states, claims.claims);
    renderClaims(claims.claims);
    section.setAttribute("data-place", place.place_key || "");
  }

  function renderStatus(place) {
    const box = document.getElementById("place-status");
    clear(box);
    const day = chosenDay();
    const current = (place.states || []).filter((s) => s.on <= day).pop();
    if (!current) {
      box.appendChild(el("span", { className: "muted" }, `No control claim up to ${day}.`));
      return;
    }
    box.appendChild(el("span", { className: "status " + current.status }, current.status));
    box.appendChild(document.createTextNode(` on ${day}: ` + describeState(current)));
    for (const view of current.views) {
      box.appendChild(el("div", { className: "claim-meta" },
        `${view.side} says ${sideName(view.controller)} holds it` +
        (view.fraction !== null ? ` (${Math.round(view.fraction * 100)}%)` : "") +
        (view.since ? ` since ${view.since}` : "")));
    }
  }

  function renderChart(states, claims) {
    const box = document.getElementById("chart-box");
    clear(box);
    const dated = claims.filter((c) => c.date || c.published);
    if (!dated.length) return;
    const dayOf = (c) => c.date || c.published.slice(0, 10);
    const sides = [...new Set(dated.map((c) => c.claimant_side))].sort();
    const times = dated.map((c) => dayMs(dayOf(c)));
    const t0 = Math.min(...times), t1 = Math.max(...times, t0 + DAY_MS, dayMs(chosenDay()));
    const width = 400, left = 60, right = 10, row = 22, top = 8;
    const height = top + row * (sides.length + 1) + 18;
    const x = (t) => left + (width - left - right) * (t - t0) / (t1 - t0);
    const chart = svg("svg", { class: "chart", width: width, height: height, role: "img",
                               "aria-label": "claims over time per claimant side" });
    sides.forEach((side, i) => {
      const y = top + row * i + row / 2;
      chart.appendChild(svg("text", { x: 2, y: y + 3 }, `${side} says`));
      chart.appendChild(svg("line", { x1: left, x2: width - right, y1: y, y2: y, stroke: "#ddd" }));
    });
    for (const c of dated) {
      // a denial sits just below the row's assertions, so that both show on one day
      const y = top + row * sides.indexOf(c.claimant_side) + row / 2 + (c.stance === "denies" ? 5 : -2);
      const holder = c.kind === "control" && c.stance === "asserts" ? c.actor_side : null;
      const dot = svg("circle", { cx: x(dayMs(dayOf(c))), cy: y, r: c.kind === "control" ? 5 : 3,
        fill: SIDE_COLOURS[holder] || (c.kind === "control" ? "#fff" : UNKNOWN),
        stroke: SIDE_COLOURS[c.actor_side] || "#555", "stroke-width": 1.5 });
      dot.appendChild(svg("title", {}, `${dayOf(c)} ${c.claimant}: ${c.kind} ${c.stance} ${c.actor_side || ""}`));
      chart.appendChild(dot);
    }
    const y = top + row * sides.length + row / 2;
    chart.appendChild(svg("text", { x: 2, y: y + 3 }, "consensus"));
    states.forEach((s, i) => {
      const a = x(dayMs(s.on));
      const b = i + 1 < states.length ? x(dayMs(states[i + 1].on)) : width - right;
      chart.appendChild(svg("rect", { x: a, y: y - 6, width: Math.max(2, b - a), height: 12,
                                      fill: colourOf(s), opacity: s.status === "claimed" ? 0.5 : 0.9 }));
    });
    chart.appendChild(svg("text", { x: left, y: height - 2 }, isoDay(t0)));
    chart.appendChild(svg("text", { x: width - right - 60, y: height - 2 }, isoDay(t1)));
    const now = x(dayMs(chosenDay()));
    chart.appendChild(svg("line", { x1: now, x2: now, y1: top, y2: y + 8, stroke: "#222",
                                    "stroke-dasharray": "2 2", class: "chosen-day" }));
    box.appendChild(chart);
  }

  function renderClaims(claims) {
    const list = document.getElementById("claims");
    clear(list);
    if (!claims.length) list.appendChild(el("li", { className: "muted" }, "No claims."));
    for (const claim of claims) list.appendChild(claimItem(claim));
  }

  function claimItem(claim) {
    const when = claim.date || (claim.published ? claim.published.slice(0, 10) : "undated");
    const what = `${claim.kind} ${claim.stance}` + (claim.actor_side ? ` · actor ${claim.actor_side}` : "") +
      (claim.fraction !== null ? ` · ${Math.round(claim.fraction * 100)}%` : "");
    const item = el("li", { className: "claim", "data-claim": String(claim.id) },
      el("div", { className: "claim-head" }, `${when} · `,
         el("span", { className: "side" }, `${claim.claimant} (${claim.claimant_side})`), ` · ${what}`),
      el("blockquote", { className: "quote" }, claim.evidence.text));
    const meta = el("div", { className: "claim-meta" },
      `${claim.outlet || "unknown outlet"}` + (claim.language ? ` · ${claim.language}` : "") +
      (claim.published ? ` · published ${claim.published.slice(0, 10)}` : "") + " · ");
    const href = safeHref(claim.url);
    if (href) {
      meta.appendChild(el("a", { href: href, rel: "noopener noreferrer nofollow", target: "_blank",
                                 className: "original" }, "original"));
      meta.appendChild(document.createTextNode(" · "));
    }
    const source = el("div", { className: "source" });
    meta.appendChild(el("button", { className: "link show-source", type: "button",
      onclick: () => showSource(claim, source) }, "quote in source text"));
    item.appendChild(meta);
    item.appendChild(source);
    return item;
  }

  async function showSource(claim, box) {
    clear(box);
    const doc = await getJSON("/api/documents/" + encodeURIComponent(claim.document_id));
    if (doc.title) box.appendChild(el("p", { className: "source-title" }, doc.title));
    const text = el("div", { className: "source-text" });
    appendMarked(text, doc.text, doc.evidence_spans, claim.id);
    box.appendChild(text);
    const current = text.querySelector("mark.current");
    if (current) text.scrollTop = Math.max(0, current.offsetTop - text.offsetTop - 40);
  }

  // The text, with each evidence span wrapped in <mark>: every piece is a text node.
  function appendMarked(parent, text, spans, currentId) {
    const cuts = spans.filter((s) => s.start >= 0 && s.end <= text.length && s.start < s.end)
      .sort((a, b) => a.start - b.start || (a.claim_id === currentId ? -1 : 1));
    let at = 0;
    for (const span of cuts) {
      if (span.start < at) continue; // overlapping span: the first one wins
      parent.appendChild(document.createTextNode(text.slice(at, span.start)));
      const mark = el("mark", { className: "evidence" + (span.claim_id === currentId ? " current" : ""),
                                "data-claim": String(span.claim_id) }, text.slice(span.start, span.end));
      parent.appendChild(mark);
      at = span.end;
    }
    parent.appendChild(document.createTextNode(text.slice(at)));
  }

  window.addEventListener("DOMContentLoaded", () => {
    start().catch((error) => {
      document.getElementById("summary").textContent = "Could not load the ledger: " + error.message;
    });
  });
})();
