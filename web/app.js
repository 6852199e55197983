/*
 * app.js - warta's web page: a news aggregator over the JSON API
 * (docs/api.md), with hash routes so the server needs none:
 *
 *   #/                     front page: recent events as stories, filters
 *   #/event/ID             one event: facts, contradictions, quotes, articles
 *   #/article/ID           one article with its extracted items
 *   #/entity/ID            an entity and its timeline
 *   #/search?q=WORDS       full-text search
 *
 * Invariant: text that comes from the store (articles, names, snippets) is
 * only ever put into the page with textContent / text nodes (el() below),
 * never as HTML.  The interface speaks Indonesian and English; the choice
 * is kept in localStorage.
 */
"use strict";

const I18N = {
  id: {
    search: "Cari", search_placeholder: "Cari berita, tokoh, tempat…",
    footer: "warta — peristiwa dari banyak media, disatukan",
    latest: "Peristiwa terbaru", all_types: "Semua jenis", all_outlets: "Semua media",
    type: "Jenis", outlet: "Media", since: "Sejak", until: "Hingga", apply: "Terapkan",
    entity: "Tokoh/lembaga",
    outlets_n: (n) => `${n} media`, articles_n: (n) => `${n} artikel`,
    more: "Muat lebih banyak", none: "Belum ada peristiwa.", loading: "Memuat…",
    error: "Gagal memuat", not_found: "Tidak ditemukan",
    summary: "Ringkasan", facts: "Fakta gabungan", contradictions: "Perbedaan antar-media",
    contra_title: (k) => `Media berbeda soal ${k}`,
    quotes: "Kutipan menurut pembicara", sources: "Sumber yang dikutip",
    coverage: "Liputan setiap media", related: "Lanjut baca", original: "Artikel asli",
    fact: "Fakta", value: "Nilai", support: "Didukung", by_outlets: (n) => `${n} media`,
    by_articles: (n) => `${n} artikel`, unknown_outlet: "(media tak dikenal)",
    date: "Tanggal", duration: "Durasi", place: "Tempat", participants: "Peserta",
    minutes: (n) => `${n} menit`, story: "Peristiwa", article: "Artikel",
    published: "Terbit", language: "Bahasa", authors: "Penulis", event: "Peristiwa",
    entities: "Entitas", timexes: "Waktu", figures: "Angka", body: "Isi artikel",
    names: "Juga disebut", timeline: "Linimasa", mentioned: "disebut sepintas",
    results_for: (q) => `Hasil pencarian “${q}”`, events: "Peristiwa", articles: "Artikel",
    no_results: "Tidak ada hasil.", credits: "Kredit", no_date: "tanpa tanggal",
    ago: { now: "baru saja", m: "menit", h: "jam", d: "hari", mo: "bulan", y: "tahun", suffix: "lalu", ahead: "lagi" },
    kinds: { participant: "Peserta", date: "Tanggal", duration: "Durasi", place: "Tempat", figure: "Angka", quote: "Kutipan", type: "Jenis" },
    types: { meeting: "Pertemuan", video_call: "Panggilan video", phone_call: "Panggilan telepon", visit: "Kunjungan",
      agreement: "Perjanjian", election: "Pemilu", disaster: "Bencana", protest: "Unjuk rasa",
      economic_release: "Rilis ekonomi", sanction: "Sanksi", attack: "Serangan", statement: "Pernyataan",
      summit: "KTT", appointment: "Pengangkatan", accident: "Kecelakaan", parade: "Parade" },
  },
  en: {
    search: "Search", search_placeholder: "Search news, people, places…",
    footer: "warta — one event, every outlet",
    latest: "Latest events", all_types: "All types", all_outlets: "All outlets",
    type: "Type", outlet: "Outlet", since: "Since", until: "Until", apply: "Apply",
    entity: "Person/organisation",
    outlets_n: (n) => `${n} outlet${n === 1 ? "" : "s"}`, articles_n: (n) => `${n} article${n === 1 ? "" : "s"}`,
    more: "Load more", none: "No events yet.", loading: "Loading…",
    error: "Could not load", not_found: "Not found",
    summary: "Summary", facts: "Consolidated facts", contradictions: "Where outlets disagree",
    contra_title: (k) => `Outlets disagree on ${k}`,
    quotes: "Quotes by speaker", sources: "Sources credited",
    coverage: "Every outlet's article", related: "Read on", original: "Original article",
    fact: "Fact", value: "Value", support: "Supported by", by_outlets: (n) => `${n} outlet${n === 1 ? "" : "s"}`,
    by_articles: (n) => `${n} article${n === 1 ? "" : "s"}`, unknown_outlet: "(unknown outlet)",
    date: "Date", duration: "Duration", place: "Place", participants: "Participants",
    minutes: (n) => `${n} minutes`, story: "Event", article: "Article",
    published: "Published", language: "Language", authors: "Authors", event: "Event",
    entities: "Entities", timexes: "Times", figures: "Figures", body: "Article text",
    names: "Also called", timeline: "Timeline", mentioned: "mentioned in passing",
    results_for: (q) => `Results for “${q}”`, events: "Events", articles: "Articles",
    no_results: "No results.", credits: "Credits", no_date: "no date",
    ago: { now: "just now", m: "minute", h: "hour", d: "day", mo: "month", y: "year", suffix: "ago", ahead: "from now" },
    kinds: { participant: "Participant", date: "Date", duration: "Duration", place: "Place", figure: "Figure", quote: "Quote", type: "Type" },
    types: { meeting: "Meeting", video_call: "Video call", phone_call: "Phone call", visit: "Visit",
      agreement: "Agreement", election: "Election", disaster: "Disaster", protest: "Protest",
      economic_release: "Economic release", sanction: "Sanction", attack: "Attack", statement: "Statement",
      summit: "Summit", appointment: "Appointment", accident: "Accident", parade: "Parade" },
  },
};

