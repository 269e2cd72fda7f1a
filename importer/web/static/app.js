// leadimport serve: the page. Plain JavaScript, no libraries, nothing
// from the network but this server's /api/. It follows the flow:
// drop a sheet, match its columns, check, fix rows, send, download the
// report, see the history.
//
// Safety: every value from a sheet or the server is put on the page with
// textContent or as an attribute value, never as HTML; there is no inline
// script and no eval, so a strict Content-Security-Policy holds.
"use strict";

(function () {

// ---------------------------------------------------------------- texts

// The page's words are the server's (GET /api/texts): every one, in a
// language, by its key; importer/msg/page.go lists them, en.go and sv.go
// say them. Elements name theirs with data-t (the text), data-t-label
// (aria-label) and data-t-placeholder; the script with t("key"), or, for
// a text with parts to fill in, t("key", {name: value}). The page stays
// hidden until the texts of its language are there.

const UTM = "marketing.utmTags.";
// The UTM tags the drop-down offers for the mapping's marketing.utmTags.NAME.
const UTM_TAGS = ["utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content"];

let lang = "";     // the language shown, as the server names it (sv, en)
let texts = {};    // its texts, by key
const loaded = {}; // the answers of /api/texts so far, by language

// t is the text of key, its {parts} filled in from parts as text. A key
// the server does not know shows as itself, as the catalogue shows a
// message it lacks.
function t(key, parts) {
  const text = texts[key];
  if (typeof text !== "string") return "!(" + key + ")";
  if (!parts) return text;
  return text.replace(/\{(\w+)\}/g, (m, name) => (name in parts ? String(parts[name]) : m));
}
// word is the text of key, or fallback when there is none: a status or a
// field the page has no text for is shown as the server names it.
function word(key, fallback) {
  return typeof texts[key] === "string" ? texts[key] : fallback;
}
function otherLang() { return lang === "sv" ? "en" : "sv"; }
// fieldLabel names a field of the mapping's endpoint, or else of the
// other endpoint that has it, by the text the server gives it.
function fieldLabel(field) {
  if (field.startsWith(UTM)) return "UTM " + field.slice(UTM.length);
  let f = fieldInfo(field, state.endpoint);
  for (const ep of Object.keys(vocab.endpoints)) f = f || fieldInfo(field, ep);
  return f && f.text ? word(f.text, field) : field;
}

// useTexts fetches the texts of language l ("": the server's, its
// --lang) and makes them the page's. A language the server does not
// speak gets the server's.
async function useTexts(l) {
  let answer = l ? loaded[l] : null;
  if (!answer) {
    try {
      answer = await api("GET", "/api/texts" + (l ? "?lang=" + encodeURIComponent(l) : ""), undefined, { bare: true, cache: "no-cache" });
    } catch (e) {
      if (e.status === 400 && l) return useTexts("");
      throw e;
    }
  }
  loaded[answer.lang] = answer;
  lang = answer.lang;
  texts = answer.texts || {};
}

// ---------------------------------------------------------------- the fields

// The fields a column may fill are the mapping's endpoint's (GET
// /api/fields): FinalPriceWatched's (the person wants the estate's final
// price) or Interest's (an interest registration). Each field has its
// group in the drop-down, the key of its text, and its name in every
// endpoint that has it, by which a matched column follows a change of
// endpoint (person.firstName is firstName, message is contactMessage).
// Objects keyed by a name from a sheet or a mapping have no prototype, so
// that a header or a field called "constructor" is nothing but itself.
const vocab = {
  def: "FinalPriceWatched", // the endpoint of a mapping that names none
  endpoints: Object.create(null), // name → {statuses, fields, byName}
};

async function loadFields() {
  const answer = await api("GET", "/api/fields");
  vocab.def = answer.default || vocab.def;
  for (const e of answer.endpoints || []) {
    const byName = Object.create(null);
    for (const f of e.fields || []) byName[f.name] = f;
    vocab.endpoints[e.name] = { statuses: e.statuses || [], fields: e.fields || [], byName };
  }
}
function fieldInfo(field, endpoint) {
  const v = vocab.endpoints[endpoint];
  return v ? v.byName[field] : undefined;
}
// twinOf is field's name in endpoint to, "" when to has no such field; a
// field from does not know (the server will say so) stays as it is.
function twinOf(field, from, to) {
  if (field.startsWith(UTM)) return fieldInfo(UTM + "NAME", to) ? field : "";
  const f = fieldInfo(field, from);
  if (!f) return field;
  return (f.names && f.names[to]) || "";
}
function groupLabel(group) {
  if (group === "person") return t("groupPerson");
  if (group === "home") return t("groupHome");
  return t("groupLead");
}
// endpointLabel is the endpoint as its choice on the page names it.
function endpointLabel(endpoint) {
  const r = endpointChoice(endpoint);
  const name = r && r.closest("label").querySelector(".choice-name");
  return name ? name.textContent : endpoint;
}
function endpointChoice(endpoint) {
  return Array.from(document.querySelectorAll('input[name="endpoint"]')).find((r) => r.value === endpoint);
}

// ---------------------------------------------------------------- helpers

const $ = (sel) => document.querySelector(sel);
function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "class") e.className = v;
    else if (k === "text") e.textContent = v;
    else e.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}
function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
function show(node, yes) { node.hidden = !yes; }

// A placeholder id is what init writes (M0000, OBJ0000) or a note to
// fill one in; as mapping.PlaceholderID decides.
function isPlaceholder(v) {
  v = String(v || "").trim();
  if (["", "todo", "tbd", "fixme", "?", "-", "n/a"].includes(v.toLowerCase())) return true;
  if (/^[xX]+$/.test(v)) return true;
  const digits = v.replace(/^[A-Za-z]+/, "");
  return digits !== "" && /^0+$/.test(digits);
}

// ---------------------------------------------------------------- the API

// The token of this start came in the address once; the server keeps it
// in an HttpOnly cookie. It is taken out of the address bar at once, so
// that it is not bookmarked, and sent as a header too while the page lives.
let token = "";
(function takeToken() {
  const url = new URL(window.location.href);
  const tok = url.searchParams.get("token");
  if (tok) {
    token = tok;
    url.searchParams.delete("token");
    window.history.replaceState(null, "", url.pathname + url.search + url.hash);
  }
})();

class APIError extends Error {
  constructor(status, body, text) {
    super(text);
    this.status = status;
    this.body = body;
  }
}

// api calls the server and returns its JSON (or text). An answer that is
// not 2xx throws an APIError holding the body and one plain sentence.
async function api(method, path, body, opts) {
  const headers = { "Accept": "application/json" };
  if (lang) headers["Accept-Language"] = lang;
  if (token) headers["Authorization"] = "Bearer " + token;
  let payload = body;
  if (body !== undefined && !(body instanceof FormData) && typeof body !== "string") {
    payload = JSON.stringify(body);
    headers["Content-Type"] = "application/json";
  } else if (typeof body === "string") {
    headers["Content-Type"] = (opts && opts.type) || "application/yaml; charset=utf-8";
  }
  let res;
  try {
    res = await fetch(opts && opts.bare ? path : withLang(path),
      { method, headers, body: payload, credentials: "same-origin", cache: (opts && opts.cache) || "no-store" });
  } catch (e) {
    // Before the page has its texts, the browser's own words.
    throw new APIError(0, null, "network" in texts ? t("network") : String(e.message || e));
  }
  const type = res.headers.get("Content-Type") || "";
  let data = null;
  if (type.includes("json")) {
    try { data = await res.json(); } catch (e) { data = null; }
  } else {
    data = await res.text();
  }
  if (!res.ok) {
    let text = "";
    if (data && typeof data === "object") text = data.error || data.message || "";
    else if (typeof data === "string" && data.length < 400) text = data.trim();
    if (res.status === 401 && "unauthorized" in texts) text = t("unauthorized");
    if (!text) text = t("serverError", { status: res.status });
    throw new APIError(res.status, data, text);
  }
  return data;
}
function withLang(path) {
  return path + (path.includes("?") ? "&" : "?") + "lang=" + lang;
}

