// communique's page. The URL holds the whole state (q, sort, since, until,
// offset, group, view, by, normalize, article); every action pushes a new URL
// and render() draws the page from it, so back, reload and shared links work.
// Article text is data: it only ever becomes DOM text nodes and <mark>s.
'use strict';

const PAGE = 10;
// Facet field -> query filter prefix.
const FILTERS = { outlet: 'outlet', people: 'person', places: 'place', countries: 'country', speakers: 'said', authors: 'author' };
const FACET_TITLES = { outlet: 'Outlets', people: 'People', places: 'Places', countries: 'Countries', speakers: 'Quoted', authors: 'Authors' };
// How a quotation's speaker who is no person is named.
const SPEAKER_KINDS = { organisation: 'organisation', outlet: 'outlet', unnamed: 'unnamed source' };

const main = document.getElementById('main');
const box = document.getElementById('q');

/** An element with attributes (on* are listeners) and children (strings become text). */
function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (k === 'class') e.className = v;
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    e.append(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
  return e;
}

/** Text with highlights given as [start, end) offsets in Unicode characters. */
function marked(text, highlights) {
  const chars = Array.from(text || '');
  const out = document.createDocumentFragment();
  let at = 0;
  for (const [start, end] of highlights || []) {
    if (start < at || end > chars.length || end <= start) continue;
    out.append(document.createTextNode(chars.slice(at, start).join('')));
    out.append(el('mark', {}, chars.slice(start, end).join('')));
    at = end;
  }
  out.append(document.createTextNode(chars.slice(at).join('')));
  return out;
}

function state() {
  return Object.fromEntries(new URLSearchParams(location.search));
}

function urlOf(s) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(s)) if (v !== undefined && v !== null && v !== '') p.set(k, v);
  const qs = p.toString();
  return qs ? '/?' + qs : '/';
}

/** Goes to a new state: a new history entry, then the page drawn from it. */
function go(s) {
  history.pushState(null, '', urlOf(s));
  render();
}

/** A link to a state that navigates in place on a plain click. */
function link(s, ...children) {
  return el('a', {
    href: urlOf(s),
    onclick: (ev) => {
      if (ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
      ev.preventDefault();
      go(s);
    },
  }, ...children);
}

async function api(path, params) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v !== undefined && v !== null && v !== '') p.set(k, v);
  const res = await fetch(path + (p.toString() ? '?' + p : ''));
  const body = await res.json().catch(() => ({ error: 'unreadable answer (' + res.status + ')' }));
  if (!res.ok) throw Object.assign(new Error(body.error || res.statusText), { position: body.position });
  return body;
}

function showError(err, query) {
  const box = el('div', { class: 'error', role: 'alert' }, err.message);
  if (query && Number.isInteger(err.position)) {
    const chars = Array.from(query);
    box.append(el('pre', {}, query + '\n' + ' '.repeat(Math.min(err.position, chars.length)) + '^'));
  }
  return box;
}

function metaLine(h) {
  const parts = [h.outlet || 'unknown outlet', h.date || 'undated'];
  if (h.authors && h.authors.length) parts.push('by ' + h.authors.join(', '));
  return el('p', { class: 'meta' }, parts.join(' · '));
}

// ---- the query's filters -------------------------------------------------