let lang = (() => {
  try { return localStorage.getItem("warta.lang") === "en" ? "en" : "id"; } catch (e) { return "id"; }
})();
const T = (k, ...a) => { const v = I18N[lang][k]; return typeof v === "function" ? v(...a) : (v ?? k); };

/* ------------------------------------------------------------ DOM helpers */

/* el("a", {href: "#/x", class: "c"}, "text", child...): strings become text
 * nodes; attributes are set with setAttribute (never HTML). */
function el(tag, attrs, ...kids) {
  const n = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") n.className = v;
    else if (k.startsWith("on")) n.addEventListener(k.slice(2), v);
    else n.setAttribute(k, v);
  }
  for (const kid of kids.flat(Infinity)) {
    if (kid === null || kid === undefined || kid === false) continue;
    n.append(kid instanceof Node ? kid : document.createTextNode(String(kid)));
  }
  return n;
}
const view = () => document.getElementById("view");
function show(...nodes) { const v = view(); v.replaceChildren(...nodes.flat()); window.scrollTo(0, 0); }
const enc = encodeURIComponent;

async function api(path) {
  const r = await fetch(path, { headers: { Accept: "application/json" } });
  let body = null;
  try { body = await r.json(); } catch (e) { /* not JSON */ }
  if (!r.ok) {
    const e = new Error((body && body.error && body.error.message) || r.statusText);
    e.status = r.status;
    throw e;
  }
  return body;
}

function fail(e) {
  show(el("div", { class: "err" }, e.status === 404 ? T("not_found") : T("error"), ": ", e.message));
}

/* ------------------------------------------------------------- formatting */

function typeName(t) {
  if (!t) return "";
  return I18N[lang].types[t] || t.replace(/_/g, " ");
}