function pageError(text) {
  const box = $("#page-error");
  box.textContent = text || "";
  show(box, !!text);
  if (text) box.scrollIntoView({ block: "center" });
}

// ---------------------------------------------------------------- state

const state = {
  file: null,        // the File chosen, kept to read it again with other options
  id: "",            // the import's id on the server
  input: null,       // what the server detected
  endpoint: "FinalPriceWatched", // the mapping's endpoint, whose fields the page offers
  columns: [],       // the mapping's column lines: {header, field}
  notes: Object.create(null), // header → {field}: its field, which the endpoint chosen since lacks
  constNotes: [],    // the constants the last change of endpoint removed: {field} or {status}
  constants: {},     // field → value
  extraConstants: [],// constant fields the page has no field of its own for
  extraYAML: "",     // other top-level sections of a mapping, kept as written
  inputChosen: {},   // input options the person chose on the page
  lineMap: {},       // line of the YAML sent → where its problem shows
  check: null,       // the last check's answer
  rows: [],          // the rows loaded so far
  next: 0,           // the offset of the next page of rows
  total: 0,          // the rows in the input
  stale: true,       // the mapping changed since the last check
  editing: 0,        // the row being fixed, or 0
  credSuspect: false, // a send stopped: credentials given here may be why
  haveCreds: null,   // whether the server has credentials to send with
  edited: {},        // row → the headers of its cells fixed on this page
  sending: false,
  stopAsked: false,  // the person pressed Stop
  sent: false,       // the import was sent
  events: null,
};

// ---------------------------------------------------------------- language

function applyTexts() {
  document.documentElement.lang = lang;
  for (const node of document.querySelectorAll("[data-t]")) node.textContent = t(node.dataset.t);
  for (const node of document.querySelectorAll("[data-t-label]")) node.setAttribute("aria-label", t(node.dataset.tLabel));
  for (const node of document.querySelectorAll("[data-t-placeholder]")) node.setAttribute("placeholder", t(node.dataset.tPlaceholder));
  const sw = $("#lang-switch");
  sw.textContent = t("switchTo");
  sw.setAttribute("lang", otherLang());
}

async function setLang(l, refetch) {
  try {
    await useTexts(l);
  } catch (e) {
    pageError(e.message);
    return;
  }
  try { sessionStorage.setItem("leadimport.lang", lang); } catch (e) { /* private mode */ }
  applyTexts();
  if (!$("#step-report").hidden) labelDownloads();
  if (state.id) renderMatch();
  if (state.check) {
    // The server words the reasons in the page's language: ask again.
    if (refetch && !state.stale && !state.sending && !state.sent) await runCheck(false).catch(() => renderCheck());
    else renderCheck();
  }
  renderSendButton();
  loadHistory();
}

// ---------------------------------------------------------------- steps

const STEP_ORDER = ["file", "match", "check", "send", "report", "history"];
function markStep(current) {
  const at = STEP_ORDER.indexOf(current);
  for (const li of document.querySelectorAll(".steps li")) {
    const i = STEP_ORDER.indexOf(li.dataset.step);
    li.classList.toggle("current", i === at);
    li.classList.toggle("done", i < at && li.dataset.step !== "history");
    const a = li.querySelector("a");
    if (i === at) a.setAttribute("aria-current", "step"); else a.removeAttribute("aria-current");
  }
}

// ---------------------------------------------------------------- 1. the file

function setupDrop() {
  const drop = $("#drop");
  const input = $("#file-input");
  input.addEventListener("change", () => {
    if (input.files && input.files[0]) chooseFile(input.files[0]);
  });
  // A file dropped anywhere on the page is taken, not opened by the browser.
  for (const type of ["dragenter", "dragover"]) {
    document.addEventListener(type, (e) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = "copy";
      drop.classList.add("over");
    });
  }
  document.addEventListener("dragleave", (e) => {
    if (e.relatedTarget === null) drop.classList.remove("over");
  });
  document.addEventListener("drop", (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    drop.classList.remove("over");
    const f = e.dataTransfer.files && e.dataTransfer.files[0];
    if (f) chooseFile(f);
  });
  $("#detected").addEventListener("submit", (e) => {
    e.preventDefault();
    const sheets = (state.input && state.input.sheets) || [];
    state.inputChosen = {
      sheet: sheets.length > 1 ? $("#o-sheet").value : "",
      headerRow: $("#o-header").value.trim(),
      encoding: $("#o-encoding").value,
      delimiter: $("#o-delimiter").value,
    };
    reread(state.inputChosen);
  });
}
function hasFiles(e) {
  return e.dataTransfer && Array.from(e.dataTransfer.types || []).includes("Files");
}

const SHEET_EXT = /\.(xlsx|xlsm|csv|txt|tsv)$/i;
function chooseFile(file) {
  pageError("");
  if (!SHEET_EXT.test(file.name)) {
    setFileStatus(t("notSheet", { name: file.name }), "error");
    return;
  }
  state.file = file;
  state.inputChosen = {};
  upload({});
}

function setFileStatus(text, kind) {
  const s = $("#file-status");
  s.textContent = text;
  s.classList.toggle("busy", kind === "busy");
  s.classList.toggle("problem", kind === "error");
}

// upload sends the file (again) with the input options; keep, when given,
// is the page's matching to keep instead of the proposal (a retry).
async function upload(opts, keep) {
  const file = state.file;
  if (!file) return false;
  const form = new FormData();
  form.append("file", file, file.name);
  for (const k of ["sheet", "headerRow", "encoding", "delimiter"]) {
    if (opts[k]) form.append(k, opts[k]);
  }
  setFileStatus(t("reading", { name: file.name }), "busy");
  let answer;
  try {
    answer = await api("POST", "/api/imports", form);
  } catch (e) {
    setFileStatus(e.message, "error");
    return false;
  }
  took(answer, keep);
  return true;
}

// reread reads the uploaded sheet again with other input options (a sheet,
// a header row, an encoding, a delimiter), without sending it again.
async function reread(opts) {
  const keep = pageMatching();
  const name = (state.input && state.input.name) || (state.file && state.file.name) || "";
  setFileStatus(t("reading", { name }), "busy");
  let answer;
  try {
    answer = await api("PUT", `/api/imports/${encodeURIComponent(state.id)}/input`, opts);
  } catch (e) {
    setFileStatus(e.message, "error");
    return;
  }
  // The columns that are still there keep the page's matching.
  took(answer, keep);
}

// took shows an import the server read: what it found, and the
// proposed matching (or, with keep, the page's own).
function took(answer, keep) {
  setFileStatus(t("readDone", { name: (answer.input && answer.input.name) || "" }), "");
  state.id = answer.id;
  state.input = answer.input || {};
  state.check = null;
  state.rows = [];
  state.edited = {};
  state.sent = false;
  state.stale = true;
  $("#report-format").disabled = false;
  readProposal(answer.mapping || "", answer);
  if (keep) {
    const fields = {};
    for (const c of keep.columns) fields[c.header] = c.field;
    for (const c of state.columns) if (c.header in fields) c.field = fields[c.header];
    state.endpoint = keep.endpoint;
    nameConstants();
    state.constants = keep.constants;
    state.extraConstants = keep.extraConstants;
    state.extraYAML = keep.extraYAML;
    state.remembered = "";
  }
  renderDetected();
  renderMatch();
  show($("#step-match"), true);
  show($("#step-check"), false);
  show($("#step-send"), false);
  show($("#step-report"), false);
  markStep("match");
  const first = document.querySelector("#columns-body select");
  if (first) first.focus({ preventScroll: true });
  $("#step-match").scrollIntoView({ block: "start" });
}

// pageMatching is the matching the page shows, to keep over a proposal.
function pageMatching() {
  return {
    endpoint: state.endpoint,
    columns: state.columns.map((c) => ({ header: c.header, field: c.field })),
    constants: Object.assign({}, state.constants),
    extraConstants: state.extraConstants.slice(),
    extraYAML: state.extraYAML,
  };
}