function filterText(field, value) {
  return FILTERS[field] + ':"' + value.replace(/"/g, '') + '"';
}

function hasFilter(q, field, value) {
  return (' ' + q + ' ').includes(' ' + filterText(field, value) + ' ');
}

/** The query with the filter added, or removed when it is there. */
function toggleFilter(q, field, value) {
  const f = filterText(field, value);
  if (hasFilter(q, field, value)) return (' ' + q + ' ').replace(' ' + f + ' ', ' ').trim();
  return (q.trim() + ' ' + f).trim();
}

// ---- the date histogram ----------------------------------------------------

/** The first and last day of a date facet bucket ("2018", "2018-09", a week's Monday, a day). */
function periodRange(value, interval) {
  if (/^\d{4}$/.test(value) || /^\d{4}-\d{2}$/.test(value)) return [value, value];
  if (interval === 'week') {
    const d = new Date(value + 'T00:00:00Z');
    d.setUTCDate(d.getUTCDate() + 6);
    return [value, d.toISOString().slice(0, 10)];
  }
  return [value, value];
}

function histogram(buckets, onPick, label) {
  const max = Math.max(1, ...buckets.map((b) => b.count));
  const bars = el('div', { class: 'histogram', role: 'group', 'aria-label': label });
  for (const b of buckets) {
    const height = Math.max(4, Math.round((100 * b.count) / max));
    const bar = el('button', {
      type: 'button', title: b.value + ': ' + b.count, 'aria-label': b.value + ': ' + b.count,
      onclick: () => onPick(b),
    });
    bar.style.height = height + '%';
    bars.append(bar);
  }
  return bars;
}

// ---- the search view -------------------------------------------------------

/** The page before any query: what to type, with examples to click. */
function welcome(s) {
  const examples = ['Pompeo visit', '"fourth visit" person:"Kim Jong Un"', 'summit country:"North Korea"', 'oil prices'];
  return el('section', { class: 'welcome' },
    el('h1', {}, 'Search the coverage'),
    el('p', {}, 'Type words, "exact phrases" or filters such as outlet:, person:, place:, country:, author: (see Syntax). Press / to jump to the box.'),
    el('ul', {}, examples.map((q) => el('li', {}, link({ ...s, q }, q)))));
}

async function renderSearch(s) {
  const q = s.q || '';
  if (!q.trim()) {
    main.replaceChildren(welcome({}));
    return;
  }
  const offset = Number.parseInt(s.offset || '0', 10) || 0;
  let r;
  try {
    r = await api('/api/search', {
      q, offset, limit: PAGE, sort: s.sort, since: s.since, until: s.until, group_by: s.group,
    });
  } catch (err) {
    main.replaceChildren(showError(err, q));
    return;
  }
  const toolbar = el('div', { class: 'toolbar' },
    el('span', { class: 'count', id: 'count' }, countText(r, q)),
    el('label', {}, 'Sort ', select('sort', s.sort || 'relevance',
      [['relevance', 'relevance'], ['date', 'newest'], ['date-asc', 'oldest']],
      (v) => go({ ...s, sort: v === 'relevance' ? '' : v, offset: '' }))),
    el('label', {}, 'Group ', select('group', s.group || '',
      [['', 'none'], ['outlet', 'best per outlet'], ['story', 'stories']],
      (v) => go({ ...s, group: v, offset: '' }))),
    (s.since || s.until) && el('button', { type: 'button', onclick: () => go({ ...s, since: '', until: '', offset: '' }) },
      'dates: ' + (s.since || '…') + ' to ' + (s.until || '…') + ' ✕'),
  );
  const column = el('div', { class: 'results' }, toolbar);
  if (r.did_you_mean) column.append(el('p', {}, 'Did you mean ', link({ ...s, q: r.did_you_mean, offset: '' }, r.did_you_mean), '?'));
  if (r.stories) {
    column.append(storyList(r, s));
  } else {
    column.append(dateSection(r, s), hitList(r.hits, q), pager(r, s, offset));
  }
  main.replaceChildren(el('div', { class: 'layout' }, facetPanel(r, s), column));
}

function countText(r, q) {
  if (r.stories) return r.stories.length + ' stories among the ' + r.considered + ' best matches';
  const what = r.total === 1 ? 'match' : 'matches';
  return r.total.toLocaleString('en') + ' ' + what + (q ? ' for "' + q + '"' : '') + ' (' + r.took_ms.toFixed(1) + ' ms)';
}

function select(name, value, options, onChange) {
  const sel = el('select', { name, onchange: (ev) => onChange(ev.target.value) });
  for (const [v, label] of options) sel.append(el('option', { value: v, selected: v === value }, label));
  return sel;
}

function dateSection(r, s) {
  const buckets = (r.facets && r.facets.date) || [];
  if (buckets.length < 2) return el('div');
  const pick = (b) => {
    const [since, until] = periodRange(b.value, r.date_interval);
    go({ ...s, since, until, offset: '' });
  };
  return el('section', { class: 'dates' },
    histogram(buckets, pick, 'Matches by ' + r.date_interval + '; click a bar to narrow the dates'),
    el('div', { class: 'axis' }, el('span', {}, buckets[0].value), el('span', {}, 'by ' + r.date_interval + (r.undated ? ', ' + r.undated + ' undated' : '')), el('span', {}, buckets[buckets.length - 1].value)));
}

function hitList(hits, q) {
  const list = el('ol', { class: 'hits', id: 'hits' });
  for (const h of hits) {
    const outlets = new Set((h.duplicates || []).map((d) => d.outlet || 'unknown outlet'));
    list.append(el('li', { class: 'hit' },
      // dir="auto": a title or passage in Arabic, Persian or Hebrew reads right to left.
      el('h2', { dir: 'auto' }, link({ article: h.id, q }, marked(h.title || h.id, h.title_highlights))),
      metaLine(h),
      h.speakers && h.speakers.length > 0 && el('p', { class: 'meta quoted' }, 'quoted: ' + h.speakers.join(' · ')),
      (h.snippets || []).map((f) => el('p', { class: 'snippet', dir: 'auto' }, marked(f.text, f.highlights))),
      h.duplicates && h.duplicates.length > 0 && el('details', { class: 'dups' },
        el('summary', {}, 'also carried by ' + outlets.size + (outlets.size === 1 ? ' outlet' : ' outlets')),
        el('ul', {}, h.duplicates.map((d) => el('li', {},
          el('bdi', {}, link({ article: d.id, q }, d.title || d.id)), ' · ' + (d.outlet || 'unknown outlet') + ' · ' + (d.date || 'undated'))))),
    ));
  }
  return list;
}

function storyList(r, s) {
  const list = el('ol', { class: 'hits', id: 'hits' });
  const names = (pairs) => pairs.map(([n, c]) => n + ' (' + c + ')').join(' · ');
  for (const st of r.stories) {
    list.append(el('li', { class: 'hit' },
      el('h2', { dir: 'auto' }, link({ article: st.best.id, q: s.q }, st.best.title || st.best.id)),
      el('p', { class: 'meta' }, st.articles + ' articles, ' + (st.first_date || 'undated') + ' to ' + (st.last_date || 'undated')),
      el('p', { class: 'snippet' }, 'outlets: ' + names(st.outlets)),
      el('p', { class: 'snippet' }, 'people: ' + names(st.people)),
      el('p', { class: 'snippet' }, 'places: ' + names(st.places))));
  }
  return list;
}

function pager(r, s, offset) {
  const nav = el('nav', { class: 'pager', 'aria-label': 'Pages' });
  if (offset > 0) nav.append(link({ ...s, offset: Math.max(0, offset - PAGE) || '' }, '← previous'));
  if (r.total > 0) nav.append(el('span', { class: 'muted' }, 'page ' + (Math.floor(offset / PAGE) + 1)));
  if (offset + PAGE < r.total && r.hits.length === PAGE) nav.append(link({ ...s, offset: offset + PAGE }, 'next →'));
  return nav;
}

function facetPanel(r, s) {
  const q = s.q || '';
  const panel = el('aside', { class: 'facets', 'aria-label': 'Facets' });
  for (const field of Object.keys(FILTERS)) {
    const values = (r.facets && r.facets[field]) || [];
    if (!values.length) continue;
    panel.append(el('section', { 'data-facet': field },
      el('h3', {}, FACET_TITLES[field]),
      el('ul', {}, values.map((v) => el('li', {}, el('button', {
        type: 'button', class: 'facet', 'aria-pressed': String(hasFilter(q, field, v.value)),
        onclick: () => go({ ...s, q: toggleFilter(q, field, v.value), offset: '' }),
      }, el('span', {}, v.value), el('span', { class: 'n' }, v.count.toLocaleString('en'))))))));
  }
  return panel;
}

// ---- the article view ------------------------------------------------------

async function renderArticle(s) {
  let a;
  try {
    a = await api('/api/articles/' + encodeURIComponent(s.article), { q: s.q });
  } catch (err) {
    main.replaceChildren(showError(err, s.q));
    return;
  }
  const names = (label, field, values) => values && values.length > 0 && el('div', {},
    el('h3', { class: 'muted' }, label),
    el('div', { class: 'names' }, values.map((v) => el('button', {
      type: 'button', onclick: () => go({ q: filterText(field, v) }),
    }, v))));
  const similar = el('ol', { class: 'similar', id: 'similar' });
  const back = s.q !== undefined
    ? link({ q: s.q }, '← search "' + s.q + '"')
    : link({}, '← search');
  main.replaceChildren(el('article', { class: 'article' },
    el('p', {}, back),
    el('h1', { id: 'article-title', dir: 'auto' }, marked(a.title || a.id, a.title_highlights)),
    metaLine(a),
    a.url && el('p', { class: 'meta' }, 'source: ', el('a', { href: safeUrl(a.url), rel: 'noopener noreferrer' }, a.url)),
    names('People', 'people', a.people),
    names('Places', 'places', a.places),
    names('Countries', 'countries', a.countries),
    quotations(a.quotes),
    el('div', { class: 'body', id: 'article-body', dir: 'auto' }, marked(a.body, a.body_highlights)),
    el('h2', {}, 'Similar articles'), similar));
  document.title = (a.title || a.id) + ' · communique';
  try {
    const sim = await api('/api/articles/' + encodeURIComponent(s.article) + '/similar', { limit: 5 });
    if (!sim.similar.length) similar.append(el('li', { class: 'muted' }, 'none found'));
    for (const h of sim.similar) similar.append(el('li', {}, el('bdi', {}, link({ article: h.id, q: s.q }, h.title || h.id)), ' · ' + (h.outlet || 'unknown outlet') + ' · ' + (h.date || 'undated')));
  } catch (err) {
    similar.append(el('li', {}, showError(err)));
  }
}

/** Who said what in the article: each quotation with its speaker, who opens a `said:` search. */
function quotations(quotes) {
  if (!quotes || !quotes.length) return false;
  return el('section', { class: 'quotes' },
    el('h3', { class: 'muted' }, 'Who said what'),
    el('ol', { id: 'quotes' }, quotes.map((qt) => el('li', {},
      qt.speaker
        ? el('button', { type: 'button', onclick: () => go({ q: filterText('speakers', qt.speaker) }) }, qt.speaker)
        : el('span', { class: 'muted' }, qt.speaker_kind === 'unnamed' ? 'unnamed source' : 'speaker not settled'),
      qt.speaker && SPEAKER_KINDS[qt.speaker_kind] && el('span', { class: 'muted' }, ' (' + SPEAKER_KINDS[qt.speaker_kind] + ')'),
      ' ', el('q', { dir: 'auto' }, qt.text)))));
}

/** Only web links are followed; anything else (javascript:...) is shown, not linked. */
function safeUrl(url) {
  return /^https?:\/\//i.test(url) ? url : '#';
}

// ---- the timeline view -----------------------------------------------------

async function renderTimeline(s) {
  const q = s.q || '';
  if (!q.trim()) {
    main.replaceChildren(welcome({ view: 'timeline', by: s.by }));
    return;
  }
  let t;
  try {
    t = await api('/api/timeline', { q, by: s.by, interval: s.interval, normalize: s.normalize, since: s.since, until: s.until });
  } catch (err) {
    main.replaceChildren(showError(err, q));
    return;
  }
  const controls = el('div', { class: 'toolbar' },
    el('label', {}, 'Lines ', select('by', s.by || '', [['', 'all matches'], ['outlet', 'by outlet'], ['country', 'by country'], ['person', 'by person']],
      (v) => go({ ...s, by: v }))),
    el('label', {}, 'Period ', select('interval', s.interval || '', [['', 'auto'], ['day', 'day'], ['week', 'week'], ['month', 'month'], ['year', 'year']],
      (v) => go({ ...s, interval: v }))),
    el('label', {}, el('input', { type: 'checkbox', checked: s.normalize === 'true', onchange: (ev) => go({ ...s, normalize: ev.target.checked ? 'true' : '' }) }),
      ' share of attention'),
  );
  const chart = el('div', { class: 'timeline', id: 'timeline' });
  const max = Math.max(1e-9, ...t.series.flatMap((x) => x.values));
  const field = { outlet: 'outlet', country: 'countries', person: 'people' }[t.by];
  for (const series of t.series) {
    const buckets = t.periods.map((p, i) => ({ value: p, count: series.values[i] }));
    const pick = (b) => {
      const [since, until] = periodRange(b.value, t.interval);
      const narrowed = field && !hasFilter(q, field, series.group) ? toggleFilter(q, field, series.group) : q;
      go({ q: narrowed, since, until });
    };
    const bars = histogram(buckets, pick, series.group);
    // One scale for every line, so the lines compare.
    bars.querySelectorAll('button').forEach((b, i) => { b.style.height = Math.max(2, Math.round((100 * series.values[i]) / max)) + '%'; });
    chart.append(el('div', { class: 'series' }, el('span', { class: 'label', title: series.group }, series.group), bars,
      el('span', { class: 'total' }, series.total.toLocaleString('en'))));
  }
  const axis = t.periods.length ? el('div', { class: 'axis' }, el('span', {}, t.periods[0]), el('span', {}, 'by ' + t.interval + (t.normalized ? ', share of all articles' : '') + (t.undated ? ', ' + t.undated + ' undated not shown' : '')), el('span', {}, t.periods[t.periods.length - 1])) : el('p', { class: 'muted' }, 'no dated matches');
  main.replaceChildren(el('section', {}, controls, chart, axis));
}

// ---- wiring ------------------------------------------------------------------

async function render() {
  const s = state();
  box.value = s.q || '';
  const view = s.article ? 'article' : s.view === 'timeline' ? 'timeline' : 'search';
  document.getElementById('view-search').toggleAttribute('aria-current', false);
  document.getElementById('view-timeline').toggleAttribute('aria-current', false);
  document.getElementById(view === 'timeline' ? 'view-timeline' : 'view-search').setAttribute('aria-current', 'page');
  document.getElementById('view-search').setAttribute('href', urlOf({ q: s.q }));
  document.getElementById('view-timeline').setAttribute('href', urlOf({ q: s.q, view: 'timeline' }));
  document.title = s.q ? s.q + ' · communique' : 'communique';
  if (view === 'article') await renderArticle(s);
  else if (view === 'timeline') await renderTimeline(s);
  else await renderSearch(s);
  document.body.dataset.ready = urlOf(s);
}

document.getElementById('search-form').addEventListener('submit', (ev) => {
  ev.preventDefault();
  const s = state();
  go({ q: box.value.trim(), view: s.article ? '' : s.view, by: s.by, normalize: s.normalize, sort: s.sort, group: s.group });
});
document.getElementById('view-search').addEventListener('click', (ev) => { ev.preventDefault(); go({ q: state().q }); });
document.getElementById('view-timeline').addEventListener('click', (ev) => { ev.preventDefault(); go({ q: state().q, view: 'timeline' }); });
document.addEventListener('keydown', (ev) => {
  const typing = ev.target instanceof HTMLInputElement || ev.target instanceof HTMLSelectElement || ev.target instanceof HTMLTextAreaElement;
  if (ev.key === '/' && !typing && !ev.ctrlKey && !ev.metaKey && !ev.altKey) {
    ev.preventDefault();
    box.focus();
    box.select();
  }
});
window.addEventListener('popstate', render);
api('/api/stats').then((st) => {
  document.getElementById('stats').textContent = st.articles.toLocaleString('en') + ' articles, ' + st.outlets + ' outlets' +
    (st.first_date ? ', ' + st.first_date + ' to ' + st.last_date : '');
}).catch(() => {});
render();