function fmtDate(iso) {
  if (!iso) return T("no_date");
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return new Intl.DateTimeFormat(lang === "id" ? "id-ID" : "en-GB",
    { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(d);
}

/* "9 jam lalu" / "9 hours ago" from an ISO time ("2025-01-21T14:05+07:00"). */
function fmtAge(iso, now = Date.now()) {
  if (!iso) return "";
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::\d{2})?(Z|[+-]\d{2}:?\d{2})?)?/.exec(iso);
  if (!m) return "";
  let t = Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] || 0), +(m[5] || 0));
  if (m[6] && m[6] !== "Z") {
    const s = m[6][0] === "-" ? -1 : 1, hh = +m[6].slice(1, 3), mm = +m[6].slice(-2);
    t -= s * (hh * 60 + mm) * 60000;
  }
  const a = I18N[lang].ago;
  let diff = Math.round((now - t) / 60000); /* minutes */
  const future = diff < 0;
  diff = Math.abs(diff);
  if (diff < 1) return a.now;
  const units = [["y", 525600], ["mo", 43200], ["d", 1440], ["h", 60], ["m", 1]];
  for (const [u, mins] of units) {
    const n = Math.floor(diff / mins);
    if (n >= 1) {
      const word = lang === "en" && n !== 1 ? a[u] + "s" : a[u];
      return `${n} ${word} ${future ? a.ahead : a.suffix}`;
    }
  }
  return a.now;
}

function fmtDuration(min) {
  if (min === null || min === undefined) return "";
  if (min >= 1440 * 2) return lang === "id" ? `${Math.round(min / 1440)} hari` : `${Math.round(min / 1440)} days`;
  return T("minutes", min);
}

function fmtNumber(v) {
  return typeof v === "number" ? new Intl.NumberFormat(lang === "id" ? "id-ID" : "en-US").format(v) : String(v);
}

function entityLink(name, id) {
  return el("a", { class: "chip", href: "#/entity/" + enc(id || name) }, name);
}

/* --------------------------------------------------------------- the page */

function storyCard(ev) {
  const outlets = ev.outlets || [], pubs = ev.outlets_published || [];
  return el("article", { class: "story", "data-event": ev.id },
    el("div", { class: "meta" },
      ev.type ? el("span", { class: "type" }, typeName(ev.type)) : null,
      el("span", { class: "date" }, fmtDate(ev.date)),
      ev.duration_minutes ? el("span", null, fmtDuration(ev.duration_minutes)) : null),
    el("h3", null, el("a", { href: "#/event/" + ev.id }, ev.headline || `#${ev.id}`)),
    ev.participants && ev.participants.length
      ? el("div", { class: "parts" }, ev.participants.map((p) => entityLink(p))) : null,
    el("div", { class: "outlets" },
      el("span", { class: "count" }, T("outlets_n", ev.n_outlets)), " · ",
      T("articles_n", ev.n_articles), outlets.length ? " — " : "",
      outlets.map((o, i) => el("span", null, i ? ", " : "", el("span", { class: "o" }, o),
        pubs[i] ? el("span", { class: "age" }, " (", fmtAge(pubs[i]), ")") : null))));
}

let facetsCache = null;