// retry makes the same import ready to send again after a send that
// stopped (Connect unreachable, a password refused): the server keeps
// its sheet, the page's matching and the cells fixed on it; the ledger
// skips what the first send sent. Its rows may be fixed again first.
async function retry() {
  show($("#send-error"), false);
  show($("#send-done"), false);
  show($("#progress-box"), false);
  show($("#retry-button"), false);
  show($("#step-report"), false);
  state.sent = false;
  $("#report-format").disabled = false;
  try {
    await runCheck(false);
    show($("#step-send"), true);
    markStep("send");
    $("#step-send").scrollIntoView({ block: "start" });
    $("#send-button").focus({ preventScroll: true });
  } catch (e) {
    pageError(e.message);
  }
}

function renderDetected() {
  const inp = state.input;
  $("#d-name").textContent = inp.name || (state.file && state.file.name) || "";
  $("#d-rows").textContent = String(inp.rows ?? "");
  const sheets = inp.sheets || [];
  const sel = $("#o-sheet");
  clear(sel);
  for (const s of sheets) sel.append(el("option", { value: s, text: s }));
  if (inp.sheet) sel.value = inp.sheet;
  show($("#opt-sheet"), sheets.length > 0);
  sel.disabled = sheets.length < 2;
  $("#o-header").value = inp.headerRow || "";
  const isCSV = !!(inp.encoding || inp.delimiter) && sheets.length === 0;
  show($("#opt-encoding"), isCSV);
  show($("#opt-delimiter"), isCSV);
  $("#o-encoding").value = state.inputChosen.encoding || "";
  $("#o-delimiter").value = state.inputChosen.delimiter || "";
  $("#d-encoding").textContent = inp.encoding ? t("detectedAs", { value: inp.encoding }) : "";
  $("#d-delimiter").textContent = inp.delimiter ? t("detectedAs", { value: inp.delimiter === "\t" ? t("tab") : inp.delimiter }) : "";
  show($("#detected"), true);
}

// ---------------------------------------------------------------- the mapping as YAML

// readProposal takes the proposed mapping, a YAML text, apart into the
// page's fields. It reads the shape a mapping file has (version, endpoint,
// columns, constants, input; README "The mapping file"); any other
// top-level section (normalize, validation) is kept as written and sent
// back with the rest. The endpoint it names is the page's choice (one
// the page does not know: the default, as a mapping without one).
function readProposal(text, answer) {
  const columns = {};
  const constants = {};
  const extra = [];
  let section = "";
  let keepExtra = false;
  state.endpoint = vocab.def;
  for (const raw of text.split(/\r?\n/)) {
    const line = stripComment(raw);
    if (line.trim() === "") { if (keepExtra && raw.trim() !== "") extra.push(raw); continue; }
    const indent = line.length - line.trimStart().length;
    if (indent === 0) {
      const kv = splitKeyValue(line.trim());
      section = kv ? kv.key : "";
      if (section === "endpoint" && kv.value in vocab.endpoints) state.endpoint = kv.value;
      keepExtra = !["version", "endpoint", "columns", "constants", "input"].includes(section);
      if (keepExtra) extra.push(raw);
      continue;
    }
    if (keepExtra) { extra.push(raw); continue; }
    const kv = splitKeyValue(line.trim());
    if (!kv) continue;
    if (section === "columns") columns[kv.key.toLowerCase()] = kv.value;
    else if (section === "constants") constants[kv.key] = kv.value;
  }
  state.extraYAML = extra.join("\n");
  state.columns = (state.input.columns || []).map((c) => ({
    header: c.header,
    field: columns[String(c.header).trim().toLowerCase()] || "",
  }));
  // A constant named as another endpoint names it (a proposal's default
  // status, prospectiveBuyerStatus) is taken as this one names it, as a
  // change of endpoint takes it.
  for (const k of Object.keys(constants)) {
    if (k.startsWith(UTM) || fieldInfo(k, state.endpoint)) continue;
    const from = Object.keys(vocab.endpoints).find((ep) => fieldInfo(k, ep));
    const twin = from ? twinOf(k, from, state.endpoint) : "";
    if (twin && !(twin in constants)) { constants[twin] = constants[k]; delete constants[k]; }
  }
  state.constants = constants;
  state.notes = Object.create(null);
  state.constNotes = [];
  nameConstants();
  const fixed = fixedConstants();
  state.extraConstants = Object.keys(constants).filter((k) => !fixed.includes(k));
  // The server's note that the mapping was remembered, in its words.
  state.remembered = (answer && typeof answer.remembered === "string") ? answer.remembered : "";
}

// stripComment cuts a # comment that is outside quotes.
function stripComment(line) {
  let q = "";
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (q) {
      if (q === '"' && c === "\\") { i++; continue; }
      if (c === q) q = "";
    } else if (c === '"' || c === "'") {
      q = c;
    } else if (c === "#" && (i === 0 || /\s/.test(line[i - 1]))) {
      return line.slice(0, i).replace(/\s+$/, "");
    }
  }
  return line.replace(/\s+$/, "");
}

// splitKeyValue reads `key: value`, either side plain or quoted.
function splitKeyValue(s) {
  let key, rest;
  if (s[0] === '"' || s[0] === "'") {
    const end = closingQuote(s, 0);
    if (end < 0) return null;
    key = unquote(s.slice(0, end + 1));
    rest = s.slice(end + 1).trimStart();
    if (rest[0] !== ":") return null;
    rest = rest.slice(1);
  } else {
    const m = /:(\s|$)/.exec(s);
    if (!m) return null;
    key = s.slice(0, m.index).trim();
    rest = s.slice(m.index + 1);
  }
  rest = rest.trim();
  return { key, value: rest[0] === '"' || rest[0] === "'" ? unquote(rest) : rest };
}
function closingQuote(s, start) {
  const q = s[start];
  for (let i = start + 1; i < s.length; i++) {
    if (q === '"' && s[i] === "\\") { i++; continue; }
    if (s[i] === q) {
      if (q === "'" && s[i + 1] === "'") { i++; continue; }
      return i;
    }
  }
  return -1;
}
function unquote(s) {
  const q = s[0];
  const end = closingQuote(s, 0);
  const body = s.slice(1, end < 0 ? s.length : end);
  if (q === "'") return body.replace(/''/g, "'");
  return body.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/g, (m, e) => {
    switch (e[0]) {
      case "n": return "\n";
      case "t": return "\t";
      case "r": return "\r";
      case "0": return "\0";
      case "a": return "\x07";
      case "b": return "\b";
      case "f": return "\f";
      case "v": return "\v";
      case "x": case "u": case "U": return String.fromCodePoint(parseInt(e.slice(1), 16));
      default: return e;
    }
  });
}

// yamlString writes s so that YAML reads it back as s: plain when that is
// plainly safe, else double-quoted with escapes.
const YAML_WORDS = /^(true|false|yes|no|on|off|null|y|n|~)$/i;
function yamlString(s) {
  s = String(s);
  if (/^[\p{L}\p{N}][\p{L}\p{N} _.\/()-]*$/u.test(s) && !/\s$/.test(s) && !YAML_WORDS.test(s) &&
      !/^[-+]?(\d[\d_]*)?(\.\d*)?([eE][-+]?\d+)?$/.test(s) && !/^0[xob]/i.test(s)) {
    return s;
  }
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0);
    if (ch === '"') out += '\\"';
    else if (ch === "\\") out += "\\\\";
    else if (c < 0x20 || c === 0x7f || c === 0x85 || c === 0x2028 || c === 0x2029 || (c >= 0xd800 && c <= 0xdfff)) {
      out += "\\u" + c.toString(16).padStart(4, "0");
    } else out += ch;
  }
  return out + '"';
}

