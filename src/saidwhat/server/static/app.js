// saidwhat web page: search, speaker and article views over the JSON API.
// Every piece of data goes into the page through textContent / text nodes, never innerHTML.
"use strict";

const view = () => document.getElementById("view");
const statusLine = () => document.getElementById("status");
const PALETTE_SIZE = 8;
const PAGE_SIZE = 50; // quotes per page; "#/search?limit=N" asks for another size (1..500)

// "1 quote", "2 quotes", "0 quotes".
const plural = (count, noun) => `${count} ${noun}${count === 1 ? "" : "s"}`;

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "className") node.className = value;
    else if (name === "dataset") Object.assign(node.dataset, value);
    else node.setAttribute(name, String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function setStatus(text, isError) {
  const line = statusLine();
  line.textContent = text || "";
  line.classList.toggle("error", Boolean(isError));
}

async function api(path) {
  const response = await fetch(path, { headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const message = body && body.error ? body.error.message : `HTTP ${response.status}`;
    throw new Error(message);
  }
  return body;
}

const articleHref = (id) => `#/article/${encodeURIComponent(id)}`;
const speakerHref = (id) => `#/speaker/${encodeURIComponent(id)}`;

function highlighted(text, spans) {
  const parts = [];
  let position = 0;
  for (const [start, end] of spans || []) {
    parts.push(text.slice(position, start), el("mark", {}, text.slice(start, end)));
    position = end;
  }
  parts.push(text.slice(position));
  return parts;
}

function quoteItem(quote) {
  const speaker = quote.speaker
    ? el("a", { href: speakerHref(quote.speaker.id) }, quote.speaker.name)
    : el("span", {}, "unknown speaker");
  const article = el("a", { href: articleHref(quote.article.id) }, quote.article.title || quote.article.id);
  return el(
    "li",
    { className: "quote-result" },
    el("blockquote", {}, highlighted(quote.text, quote.highlights)),
    el("div", { className: "meta" }, speaker, article, el("span", { className: "date" }, quote.article.published || "undated")),
  );
}

function pageSize(params) {
  const asked = Number.parseInt(params.get("limit") || "", 10);
  return Number.isInteger(asked) && asked >= 1 && asked <= 500 ? asked : PAGE_SIZE;
}

async function showSearch(params) {
  const q = params.get("q") || "";
  const speaker = params.get("speaker") || "";
  const limit = pageSize(params);
  document.getElementById("q").value = q;
  document.getElementById("speaker").value = speaker;
  const query = new URLSearchParams({ limit: String(limit) });
  if (q) query.set("q", q);
  if (speaker) query.set("speaker", speaker);
  setStatus("Searching…");
  const body = await api(`/quotes?${query}`);
  const heading = q ? `Quotes matching “${q}”` : "Latest quotes";
  const list = el("ol", { className: "results", id: "results" }, body.quotes.map(quoteItem));
  view().replaceChildren(el("h1", {}, heading), list);
  setStatus(body.quotes.length ? plural(body.quotes.length, "quote") : "No quotes found.");
  if (body.quotes.length === limit) view().append(moreButton(query, list, limit));
}

// A "More quotes" button that fetches the next page into `list`; it goes when a page comes back short.
function moreButton(query, list, limit) {
  const button = el("button", { type: "button", id: "more", className: "more" }, "More quotes");
  button.addEventListener("click", async () => {
    button.disabled = true;
    query.set("offset", String(list.children.length));
    try {
      const body = await api(`/quotes?${query}`);
      list.append(...body.quotes.map(quoteItem));
      setStatus(plural(list.children.length, "quote"));
      if (body.quotes.length < limit) button.remove();
      else button.disabled = false;
    } catch (error) {
      button.disabled = false;
      setStatus(error.message, true);
    }
  });
  return button;
}

async function showSpeakers() {
  const body = await api("/speakers?limit=200");
  const items = body.speakers.map((s) =>
    el("li", {}, el("a", { href: speakerHref(s.id) }, s.name), ` — ${plural(s.quotes, "quote")} in ${plural(s.articles, "article")} (${s.kind})`),
  );
  view().replaceChildren(el("h1", {}, "Speakers"), el("ul", { className: "plain" }, items));
  setStatus(plural(body.total, "speaker"));
}

function monthBars(months) {
  const most = Math.max(1, ...months.map((m) => m.quotes));
  return el(
    "div",
    { className: "bars", role: "list", "aria-label": "Quotes per month" },
    months.map((m) => [
      el("span", { role: "listitem" }, m.month),
      el("div", { className: "bar", style: `width:${Math.round((100 * m.quotes) / most)}%`, "aria-hidden": "true" }),
      el("span", {}, String(m.quotes)),
    ]),
  );
}

async function showSpeaker(id) {
  const s = await api(`/speakers/${encodeURIComponent(id)}`);
  const quotes = s.quotes.map((q) =>
    el(
      "li",
      {},
      el("blockquote", {}, q.text),
      el("div", { className: "meta" }, el("a", { href: articleHref(q.article_id) }, q.article_title || q.article_id), q.published || "undated"),
    ),
  );
  view().replaceChildren(
    el("h1", {}, s.name),
    el("p", { className: "meta" }, s.kind),
    el("h2", {}, "Also called"),
    el("ul", { className: "chips" }, s.aliases.map((a) => el("li", {}, a))),
    el("h2", {}, "Described as"),
    s.descriptions.length ? el("ul", { className: "chips" }, s.descriptions.map((d) => el("li", {}, d))) : el("p", {}, "—"),
    el("h2", {}, "Quotes over time"),
    monthBars(s.months),
    el("h2", {}, "Quotes"),
    el("ol", { className: "results" }, quotes),
  );
  setStatus(plural(s.quotes.length, "quote"));
}

// Cut the text at every span boundary; each piece knows which quote content, cue or source covers it.
function annotate(article) {
  const marks = [];
  article.quotes.forEach((quote, index) => {
    quote.contents.forEach((span, part) => marks.push({ ...span, role: "content", quote, index, first: part === 0 }));
    if (quote.cue) marks.push({ ...quote.cue, role: "cue", quote, index });
    (quote.sources || []).forEach((span) => marks.push({ ...span, role: "source", quote, index }));
  });
  const cuts = new Set([0, article.text.length]);
  marks.forEach((m) => { cuts.add(m.start); cuts.add(m.end); });
  const points = [...cuts].filter((p) => p >= 0 && p <= article.text.length).sort((a, b) => a - b);
  const pieces = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [start, end] = [points[i], points[i + 1]];
    const covering = marks.filter((m) => m.start <= start && end <= m.end && m.start < m.end);
    pieces.push({ start, end, covering });
  }
  return pieces;
}

function speakerColours(article) {
  const colours = new Map();
  article.speakers.forEach((s) => { if (!colours.has(s.id)) colours.set(s.id, `sp-${colours.size % PALETTE_SIZE}`); });
  return colours;
}

function pieceNode(text, piece, colours) {
  const content = piece.covering.find((m) => m.role === "content");
  const cue = piece.covering.find((m) => m.role === "cue");
  const source = piece.covering.find((m) => m.role === "source");
  let node = document.createTextNode(text);
  if (cue || source) {
    const which = cue || source;
    const who = which.quote.speaker ? which.quote.speaker.name : "unknown speaker";
    node = el("span", { className: cue ? "cue" : "source", title: `${cue ? "Cue" : "Source"} of quote ${which.quote.id}: ${who}` }, node);
  }
  if (content) {
    const who = content.quote.speaker ? content.quote.speaker.name : "unknown speaker";
    const colour = content.quote.speaker ? colours.get(content.quote.speaker.id) || "sp-none" : "sp-none";
    const starts = content.first && piece.start === content.start;
    node = el(
      "mark",
      {
        className: `quote ${colour}`,
        title: `${who} (${content.quote.type} quote)`,
        tabindex: starts ? "0" : null,
        "aria-label": starts ? `Quote by ${who}` : null,
        dataset: { speaker: who, quote: content.quote.id },
      },
      node,
    );
  }
  return node;
}

function legend(article, colours) {
  return el(
    "ul",
    { className: "legend", "aria-label": "Speakers in this article" },
    article.speakers.map((s) =>
      el("li", {}, el("span", { className: `swatch ${colours.get(s.id)}`, "aria-hidden": "true" }), el("a", { href: speakerHref(s.id) }, s.name)),
    ),
    el("li", {}, el("span", { className: "cue" }, "cue")),
    el("li", {}, el("span", { className: "source" }, "source")),
  );
}

async function showArticle(id) {
  const article = await api(`/articles/${encodeURIComponent(id)}`);
  const colours = speakerColours(article);
  const body = el("div", { className: "article-text", id: "article-text" });
  for (const piece of annotate(article)) body.append(pieceNode(article.text.slice(piece.start, piece.end), piece, colours));
  const link = /^https?:\/\//i.test(article.url || "") ? el("a", { href: article.url, rel: "noopener noreferrer" }, "original") : null;
  view().replaceChildren(
    el("h1", {}, article.title || article.id),
    el("p", { className: "meta" }, article.published || "undated", link),
    legend(article, colours),
    body,
  );
  setStatus(`${plural(article.quotes.length, "quote")}, ${plural(article.speakers.length, "speaker")}`);
}

function showTip(event) {
  const mark = event.target.closest && event.target.closest("mark.quote");
  let tip = document.getElementById("tip");
  if (!mark) { if (tip) tip.remove(); return; }
  if (!tip) { tip = el("div", { id: "tip", role: "tooltip" }); document.body.append(tip); }
  tip.textContent = mark.dataset.speaker;
  const box = mark.getBoundingClientRect();
  tip.style.left = `${Math.max(4, Math.min(box.left, window.innerWidth - 290))}px`;
  tip.style.top = `${box.bottom + 4}px`;
}

async function route() {
  const hash = location.hash.replace(/^#/, "") || "/";
  const [path, queryString] = hash.split("?");
  const parts = path.split("/").filter(Boolean);
  try {
    if (parts[0] === "article" && parts[1]) await showArticle(decodeURIComponent(parts.slice(1).join("/")));
    else if (parts[0] === "speaker" && parts[1]) await showSpeaker(decodeURIComponent(parts[1]));
    else if (parts[0] === "speakers") await showSpeakers();
    else await showSearch(new URLSearchParams(queryString || ""));
  } catch (error) {
    view().replaceChildren();
    setStatus(error.message, true);
  }
}

document.addEventListener("DOMContentLoaded", () => {
  document.getElementById("search-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const params = new URLSearchParams();
    const q = document.getElementById("q").value.trim();
    const speaker = document.getElementById("speaker").value.trim();
    if (q) params.set("q", q);
    if (speaker) params.set("speaker", speaker);
    location.hash = `#/search?${params}`;
  });
  document.addEventListener("focusin", showTip);
  document.addEventListener("mouseover", showTip);
  window.addEventListener("hashchange", route);
  route();
});