async function pageFront(params) {
  const f = { type: params.get("type") || "", outlet: params.get("outlet") || "",
    since: params.get("since") || "", until: params.get("until") || "",
    entity: params.get("entity") || "", q: params.get("q") || "" };
  const typeSel = el("select", { name: "type" }, el("option", { value: "" }, T("all_types")));
  const outletSel = el("select", { name: "outlet" }, el("option", { value: "" }, T("all_outlets")));
  const form = el("form", { class: "filters", id: "filters" },
    el("label", null, T("type"), typeSel),
    el("label", null, T("outlet"), outletSel),
    el("label", null, T("since"), el("input", { type: "date", name: "since", value: f.since })),
    el("label", null, T("until"), el("input", { type: "date", name: "until", value: f.until })),
    el("label", null, T("entity"), el("input", { type: "text", name: "entity", value: f.entity, size: 14 })),
    el("button", { type: "submit" }, T("apply")));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const p = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (v) p.set(k, v);
    location.hash = "#/" + (p.toString() ? "?" + p : "");
  });
  const list = el("div", { class: "stories", id: "stories" });
  const more = el("div", { class: "more" });
  show(el("h1", null, T("latest")), form, list, more);
  try {
    facetsCache = facetsCache || await api("/api/facets");
    for (const t of facetsCache.types)
      typeSel.append(el("option", { value: t.type, selected: t.type === f.type ? "" : null }, `${typeName(t.type)} (${t.n})`));
    for (const o of facetsCache.outlets)
      outletSel.append(el("option", { value: o.outlet, selected: o.outlet === f.outlet ? "" : null }, `${o.outlet} (${o.n})`));
  } catch (e) { /* filters stay usable without the lists */ }
  const load = async (cursor) => {
    const p = new URLSearchParams({ limit: "20" });
    for (const [k, v] of Object.entries(f)) if (v) p.set(k, v);
    if (cursor) p.set("cursor", cursor);
    const r = await api("/api/events?" + p);
    for (const ev of r.events) list.append(storyCard(ev));
    if (!list.children.length) list.append(el("div", { class: "empty" }, T("none")));
    more.replaceChildren(r.next_cursor
      ? el("button", { type: "button", onclick: () => load(r.next_cursor).catch(fail) }, T("more")) : "");
  };
  await load(null);
}

/* Value of a fact for display. */
function factValue(f) {
  const v = f.value;
  switch (f.kind) {
    case "participant": return entityLink(v.name || v.id, v.id);
    case "date": return fmtDate(v);
    case "duration": return fmtDuration(v);
    case "place": return typeof v === "object" ? (v.place || JSON.stringify(v)) : String(v);
    case "figure": return `${fmtNumber(v)} ${f.unit || ""}${f.period ? " (" + f.period + ")" : ""}`.trim();
    case "quote": return el("span", null, el("q", null, v.text), " — ", v.speaker || "");
    default: return typeof v === "object" ? JSON.stringify(v) : String(v);
  }
}

function supportCell(f) {
  const outs = f.outlets || [], n = f.support || (f.articles || []).length;
  return el("td", null,
    el("span", { class: "support" + (n <= 1 ? " one" : "") }, outs.length ? T("by_outlets", outs.length) : T("by_articles", n)),
    outs.length ? el("div", { class: "meta" }, outs.join(", ")) : null);
}

function contradictionBox(c) {
  const kind = I18N[lang].kinds[c.kind] || c.kind;
  return el("div", { class: "contra" },
    el("strong", null, T("contra_title", kind.toLowerCase())),
    el("ul", null, (c.values || []).map((v) => el("li", null,
      el("b", null, factValue({ kind: c.kind, value: v.value, unit: v.unit })), " — ",
      (v.outlets && v.outlets.length ? v.outlets.join(", ") : T("by_articles", (v.articles || []).length))))));
}