// mappingYAML writes the mapping the page shows, and notes which line
// holds which field so that a problem the server names by line shows
// beside it.
function mappingYAML() {
  const lines = ["version: 1", "endpoint: " + state.endpoint];
  const map = {};
  const mapped = state.columns.filter((c) => c.field);
  if (mapped.length === 0) {
    lines.push("columns: {}");
  } else {
    lines.push("columns:");
    map[lines.length] = { kind: "columns" };
    for (const c of state.columns) {
      if (!c.field) continue;
      lines.push(`  ${yamlString(c.header)}: ${yamlString(c.field)}`);
      map[lines.length] = { kind: "column", header: c.header };
    }
  }
  const consts = Object.entries(state.constants).filter(([, v]) => String(v).trim() !== "");
  if (consts.length > 0) {
    lines.push("constants:");
    map[lines.length] = { kind: "constants" };
    for (const [k, v] of consts) {
      lines.push(`  ${yamlString(k)}: ${yamlString(String(v).trim())}`);
      map[lines.length] = { kind: "constant", field: k };
    }
  }
  const ch = state.inputChosen;
  const inputLines = [];
  if (ch.sheet) inputLines.push(`  sheet: ${yamlString(ch.sheet)}`);
  if (ch.headerRow) inputLines.push(`  headerRow: ${parseInt(ch.headerRow, 10)}`);
  if (ch.encoding) inputLines.push(`  encoding: ${yamlString(ch.encoding)}`);
  if (ch.delimiter) inputLines.push(`  delimiter: ${ch.delimiter === "tab" ? "tab" : yamlString(ch.delimiter)}`);
  if (inputLines.length) {
    lines.push("input:");
    for (const l of inputLines) { lines.push(l); map[lines.length] = { kind: "input" }; }
  }
  if (state.extraYAML) {
    for (const l of state.extraYAML.split("\n")) { lines.push(l); map[lines.length] = { kind: "extra" }; }
  }
  state.lineMap = map;
  return lines.join("\n") + "\n";
}

// ---------------------------------------------------------------- 2. match

// fieldOptions are the drop-down's choices of a field in the mapping's
// endpoint, by group; known gets the fields offered.
function fieldOptions(known) {
  const v = vocab.endpoints[state.endpoint] || { fields: [] };
  const out = [el("option", { value: "", text: t("notSent") })];
  let group = null;
  for (const f of v.fields) {
    if (!group || group.dataset.group !== f.group) {
      group = el("optgroup", { label: groupLabel(f.group), "data-group": f.group });
      out.push(group);
    }
    const names = f.name.startsWith(UTM) ? UTM_TAGS.map((tag) => UTM + tag) : [f.name];
    for (const n of names) {
      known.add(n);
      group.append(el("option", { value: n, text: fieldLabel(n) }));
    }
  }
  return out;
}

function renderMatch() {
  const body = $("#columns-body");
  clear(body);
  const examplesByHeader = {};
  for (const c of state.input.columns || []) examplesByHeader[c.header] = c.examples || [];
  const known = new Set();
  const options = fieldOptions(known);
  state.columns.forEach((c, i) => {
    const id = "col-" + i;
    const note = state.notes[c.header];
    const sel = el("select", { id, "data-header": c.header, "aria-label": t("fieldFor", { column: c.header }),
      "aria-describedby": "p-" + id + (note ? " n-" + id : "") });
    for (const o of options) sel.append(o.cloneNode(true));
    if (c.field && !known.has(c.field)) sel.append(el("option", { value: c.field, text: fieldLabel(c.field) }));
    sel.value = c.field;
    const noteEl = note ? el("span", { class: "note", id: "n-" + id,
      text: t("noTwin", { field: fieldLabel(note.field), endpoint: endpointLabel(state.endpoint) }) }) : null;
    sel.addEventListener("change", () => {
      state.columns[i].field = sel.value;
      if (noteEl) { delete state.notes[c.header]; noteEl.remove(); sel.setAttribute("aria-describedby", "p-" + id); }
      markStale();
      renderConstantHints();
    });
    const ex = el("td", { class: "examples" });
    const examples = examplesByHeader[c.header] || [];
    if (examples.length === 0) ex.append(el("span", { text: t("noExamples") }));
    for (const v of examples.slice(0, 3)) ex.append(el("span", { title: v, text: v }));
    body.append(el("tr", {},
      el("td", {}, el("label", { for: id, text: c.header })),
      ex,
      el("td", {}, sel, noteEl, el("span", { class: "problem", id: "p-" + id, role: "alert" }))));
  });

  for (const r of document.querySelectorAll('input[name="endpoint"]')) r.checked = r.value === state.endpoint;
  renderStatuses();
  for (const input of document.querySelectorAll("[data-const]")) {
    const f = input.dataset.const;
    let v = state.constants[f] || "";
    if ((f === "customerId" || f === "estateId") && isPlaceholder(v)) v = "";
    input.value = v;
    state.constants[f] = v;
    if (!input.dataset.bound) {
      // The field is read when it changes: a change of endpoint renames
      // the status's (nameConstants).
      input.dataset.bound = "1";
      input.addEventListener("input", () => { state.constants[input.dataset.const] = input.value; markStale(); clearProblem(input.dataset.const); });
      input.addEventListener("change", () => { state.constants[input.dataset.const] = input.value; markStale(); });
    }
  }
  renderEndpointNote();
  renderExtraConstants();
  renderConstantHints();
  const rem = $("#remembered");
  rem.textContent = state.remembered || t("remembered");
  show(rem, !!state.remembered);
}

// Constants of a remembered mapping that the page has no field of its
// own for (leadSourceId, another UTM tag) get one each.
function renderExtraConstants() {
  const grid = document.querySelector(".constants .grid");
  for (const old of grid.querySelectorAll(".extra-const")) old.remove();
  for (const f of state.extraConstants) {
    const id = "c-" + f;
    const input = el("input", { id, value: state.constants[f] || "", autocomplete: "off", "aria-describedby": "p-" + f });
    input.addEventListener("input", () => { state.constants[f] = input.value; markStale(); });
    grid.append(el("div", { class: "field extra-const" },
      el("label", { for: id, text: fieldLabel(f) }), input,
      el("span", { class: "problem", id: "p-" + f, role: "alert" })));
  }
}

// nameConstants names the page's fields of constants as the mapping's
// endpoint names them: index.html names them as the default endpoint
// does (prospectiveBuyerStatus is an interest registration's status).
function nameConstants() {
  for (const input of document.querySelectorAll("[data-const]")) {
    if (!input.dataset.base) input.dataset.base = input.dataset.const;
    const old = input.dataset.const;
    const name = twinOf(input.dataset.base, vocab.def, state.endpoint) || input.dataset.base;
    if (name === old) continue;
    const box = input.closest(".field");
    input.dataset.const = name;
    input.id = "c-" + name;
    box.querySelector("label").htmlFor = input.id;
    const p = box.querySelector(".problem");
    if (p) p.id = "p-" + name;
    input.setAttribute("aria-describedby", (input.getAttribute("aria-describedby") || "").replace("p-" + old, "p-" + name));
  }
}
// fixedConstants are the constants the page has a field of its own for.
function fixedConstants() {
  return Array.from(document.querySelectorAll("[data-const]")).map((input) => input.dataset.const);
}

// The status for every row offers the statuses of the mapping's
// endpoint, of index.html's choices (VeryInterested is an interest
// registration's only).
let statusChoices = null;
function statusSelect() { return document.querySelector("select[data-statuses]"); }
function renderStatuses() {
  const sel = statusSelect();
  if (!statusChoices) statusChoices = Array.from(sel.options);
  const v = vocab.endpoints[state.endpoint];
  clear(sel);
  for (const o of statusChoices) {
    o.textContent = t(o.dataset.t); // applyTexts does not reach an option not in the page
    if (o.value === "" || !v || v.statuses.includes(o.value)) sel.append(o);
  }
}
function statusLabel(status) {
  const o = (statusChoices || []).find((o) => o.value === status);
  return o ? o.textContent : status;
}

// switchEndpoint makes the mapping one for endpoint to: each matched
// column and each constant takes its field's name there; one whose field
// to lacks is unmatched (a constant removed) with a note that says so, as
// is a status to does not take.
function switchEndpoint(to) {
  const from = state.endpoint;
  if (to === from || !(to in vocab.endpoints)) return;
  clearProblems();
  state.endpoint = to;
  state.notes = Object.create(null);
  state.constNotes = [];
  for (const c of state.columns) {
    if (!c.field) continue;
    const twin = twinOf(c.field, from, to);
    if (!twin) state.notes[c.header] = { field: c.field };
    c.field = twin;
  }
  const constants = {};
  for (const [k, v] of Object.entries(state.constants)) {
    const twin = twinOf(k, from, to);
    if (twin) constants[twin] = v;
    else if (String(v).trim() !== "") state.constNotes.push({ field: k });
  }
  nameConstants();
  const status = statusSelect().dataset.const;
  const v = String(constants[status] || "");
  if (v && !vocab.endpoints[to].statuses.includes(v)) {
    state.constNotes.push({ status: v });
    constants[status] = "";
  }
  state.constants = constants;
  state.extraConstants = state.extraConstants.map((k) => twinOf(k, from, to)).filter((k) => k);
  markStale();
  renderMatch();
}

// renderEndpointNote says which constants the last change of endpoint
// removed.
function renderEndpointNote() {
  const box = $("#endpoint-note");
  clear(box);
  const endpoint = endpointLabel(state.endpoint);
  for (const n of state.constNotes) {
    box.append(el("span", {
      text: n.status ? t("statusDropped", { status: statusLabel(n.status), endpoint }) : t("constDropped", { field: fieldLabel(n.field), endpoint }),
    }));
  }
  show(box, state.constNotes.length > 0);
}

function columnFor(field) {
  const c = state.columns.find((c) => c.field === field);
  return c ? c.header : "";
}
function renderConstantHints() {
  for (const f of ["customerId", "estateId"]) {
    const h = columnFor(f);
    $("#h-" + f).textContent = h ? t("fromColumn", { column: h }) : f === "customerId" ? t("customerIdHint") : t("estateIdHint");
    const req = document.querySelector(`label[for="c-${f}"] .req`);
    show(req, !h);
  }
}

function clearProblem(field) {
  const p = document.getElementById("p-" + field);
  if (p) p.textContent = "";
  const input = document.getElementById("c-" + field);
  if (input) input.removeAttribute("aria-invalid");
}
function clearProblems() {
  for (const p of document.querySelectorAll("#match-form .problem")) p.textContent = "";
  for (const i of document.querySelectorAll("#match-form [aria-invalid]")) i.removeAttribute("aria-invalid");
  show($("#mapping-problems"), false);
}

// checkConstants finds what the page can tell without the server: a
// required id missing or a placeholder. The server says the same and more.
function checkConstants() {
  const problems = [];
  for (const f of ["customerId", "estateId"]) {
    if (columnFor(f)) continue;
    const v = String(state.constants[f] || "").trim();
    if (v === "") problems.push([f, f === "customerId" ? t("needCustomer") : t("needEstate")]);
    else if (isPlaceholder(v)) problems.push([f, t("placeholderId", { id: v })]);
  }
  return problems;
}
function showConstantProblem(field, text) {
  const p = document.getElementById("p-" + field);
  const input = document.getElementById("c-" + field);
  if (p) p.textContent = text;
  if (input) input.setAttribute("aria-invalid", "true");
  return input;
}

function markStale() {
  state.stale = true;
  renderSendButton();
  if (state.check) {
    const note = $("#send-note");
    note.textContent = t("stale");
  }
}

// putMapping sends the mapping; on 422 it shows each problem beside the
// field its line is about and returns false.
async function putMapping() {
  clearProblems();
  const local = checkConstants();
  if (local.length > 0) {
    let first = null;
    for (const [f, text] of local) first = first || showConstantProblem(f, text);
    if (first) first.focus();
    return false;
  }
  const yaml = mappingYAML();
  try {
    await api("PUT", `/api/imports/${encodeURIComponent(state.id)}/mapping`, yaml);
    return true;
  } catch (e) {
    if (e.status !== 422 || !e.body || !Array.isArray(e.body.problems)) {
      pageError(e.message);
      return false;
    }
    showMappingProblems(e.body.problems);
    return false;
  }
}

function showMappingProblems(problems) {
  const rest = [];
  let first = null;
  for (const p of problems) {
    const where = state.lineMap[p.line];
    let target = null;
    if (where && where.kind === "column") {
      const i = state.columns.findIndex((c) => c.header === where.header);
      target = document.getElementById("p-col-" + i);
      const sel = document.getElementById("col-" + i);
      if (sel) { sel.setAttribute("aria-invalid", "true"); first = first || sel; }
    } else if (where && where.kind === "constant") {
      target = document.getElementById("p-" + where.field);
      const input = document.getElementById("c-" + where.field);
      if (input) { input.setAttribute("aria-invalid", "true"); first = first || input; }
    }
    if (target) {
      target.textContent = target.textContent ? target.textContent + " " + p.message : p.message;
    } else {
      rest.push(p);
    }
  }
  const box = $("#mapping-problems");
  clear(box);
  if (rest.length > 0) {
    box.append(el("p", { text: t("mappingProblems") }));
    const ul = el("ul");
    for (const p of rest) ul.append(el("li", { text: p.line ? t("lineProblem", { line: p.line, problem: p.message }) : p.message }));
    box.append(ul);
    show(box, true);
  }
  (first || box).focus && (first || box).focus();
  if (!first) box.scrollIntoView({ block: "center" });
}

// ---------------------------------------------------------------- 3. check

const PAGE = 500;

async function runCheck(scroll) {
  const button = $("#check-button");
  button.disabled = true;
  const status = $("#check-summary");
  try {
    const answer = await api("POST", `/api/imports/${encodeURIComponent(state.id)}/check?offset=0&limit=${PAGE}`);
    state.check = answer;
    state.rows = answer.rows || [];
    state.next = nextOffset(answer, 0);
    state.total = totalRows(answer);
    state.stale = false;
    $("#send-note").textContent = t("sendNote");
    renderCheck();
    checkCredentials();
    show($("#step-check"), true);
    show($("#step-send"), true);
    markStep("check");
    if (scroll) {
      $("#step-check").scrollIntoView({ block: "start" });
      status.focus({ preventScroll: true });
    }
  } finally {
    button.disabled = false;
  }
}
function totalRows(answer) {
  if (typeof answer.total === "number") return answer.total;
  const c = answer.counts || {};
  return Object.values(c).reduce((a, b) => a + (typeof b === "number" ? b : 0), 0);
}

// nextOffset is where the page after answer starts: the server says it
// (a page bounded in bytes may hold fewer rows than asked for).
function nextOffset(answer, offset) {
  return typeof answer.next === "number" ? answer.next : offset + (answer.rows || []).length;
}

async function loadMoreRows() {
  // The next page of the last check's rows, without checking again.
  const offset = state.next;
  const answer = await api("GET", `/api/imports/${encodeURIComponent(state.id)}/rows?offset=${offset}&limit=${PAGE}`);
  state.rows = state.rows.concat(answer.rows || []);
  state.next = nextOffset(answer, offset);
  renderRows();
}

// MAX_SHOWN is the bytes of a cell the server shows; a row with "cut"
// has a cell, or a value, shortened to it (cut at a character, so up to
// three bytes fewer).
const MAX_SHOWN = 4096;
const utf8 = new TextEncoder();
function isCut(row, value) {
  return !!row.cut && utf8.encode(value).length > MAX_SHOWN - 4;
}