async function pageEvent(id) {
  const ev = await api("/api/events/" + enc(id));
  const facts = (ev.facts && ev.facts.facts) || [];
  const byArticle = new Map((ev.articles || []).map((a) => [a.id, a]));
  const nodes = [];
  nodes.push(el("div", { class: "crumbs" }, el("a", { href: "#/" }, "warta"), " › ", T("story"), " #", String(ev.id)));
  nodes.push(el("div", { class: "meta" },
    ev.type ? el("span", { class: "type" }, typeName(ev.type)) : null,
    el("span", { class: "date", id: "event-date" }, fmtDate(ev.date)),
    el("span", { class: "count" }, T("outlets_n", ev.n_outlets)),
    el("span", null, T("articles_n", ev.n_articles))));
  nodes.push(el("h1", null, ev.headline || `#${ev.id}`));
  nodes.push(el("div", { class: "parts" }, (ev.participants || []).map((p) => entityLink(p))));

  const main = [], side = [];
  if (ev.summary && ev.summary.length) {
    main.push(el("h2", null, T("summary")),
      el("div", { class: "panel summary" }, ev.summary.map((s) => el("p", null, s))));
  }
  if (ev.contradictions && ev.contradictions.length) {
    main.push(el("h2", null, T("contradictions")),
      el("div", { id: "contradictions" }, ev.contradictions.map(contradictionBox)));
  }
  const plain = facts.filter((f) => f.kind !== "quote");
  if (plain.length) {
    main.push(el("h2", null, T("facts")),
      el("div", { class: "panel" }, el("table", { class: "facts", id: "facts" },
        el("tr", null, el("th", null, T("fact")), el("th", null, T("value")), el("th", null, T("support"))),
        plain.map((f) => el("tr", { "data-kind": f.kind },
          el("td", null, I18N[lang].kinds[f.kind] || f.kind),
          el("td", { class: "v" }, factValue(f)), supportCell(f))))));
  }
  const quotes = facts.filter((f) => f.kind === "quote");
  if (quotes.length) {
    const bySpeaker = new Map();
    for (const q of quotes) {
      const s = q.value.speaker || "?";
      if (!bySpeaker.has(s)) bySpeaker.set(s, []);
      bySpeaker.get(s).push(q);
    }
    main.push(el("h2", null, T("quotes")), el("div", { class: "panel", id: "quotes" },
      [...bySpeaker].map(([s, qs]) => [
        el("div", { class: "speaker" }, q0Speaker(s, qs[0])),
        qs.slice(0, 3).map(quoteBlock),
        qs.length > 3 ? el("details", null, el("summary", null, `+${qs.length - 3}`), qs.slice(3).map(quoteBlock)) : null])));
  }
  main.push(el("h2", null, T("coverage")), el("div", { class: "panel" }, el("ul", { class: "arts", id: "articles" },
    (ev.articles || []).map((a) => el("li", null,
      el("div", null, el("span", { class: "o" }, a.outlet || T("unknown_outlet")),
        a.published ? el("span", { class: "meta" }, " · ", fmtAge(a.published)) : null),
      el("a", { href: "#/article/" + enc(a.id) }, a.title || a.ext_id),
      a.url ? el("div", null, el("a", { href: a.url, rel: "noopener noreferrer", target: "_blank", class: "meta" }, T("original"), " ↗")) : null)))));

  const kv = el("dl", { class: "kv" },
    el("dt", null, T("date")), el("dd", null, fmtDate(ev.date)),
    ev.duration_minutes !== null ? [el("dt", null, T("duration")), el("dd", { id: "duration" }, fmtDuration(ev.duration_minutes))] : null,
    ev.place ? [el("dt", null, T("place")), el("dd", null, typeof ev.place === "object" ? (ev.place.value || ev.place.place || ev.place.name || JSON.stringify(ev.place)) : ev.place)] : null);
  side.push(el("h2", null, T("event")), el("div", { class: "panel" }, kv));
  if (ev.provenance && ev.provenance.length) {
    side.push(el("h2", null, T("sources")), el("div", { class: "panel" }, el("ul", { class: "arts", id: "sources" },
      ev.provenance.map((p) => el("li", null,
        el("span", { class: "o" }, p.outlet || (byArticle.get(p.article) || {}).title || T("unknown_outlet")), ": ",
        (p.sources || []).join(", ") || "—")))));
  }
  const related = el("ul", { class: "arts related", id: "related" });
  side.push(el("h2", null, T("related")), el("div", { class: "panel" }, related));
  show(nodes, el("div", { class: "cols" }, el("div", null, main), el("aside", null, side)));
  related.replaceChildren(...(await relatedEvents(ev)).map((x) => el("li", null,
    el("div", { class: "meta" }, fmtDate(x.date), " · ", typeName(x.type), " · ", T("outlets_n", x.n_outlets)),
    el("a", { href: "#/event/" + x.id }, x.headline || `#${x.id}`))));
  if (!related.children.length) related.append(el("li", { class: "meta" }, "—"));
}