function renderCheck() {
  const c = state.check;
  if (!c) return;
  const counts = c.counts || {};
  const valid = counts.valid || 0;
  const invalid = counts.invalid || 0;
  const summary = $("#check-summary");
  clear(summary);
  summary.setAttribute("tabindex", "-1");
  summary.append(el("span", { class: "good", text: t("summaryValid", { valid, total: state.total || valid + invalid }) }));
  summary.append(invalid ? el("span", { class: "bad", text: t("summaryInvalid", { invalid }) }) : el("span", { text: t("summaryEnd") }));

  const reasons = $("#reasons");
  clear(reasons);
  for (const r of c.reasons || []) {
    reasons.append(el("li", {},
      el("span", { text: r.message + ": " }), el("span", { class: "n", text: num(r.rows) === 1 ? t("reasonRow") : t("reasonRows", { n: num(r.rows) }) })));
  }
  show($("#no-reasons"), (c.reasons || []).length === 0 && invalid === 0);

  const tbody = document.querySelector("#percolumn tbody");
  clear(tbody);
  for (const col of c.columns || []) {
    const inv = num(col.invalid), warn = num(col.warnings);
    tbody.append(el("tr", {},
      el("th", { scope: "row", text: col.column || "" }),
      el("td", { text: num(col.valid) }),
      el("td", { text: num(col.changed) }),
      el("td", { class: inv ? "nz-bad" : null, text: inv }),
      el("td", { text: num(col.empty) }),
      el("td", { class: warn ? "nz-warn" : null, text: warn }),
      el("td", { text: fieldLabel(col.field || "") })));
  }
  renderRows();
  renderSendButton();
}

// The columns the rows table shows: the mapped ones, in the sheet's order.
function shownHeaders() {
  return state.columns.filter((c) => c.field).map((c) => c.header);
}

function cellOf(row, header) {
  const cells = row.cells;
  if (Array.isArray(cells)) {
    const i = (state.input.columns || []).findIndex((c) => c.header === header);
    return i >= 0 ? (cells[i] ?? "") : "";
  }
  return (cells && cells[header]) ?? "";
}
// unmask gives a change as the person reads it. The API masks a
// personnummer in a change (19810310-****), as a JSONL report does; the
// cell beside it shows the number whole, and normalising never alters
// its last four digits, so they are put back from the cell.
function unmask(change, cell) {
  const from = change.from || "", to = change.to || "";
  const digits = String(cell).replace(/\D/g, "");
  if (!to.includes("****") || digits.length < 10) return [from, to];
  return [String(cell).trim(), to.replace("****", digits.slice(-4))];
}

function sameColumn(a, b) {
  return String(a || "").trim().toLowerCase() === String(b || "").trim().toLowerCase();
}
function messageOf(p) {
  return typeof p === "string" ? p : (p.message || p.text || "");
}
function hasWarnings(row) { return (row.warnings || []).length > 0; }
function isProblemRow(row) { return row.status === "invalid" || row.status === "failed" || hasWarnings(row); }

function renderRows() {
  const table = $("#rows-table");
  const thead = table.querySelector("thead");
  const tbody = table.querySelector("tbody");
  clear(thead);
  clear(tbody);
  const headers = shownHeaders();
  const hr = el("tr", {},
    el("th", { scope: "col", text: t("thRow") }),
    el("th", { scope: "col", text: t("thStatus") }));
  for (const h of headers) hr.append(el("th", { scope: "col", text: h }));
  thead.append(hr);

  const onlyProblems = document.querySelector('input[name="rowfilter"]:checked').value === "problems";
  const rank = (r) => (r.status === "invalid" || r.status === "failed") ? 0 : hasWarnings(r) ? 1 : 2;
  const rows = state.rows.slice().sort((a, b) => rank(a) - rank(b) || a.row - b.row)
    .filter((r) => !onlyProblems || isProblemRow(r));
  for (const row of rows) tbody.append(rowElement(row, headers));
  if (rows.length === 0) {
    tbody.append(el("tr", {}, el("td", { colspan: headers.length + 2, text: t("noProblemRows") })));
  }
  const more = $("#rows-more");
  clear(more);
  if (state.total > state.rows.length) {
    more.append(t("showingRows", { shown: state.rows.length, total: state.total }), " ");
    const b = el("button", { type: "button", class: "button small", text: t("moreRows") });
    b.addEventListener("click", () => loadMoreRows().catch((e) => pageError(e.message)));
    more.append(b);
    show(more, true);
  } else {
    show(more, false);
  }
}

function rowElement(row, headers) {
  const editing = state.editing === row.row;
  const problems = row.problems || [];
  const warnings = row.warnings || [];
  const changes = row.changes || [];
  const edited = state.edited[row.row] || new Set();
  const cls = (row.status === "invalid" || row.status === "failed") ? "invalid" : warnings.length ? "warned" : "";
  const tr = el("tr", { class: cls || null, "data-row": row.row });
  // The row's number and its Fix button come first, so that they are in
  // sight however wide the sheet.
  const first = el("td", { class: "rownum" }, el("span", { class: "n", text: row.row }));
  if (editing) {
    const save = el("button", { type: "button", class: "button small primary", "aria-label": t("saveRow", { row: row.row }), text: t("save") });
    save.addEventListener("click", () => saveRow(row));
    const cancel = el("button", { type: "button", class: "button small", "aria-label": t("cancelRow", { row: row.row }), text: t("cancel") });
    cancel.addEventListener("click", () => cancelEdit(row));
    first.append(save, cancel);
  } else if (!state.sending && !state.sent) {
    const fix = el("button", { type: "button", class: "button small fix", "aria-label": t("fixRow", { row: row.row }), text: t("fix") });
    fix.addEventListener("click", () => startEdit(row));
    first.append(fix);
  }
  tr.append(first);
  const st = row.status || "";
  const stCell = el("td", { class: "status-cell" }, el("span", { class: "badge " + st, text: word("st." + st, st) }));
  tr.append(stCell);
  const placed = new Set();
  for (const h of headers) {
    const td = el("td", {});
    const value = cellOf(row, h);
    const mine = problems.filter((p) => sameColumn(p.column, h));
    const warns = warnings.filter((w) => sameColumn(w.column, h));
    const chg = changes.filter((c) => sameColumn(c.column, h));
    mine.forEach((p) => placed.add(p));
    if (mine.length) td.classList.add("cell-invalid");
    else if (warns.length) td.classList.add("cell-warning");
    if (edited.has(h)) td.classList.add("cell-edited");
    const cut = isCut(row, value);
    if (cut) td.classList.add("cell-cut");
    if (editing) {
      const input = el("input", { value, "data-header": h, "aria-label": t("cellLabel", { column: h, row: row.row }) });
      if (mine.length) input.setAttribute("aria-invalid", "true");
      input.addEventListener("keydown", (e) => {
        if (e.key === "Enter") { e.preventDefault(); saveRow(row); }
        if (e.key === "Escape") { e.preventDefault(); cancelEdit(row); }
      });
      td.append(input);
      if (cut) td.append(el("span", { class: "cut-note", text: t("cutReplace") }));
    } else {
      td.append(el("span", { class: "value", text: cut ? value + "…" : value }));
      if (cut) td.append(el("span", { class: "cut-note", text: t("cellCut") }));
    }
    for (const p of mine) td.append(el("span", { class: "why", text: messageOf(p) }));
    for (const w of warns) td.append(el("span", { class: "why", text: messageOf(w) }));
    for (const c of chg) {
      const [from, to] = unmask(c, value);
      const as = c.sentAs ? ` (${t("sentAs", { field: c.sentAs })})` : "";
      td.append(el("span", { class: "chg", text: `${from} → ${to === "" ? t("empty") : to}${as}` }));
    }
    if (edited.has(h)) td.append(el("span", { class: "edited-note", text: t("editedOnPage") }));
    tr.append(td);
  }
  // Problems about the row as a whole, or about a column not shown,
  // under its status.
  for (const p of problems) if (!placed.has(p)) stCell.append(el("span", { class: "row-why", text: messageOf(p) }));
  for (const w of warnings) {
    if (!headers.some((h) => sameColumn(w.column, h))) stCell.append(el("span", { class: "row-why warn", text: messageOf(w) }));
  }
  return tr;
}

function focusRow(n, selector) {
  const tr = document.querySelector(`#rows-table tr[data-row="${n}"]`);
  const target = tr && tr.querySelector(selector);
  if (target) target.focus();
}