/* "Lanjut baca": the events of the same story (the engine's story links),
 * then other events of the same type with the same main participant. */
async function relatedEvents(ev) {
  const seen = new Set([ev.id]), out = [];
  const take = (list) => { for (const x of list) if (x.id && !seen.has(x.id)) { seen.add(x.id); out.push(x); } };
  try {
    const tl = await api("/api/events/" + ev.id + "/timeline");
    take((tl.items || []).filter((x) => x.kind === "event"));
  } catch (e) { /* no story */ }
  const who = (ev.participants || [])[0];
  if (who && out.length < 6) {
    try {
      const p = new URLSearchParams({ entity: who, limit: "12" });
      if (ev.type) p.set("type", ev.type);
      take((await api("/api/events?" + p)).events);
    } catch (e) { /* no more */ }
  }
  return out.slice(0, 8);
}

function quoteBlock(q) {
  return el("blockquote", { class: "quote" }, el("q", null, q.value.text),
    el("span", { class: "who" }, (q.outlets || []).join(", ")));
}

function q0Speaker(name, q) {
  return q.value.speaker_id ? entityLink(name, q.value.speaker_id) : name;
}

/* Body paragraphs with entity mentions, times and figures marked.  Offsets
 * are UTF-8 byte offsets into the body; they are mapped to string indexes. */
function articleBody(doc) {
  const body = doc.body || "";
  const bytes = new TextEncoder().encode(body);
  const idx = new Int32Array(bytes.length + 1); /* byte offset -> UTF-16 index */
  let b = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body.codePointAt(i);
    const n = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    for (let k = 0; k < n; k++) idx[b + k] = i;
    b += n;
    if (c >= 0x10000) i++;
  }
  idx[bytes.length] = body.length;
  const spans = [];
  const add = (arr, cls, title) => (arr || []).forEach((x) => {
    if (Number.isInteger(x.start) && Number.isInteger(x.end) && x.start >= 0 && x.end <= bytes.length && x.start < x.end)
      spans.push({ s: idx[x.start], e: idx[x.end], cls, title: title(x) });
  });
  add(doc.mentions, "ent", (x) => x.entity || x.id || "");
  add(doc.timexes, "time", (x) => x.value || "");
  add(doc.figures, "fig", (x) => `${x.kind || ""} ${x.value ?? ""} ${x.unit || ""}`.trim());
  spans.sort((p, q) => p.s - q.s || q.e - p.e);
  const out = el("div", { class: "article-body", id: "body" });
  let para = el("p"), pos = 0, si = 0;
  const flush = (text) => {
    const parts = text.split(/\n\n+/);
    parts.forEach((t, i) => {
      if (i > 0) { out.append(para); para = el("p"); }
      if (t) para.append(document.createTextNode(t));
    });
  };
  while (pos < body.length) {
    while (si < spans.length && spans[si].s < pos) si++;
    const sp = spans[si];
    if (!sp) { flush(body.slice(pos)); break; }
    flush(body.slice(pos, sp.s));
    const text = body.slice(sp.s, sp.e);
    if (text.includes("\n\n")) flush(text);
    else para.append(el("mark", { class: sp.cls, title: sp.title }, text));
    pos = sp.e;
    si++;
  }
  out.append(para);
  return out;
}