function startEdit(row) {
  state.editing = row.row;
  renderRows();
  // Start in the first wrong cell, else the first cell.
  focusRow(row.row, 'input[aria-invalid="true"]') ;
  if (!document.activeElement || document.activeElement.tagName !== "INPUT") focusRow(row.row, "input");
}
function cancelEdit(row) {
  state.editing = 0;
  renderRows();
  focusRow(row.row, "button.fix");
}

// ---------------------------------------------------------------- 4. fix a row

async function saveRow(row) {
  const tr = document.querySelector(`#rows-table tr[data-row="${row.row}"]`);
  const cells = {};
  for (const input of tr.querySelectorAll("input[data-header]")) {
    const h = input.dataset.header;
    if (input.value !== cellOf(row, h)) cells[h] = input.value;
  }
  if (Object.keys(cells).length === 0) { cancelEdit(row); return; }
  const status = $("#check-summary");
  status.textContent = t("saving");
  try {
    // The answer is the whole input checked again, with this row as its
    // page of rows.
    const answer = await api("PATCH", `/api/imports/${encodeURIComponent(state.id)}/rows/${row.row}`, { cells });
    state.editing = 0;
    const mine = state.edited[row.row] || (state.edited[row.row] = new Set());
    for (const h of Object.keys(cells)) mine.add(h);
    const updated = (answer.rows || []).find((r) => r.row === row.row);
    if (updated) {
      const i = state.rows.findIndex((r) => r.row === row.row);
      if (i >= 0) state.rows[i] = updated;
    }
    state.check = Object.assign({}, answer, { rows: undefined });
    state.total = totalRows(answer);
    renderCheck();
    status.append(" ", el("span", { text: t("rowSaved", { row: row.row }) }));
    focusRow(row.row, "button.fix");
    if (!document.activeElement || document.activeElement === document.body) status.focus();
  } catch (e) {
    renderCheck();
    pageError(e.message);
  }
}

// ---------------------------------------------------------------- 5. send

function distinct(values) {
  return Array.from(new Set(values.filter((v) => String(v).trim() !== "").map((v) => String(v).trim())));
}
// targets lists where the valid rows go: the customer and estate ids, from
// the constants or, when a column gives them, from the rows loaded.
function targets(field) {
  const h = columnFor(field);
  const constant = String(state.constants[field] || "").trim();
  if (!h) return constant ? [constant] : [];
  const vals = state.rows.filter((r) => r.status === "valid").map((r) => cellOf(r, h) || constant);
  return distinct(vals);
}
function listShort(values) {
  if (values.length <= 2) return values.join(", ");
  return t("andMore", { list: values.slice(0, 2).join(", "), n: values.length - 2 });
}

function renderSendButton() {
  const b = $("#send-button");
  const c = state.check;
  // The server says how many rows go and where (check's "send"); the
  // page's own count stands in when it does not.
  const plan = (c && c.send) || null;
  const valid = plan && typeof plan.rows === "number" ? plan.rows : (c && c.counts ? (c.counts.valid || 0) : 0);
  const where = [];
  const cs = plan && plan.customers ? plan.customers : targets("customerId");
  const es = plan && plan.estates ? plan.estates : targets("estateId");
  if (cs.length) where.push(t("whereCustomer", { customer: listShort(cs) }));
  if (es.length) where.push(t("whereEstate", { estate: listShort(es) }));
  const w = where.join(", ");
  if (valid === 1) b.textContent = w ? t("sendLeadTo", { where: w }) : t("sendLead");
  else b.textContent = w ? t("sendLeadsTo", { n: valid, where: w }) : t("sendLeads", { n: valid });
  b.disabled = !c || state.stale || valid === 0 || state.sending || state.sent || state.editing !== 0 || state.haveCreds === false;
  if (c && !state.stale && valid === 0) $("#send-note").textContent = t("nothingToSend");
}

async function send() {
  pageError("");
  show($("#send-error"), false);
  show($("#send-done"), false);
  state.sending = true;
  state.stopAsked = false;
  $("#report-format").disabled = true;
  renderSendButton();
  renderRows();
  try {
    await api("POST", `/api/imports/${encodeURIComponent(state.id)}/send`, { format: $("#report-format").value });
  } catch (e) {
    state.sending = false;
    $("#report-format").disabled = false;
    renderSendButton();
    renderRows();
    showSendError(e.message);
    checkCredentials();
    return;
  }
  markStep("send");
  show($("#progress-box"), true);
  show($("#stop-button"), true);
  $("#progress-label").textContent = t("starting");
  follow();
}

// checkCredentials asks whether the server has credentials to send
// with (the environment's, the credentials file's, or given here); when
// it has none, the page asks for them, once.
async function checkCredentials() {
  let v;
  try {
    v = await api("GET", "/api/credentials");
  } catch (e) {
    return;
  }
  // Credentials Connect refused (401) are asked for again, wherever they
  // came from (the environment, the credentials file, this page); after
  // a send that stopped for another reason, only the ones given here.
  const refused = !!v.refused;
  state.haveCreds = !!v.have && !refused;
  show($("#credentials"), !v.have || refused || (state.credSuspect && v.from === "page"));
  $("#cred-refused").textContent = refused ? t("credRefused") : "";
  show($("#cred-refused"), refused);
  show($("#cred-save").closest("label"), !!v.file);
  $("#cred-problem").textContent = v.problem || "";
  renderSendButton();
}

async function submitCredentials(e) {
  e.preventDefault();
  const p = $("#cred-problem");
  p.textContent = "";
  const pass = $("#cred-pass");
  try {
    await api("POST", "/api/credentials", { username: $("#cred-user").value, password: pass.value, save: $("#cred-save").checked });
  } catch (err) {
    p.textContent = err.message;
    return;
  } finally {
    pass.value = ""; // the password is not kept on the page
  }
  state.haveCreds = true;
  state.credSuspect = false;
  show($("#credentials"), false);
  show($("#cred-refused"), false);
  $("#send-note").textContent = t("credSaved");
  renderSendButton();
  $("#send-button").focus();
}

// follow shows the progress of the send, from the server's events, or,
// where they cannot come through, by asking for the state once a second.
function follow() {
  const url = withLang(`/api/imports/${encodeURIComponent(state.id)}/events`);
  let es;
  try { es = new EventSource(url, { withCredentials: true }); } catch (e) { es = null; }
  if (!es) { poll(); return; }
  state.events = es;
  const onData = (ev) => {
    let d;
    try { d = JSON.parse(ev.data); } catch (e) { return; }
    progress(d, ev.type);
  };
  for (const type of ["message", "progress", "row", "state", "done", "stopped", "end"]) es.addEventListener(type, onData);
  es.addEventListener("error", (ev) => {
    if (ev.data) { onData(ev); return; }
    // The stream ended or broke: ask for the state, which also ends it.
    if (es.readyState === EventSource.CLOSED || es.readyState === EventSource.CONNECTING) {
      es.close();
      state.events = null;
      if (state.sending) poll();
    }
  });
}

async function poll() {
  while (state.sending) {
    let d;
    try {
      d = await api("GET", `/api/imports/${encodeURIComponent(state.id)}`);
    } catch (e) {
      showSendError(e.message);
      finishSend(null);
      return;
    }
    progress(d, "state");
    if (!state.sending) return;
    await new Promise((r) => setTimeout(r, 1000));
  }
}

function num(v) { return typeof v === "number" && isFinite(v) ? v : 0; }

function progress(d, type) {
  const counts = d.counts || d;
  const sent = num(counts.sent), failed = num(counts.failed), skipped = num(counts.skipped) + num(counts.duplicate);
  const notSent = num(counts.not_sent);
  const total = num(d.total) || num(state.check && state.check.counts && state.check.counts.valid);
  const done = typeof d.done === "number" ? d.done : sent + failed + skipped;
  const remaining = typeof d.remaining === "number" ? d.remaining : Math.max(total - done, 0);
  $("#n-sent").textContent = sent;
  $("#n-failed").textContent = failed;
  $("#n-skipped").textContent = skipped;
  $("#n-remaining").textContent = remaining;
  if (typeof d.rate === "number") $("#n-rate").textContent = d.rate.toFixed(1);
  const bar = $("#progress");
  bar.max = Math.max(total, 1);
  bar.value = Math.min(done, bar.max);
  const st = d.state || (type === "done" ? "done" : type === "stopped" ? "stopped" : "sending");
  const err = d.error || "";
  if (st === "done" || st === "stopped" || st === "failed") {
    const stopped = st !== "done";
    // A stop the person asked for is no error, and says nothing of the
    // credentials.
    if (err && !state.stopAsked) showSendError(err);
    if (stopped && !state.stopAsked) {
      state.credSuspect = true;
      checkCredentials();
    }
    show($("#retry-button"), stopped);
    const banner = $("#send-done");
    banner.textContent = stopped ? t("stoppedDone", { sent }) : doneText(sent, failed, skipped);
    banner.classList.toggle("ok", !stopped && failed === 0);
    banner.classList.toggle("warn", stopped || failed > 0);
    show(banner, true);
    $("#progress-label").textContent = stopped ? t("stoppedLabel") : t("progress", { done, total: total || done + notSent });
    finishSend(d);
  } else {
    $("#progress-label").textContent = t("progress", { done, total });
  }
}

// doneText says how a send ended: what was sent, and what failed or was
// sent before, when any.
function doneText(sent, failed, skipped) {
  return t("doneSent", { sent }) + (failed ? t("doneFailed", { failed }) : "") +
    (skipped ? t("doneSkipped", { skipped }) : "") + t("doneEnd");
}

function finishSend(d) {
  if (state.events) { state.events.close(); state.events = null; }
  if (!state.sending) return;
  state.sending = false;
  state.sent = true; // the sheet is sent: its rows are not fixed here any more
  show($("#stop-button"), false);
  renderSendButton();
  $("#send-button").disabled = true;
  renderRows();
  showReport(d);
  loadHistory();
}

function showSendError(text) {
  const box = $("#send-error");
  box.textContent = text;
  show(box, true);
}

async function stopSending() {
  state.stopAsked = true;
  $("#progress-label").textContent = t("stopping");
  try {
    await api("POST", `/api/imports/${encodeURIComponent(state.id)}/stop`);
  } catch (e) {
    showSendError(e.message);
  }
}

// ---------------------------------------------------------------- 6. the report

function showReport(d) {
  const id = encodeURIComponent(state.id);
  // The send writes the report in every format: the one chosen before
  // sending comes first, the other beside it.
  const format = $("#report-format").value;
  const other = format === "csv" ? "xlsx" : "csv";
  $("#dl-report").setAttribute("href", `/api/imports/${id}/report?format=${format}`);
  $("#dl-report-other").setAttribute("href", `/api/imports/${id}/report?format=${other}`);
  labelDownloads();
  $("#dl-mapping").setAttribute("href", `/api/imports/${id}/mapping.yaml`);
  show($("#step-report"), true);
  markStep("report");
  $("#step-report").scrollIntoView({ block: "start" });
  $("#dl-report").focus({ preventScroll: true });
}

// labelDownloads names the report's two links: the format chosen first.
function labelDownloads() {
  const csv = $("#report-format").value === "csv";
  $("#dl-report").textContent = csv ? t("dlCsv") : t("dlXlsx");
  $("#dl-report-other").textContent = csv ? t("dlXlsx") : t("dlCsv");
}

function startOver() {
  state.id = "";
  state.file = null;
  state.check = null;
  state.rows = [];
  $("#file-input").value = "";
  for (const id of ["#step-match", "#step-check", "#step-send", "#step-report", "#detected", "#progress-box", "#send-done", "#send-error"]) show($(id), false);
  setFileStatus("", "");
  markStep("file");
  $("#step-file").scrollIntoView({ block: "start" });
  $("#file-input").focus();
}

// ---------------------------------------------------------------- 7. history

async function loadHistory() {
  let answer;
  try {
    answer = await api("GET", "/api/history");
  } catch (e) {
    return; // the history is a help, not the page's business
  }
  const runs = Array.isArray(answer) ? answer : (answer && (answer.runs || answer.history)) || [];
  const tbody = document.querySelector("#history-table tbody");
  clear(tbody);
  for (const r of runs) {
    const when = r.started || r.start || "";
    const inputs = el("td", { text: Array.isArray(r.inputs) ? r.inputs.map((i) => typeof i === "string" ? i : i.path || i.name || "").join(", ") : "" });
    // What the visitors asked for: the endpoints the run sent to.
    const asked = (r.endpoints || []).map((e) => e === "Interest" ? t("epInterest") : t("epFinalPrice")).join(", ");
    if (asked) inputs.append(el("div", { class: "hint", text: asked }));
    const counts = r.counts || {};
    const order = ["sent", "skipped", "duplicate", "failed", "invalid", "not_sent", "valid"];
    const parts = Object.entries(counts).filter(([, n]) => n)
      .sort(([a], [b]) => (order.indexOf(a) + 99) % 99 - (order.indexOf(b) + 99) % 99)
      .map(([s, n]) => `${n} ${word("stN." + s, s)}`);
    const report = el("td", {});
    // report is where to download the run's report while it is on disk.
    if (r.report) report.append(el("a", { href: r.report, download: true, text: t("openReport") }));
    const result = el("td", { text: parts.join(", ") });
    if (r.reason) result.append(el("div", { class: "hint", text: r.reason }));
    tbody.append(el("tr", {},
      el("td", { text: formatTime(when) }),
      inputs,
      result,
      report));
  }
  show($("#history-empty"), runs.length === 0);
}
function formatTime(s) {
  const d = new Date(s);
  if (!s || isNaN(d)) return String(s || "");
  return d.toLocaleString(lang === "sv" ? "sv-SE" : "en-GB", { dateStyle: "medium", timeStyle: "short" });
}

// ---------------------------------------------------------------- start

async function start() {
  let l = "";
  try { l = sessionStorage.getItem("leadimport.lang") || ""; } catch (e) { /* private mode */ }
  // The address may say the language (serve --lang en opens ?lang=en);
  // a choice made with the switch in this tab wins; else the server's.
  const asked = new URL(window.location.href).searchParams.get("lang") || "";
  try {
    await useTexts(l || asked);
  } catch (e) {
    // Without its words the page can only say what went wrong.
    document.body.hidden = false;
    pageError(e.message);
    return;
  }
  applyTexts();
  document.body.hidden = false; // shown in its language, never another first
  markStep("file");
  try {
    await loadFields();
  } catch (e) {
    pageError(e.message);
  }
  setupDrop();
  for (const r of document.querySelectorAll('input[name="endpoint"]')) {
    r.addEventListener("change", () => { if (r.checked) switchEndpoint(r.value); });
  }
  $("#lang-switch").addEventListener("click", () => setLang(otherLang(), true));
  const check = async (e) => {
    if (e) e.preventDefault();
    pageError("");
    $("#check-button").textContent = t("checking");
    try {
      if (await putMapping()) await runCheck(true);
    } catch (err) {
      pageError(err.message);
    } finally {
      $("#check-button").textContent = t("checkButton");
    }
  };
  $("#match-form").addEventListener("submit", check);
  // Checking again sends the mapping too: it may have changed since.
  $("#recheck-button").addEventListener("click", () => check(null));
  for (const r of document.querySelectorAll('input[name="rowfilter"]')) r.addEventListener("change", renderRows);
  $("#send-button").addEventListener("click", send);
  $("#stop-button").addEventListener("click", stopSending);
  $("#credentials").addEventListener("submit", submitCredentials);
  $("#another-button").addEventListener("click", startOver);
  $("#retry-button").addEventListener("click", () => retry().catch((e) => pageError(e.message)));
  $("#history-refresh").addEventListener("click", loadHistory);
  loadHistory();
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();

})();