async function pageArticle(id) {
  const a = await api("/api/articles/" + enc(id));
  const side = [];
  side.push(el("h2", null, T("article")), el("div", { class: "panel" }, el("dl", { class: "kv" },
    el("dt", null, T("outlet")), el("dd", { id: "article-outlet" }, a.outlet || T("unknown_outlet")),
    el("dt", null, T("published")), el("dd", null, a.published ? `${a.published} (${fmtAge(a.published)})` : "—"),
    el("dt", null, T("language")), el("dd", null, a.language || "—"),
    a.authors && a.authors.length ? [el("dt", null, T("authors")), el("dd", null, a.authors.map((x) => x.name).join(", "))] : null,
    a.event ? [el("dt", null, T("event")), el("dd", null, el("a", { href: "#/event/" + a.event }, "#" + a.event))] : null,
    a.url ? [el("dt", null, T("original")), el("dd", null, el("a", { href: a.url, rel: "noopener noreferrer", target: "_blank" }, a.url))] : null)));
  if (a.entities && a.entities.length)
    side.push(el("h2", null, T("entities")), el("div", { class: "panel", id: "entities" },
      a.entities.map((e) => entityLink(e.name, e.id))));
  if (a.sources && a.sources.length)
    side.push(el("h2", null, T("sources")), el("div", { class: "panel" }, el("ul", { class: "arts" },
      a.sources.map((s) => el("li", null, s.entity_name || s.name, s.cue ? el("span", { class: "meta" }, " · ", s.cue) : null)))));
  const main = [el("h2", null, T("body")), articleBody(a)];
  if (a.quotes && a.quotes.length)
    main.push(el("h2", null, T("quotes")), el("div", { class: "panel", id: "article-quotes" },
      a.quotes.map((q) => el("blockquote", { class: "quote" }, el("q", null, q.text),
        el("span", { class: "who" }, q.speaker_name || q.speaker || "?", q.verb ? ` (${q.verb})` : "")))));
  if (a.timexes && a.timexes.length)
    main.push(el("h2", null, T("timexes")), el("div", { class: "panel" },
      a.timexes.map((t) => el("span", { class: "chip", title: t.type || "" }, t.text, " → ", t.value || "?"))));
  if (a.figures && a.figures.length)
    main.push(el("h2", null, T("figures")), el("div", { class: "panel" },
      a.figures.map((f) => el("span", { class: "chip", title: f.kind || "" }, f.text))));
  show(el("div", { class: "crumbs" }, el("a", { href: "#/" }, "warta"), " › ",
    a.event ? el("a", { href: "#/event/" + a.event }, T("story") + " #" + a.event) : T("article")),
  el("h1", { id: "article-title" }, a.title || a.ext_id),
  el("div", { class: "cols" }, el("div", null, main), el("aside", null, side)));
}

function timelineItem(x) {
  if (x.kind === "event")
    return el("li", { class: "event" }, el("div", { class: "when" }, fmtDate(x.date)),
      el("a", { href: "#/event/" + x.id }, x.headline || `#${x.id}`),
      el("div", { class: "meta" }, typeName(x.type), " · ", T("outlets_n", x.n_outlets), " · ", (x.outlets || []).join(", ")));
  return el("li", { class: "mentioned" }, el("div", { class: "when" }, x.date ? fmtDate(x.date) : (x.date_value || T("no_date"))),
    el("div", null, x.summary || typeName(x.type)),
    el("div", { class: "meta" }, typeName(x.type), " · ", T("mentioned")));
}

async function pageEntity(id) {
  const tl = await api("/api/entities/" + enc(id) + "/timeline");
  const e = tl.entity || {};
  let names = [];
  try { names = (await api("/api/entities/" + enc(id))).names || []; } catch (err) { /* optional */ }
  show(el("div", { class: "crumbs" }, el("a", { href: "#/" }, "warta"), " › ", T("entities")),
    el("h1", { id: "entity-name" }, e.name || id),
    el("div", { class: "meta" }, e.type || "", " · ", e.id || "", " · ", T("articles_n", e.n_articles || 0)),
    names.length > 1 ? el("div", { class: "meta" }, T("names"), ": ", names.join(", ")) : null,
    el("h2", null, T("timeline")),
    (tl.items || []).length ? el("ul", { class: "timeline", id: "timeline" }, tl.items.map(timelineItem))
      : el("div", { class: "empty" }, T("none")));
}

/* A snippet with [matches] marked, as text nodes and <mark>s. */
function snippet(s) {
  const out = el("div", { class: "snippet" });
  for (const part of (s || "").split(/(\[[^\]]*\])/)) {
    if (part.startsWith("[") && part.endsWith("]")) out.append(el("mark", null, part.slice(1, -1)));
    else if (part) out.append(document.createTextNode(part));
  }
  return out;
}

async function pageSearch(params) {
  const q = params.get("q") || "";
  document.getElementById("q").value = q;
  if (!q.trim()) { show(el("div", { class: "empty" }, T("no_results"))); return; }
  const r = await api("/api/search?" + new URLSearchParams({ q, limit: "30" }));
  show(el("h1", null, T("results_for", q)),
    el("div", { class: "cols" },
      el("div", null, el("h2", null, T("articles")),
        r.articles.length ? el("ul", { class: "arts panel", id: "search-articles" }, r.articles.map((a) => el("li", null,
          el("div", null, el("span", { class: "o" }, a.outlet || T("unknown_outlet")),
            a.published ? el("span", { class: "meta" }, " · ", fmtAge(a.published)) : null),
          el("a", { href: "#/article/" + enc(a.id) }, a.title || a.ext_id), snippet(a.snippet))))
          : el("div", { class: "empty" }, T("no_results"))),
      el("aside", null, el("h2", null, T("events")),
        el("div", { class: "stories", id: "search-events" }, r.events.map(storyCard)))));
}

/* ------------------------------------------------------------------ router */

/* Renders run one after another, so a slow one (a fetch) can never paint
 * over a newer one: the last route asked for is the last painted. */
let renderChain = Promise.resolve();
function route() {
  renderChain = renderChain.then(render, render);
  return renderChain;
}

async function render() {
  const h = location.hash.replace(/^#/, "") || "/";
  const [path, query] = h.split("?");
  const params = new URLSearchParams(query || "");
  const seg = path.split("/").filter(Boolean).map((s) => { try { return decodeURIComponent(s); } catch (e) { return s; } });
  document.documentElement.lang = lang;
  view().replaceChildren(el("div", { class: "empty" }, T("loading")));
  try {
    if (seg[0] === "event" && seg[1]) await pageEvent(seg[1]);
    else if (seg[0] === "article" && seg[1]) await pageArticle(seg.slice(1).join("/"));
    else if (seg[0] === "entity" && seg[1]) await pageEntity(seg.slice(1).join("/"));
    else if (seg[0] === "search") await pageSearch(params);
    else await pageFront(params);
    document.body.dataset.ready = h;
  } catch (e) {
    fail(e);
    document.body.dataset.ready = h;
  }
}

function applyLang() {
  for (const n of document.querySelectorAll("[data-i18n]")) n.textContent = T(n.dataset.i18n);
  for (const n of document.querySelectorAll("[data-i18n-placeholder]")) n.placeholder = T(n.dataset.i18nPlaceholder);
  for (const b of document.querySelectorAll("[data-lang]")) b.classList.toggle("on", b.dataset.lang === lang);
}

document.addEventListener("DOMContentLoaded", () => {
  applyLang();
  document.getElementById("search").addEventListener("submit", (e) => {
    e.preventDefault();
    location.hash = "#/search?" + new URLSearchParams({ q: document.getElementById("q").value });
  });
  for (const b of document.querySelectorAll("[data-lang]")) {
    b.addEventListener("click", () => {
      lang = b.dataset.lang;
      try { localStorage.setItem("warta.lang", lang); } catch (e) { /* private mode */ }
      applyLang();
      route();
    });
  }
  window.addEventListener("hashchange", route);
  route();
});
