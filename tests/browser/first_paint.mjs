// A measurement, not a test: how soon the page paints a search's hits, in
// Debian's Chromium (playwright-core), against a running `communique serve`.
// Usage: node tests/browser/first_paint.mjs BASE_URL QUERY_FILE [RUNS]
// (scripts/first_paint.sh starts the server on a Reuters index and runs this.)
//
// Two ways a reader gets a search, each query of QUERY_FILE (one a line, '#'
// comments skipped), RUNS passes:
//  - shared link: a fresh page loads /?q=QUERY. Times from the Performance API,
//    relative to navigation start: first-contentful-paint (the page's frame) and
//    "hits painted": the first animation frame after the hits are in the DOM
//    (a MutationObserver on <body data-ready>, then requestAnimationFrame twice:
//    the second callback runs once the frame holding the hits has been painted).
//  - typed search: on an open page, Enter in the box to hits painted, the same way.
// Prints one JSON object: per scenario, n, median, p90 and max in ms.
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const [base, queryFile, runsArg] = process.argv.slice(2);
if (!base || !queryFile) {
  console.error('usage: node first_paint.mjs BASE_URL QUERY_FILE [RUNS]');
  process.exit(2);
}
const runs = Number(runsArg || 3);
const queries = readFileSync(queryFile, 'utf8').split('\n').map((l) => l.trim())
  .filter((l) => l && !l.startsWith('#')).map((l) => (l.includes('\t') ? l.split('\t')[1] : l));

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--no-first-run', '--disable-sync'],
});
const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });

// Installed before any page script: records when <body data-ready> names the
// search's URL, and when the frame after it has been painted.
await context.addInitScript(() => {
  window.__paint = {};
  // On the document, subtree: neither <html> nor <body> exists yet when this runs.
  new MutationObserver(() => {
    const url = document.body && document.body.dataset.ready;
    if (!url || window.__paint[url]) return;
    const rendered = performance.now();
    window.__paint[url] = { rendered };
    requestAnimationFrame(() => requestAnimationFrame(() => { window.__paint[url].painted = performance.now(); }));
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-ready'] });
});

const page = await context.newPage();
const errors = [];
page.on('pageerror', (e) => errors.push(String(e)));
// As the page writes its URLs (URLSearchParams: spaces as +, parentheses escaped).
const urlOf = (q) => '/?' + new URLSearchParams({ q });
const painted = (u) => page.waitForFunction((x) => window.__paint[x] && window.__paint[x].painted, u, { timeout: 10000 })
  .catch(async (e) => {
    const seen = await page.evaluate(() => JSON.stringify({ ready: document.body.dataset.ready, paint: window.__paint }));
    throw new Error('no paint recorded for ' + u + ': ' + seen + ' (' + e.message.split('\n')[0] + ')');
  });

const shared = { fcp: [], hits: [] };
const typed = [];
// One untimed load first: the browser's own start-up, the assets into its cache.
await page.goto(base + '/');
for (let r = 0; r < runs; r++) {
  for (const q of queries) {
    const u = urlOf(q);
    await page.goto(base + u);
    await painted(u);
    const t = await page.evaluate((x) => ({
      fcp: (performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime,
      hits: window.__paint[x].painted,
    }), u);
    if (t.fcp !== undefined) shared.fcp.push(t.fcp);
    shared.hits.push(t.hits);
  }
  // Typed: one page, each query typed and Entered.
  await page.goto(base + '/');
  await page.waitForFunction(() => document.body.dataset.ready === '/');
  for (const q of queries) {
    const u = urlOf(q);
    await page.fill('#q', q);
    const start = await page.evaluate(() => {
      const t = performance.now();
      document.getElementById('search-form').requestSubmit();
      return t;
    });
    await painted(u);
    typed.push((await page.evaluate((x) => window.__paint[x].painted, u)) - start);
    await page.evaluate((x) => { delete window.__paint[x]; }, u);
    // Back to the empty page so the next query is a new state.
    await page.evaluate(() => { delete window.__paint['/']; history.pushState(null, '', '/'); });
  }
}
await browser.close();

const summary = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { n: s.length, median_ms: +at(0.5).toFixed(1), p90_ms: +at(0.9).toFixed(1), max_ms: +s[s.length - 1].toFixed(1) };
};
console.log(JSON.stringify({
  queries: queries.length,
  runs,
  shared_link_first_contentful_paint: summary(shared.fcp),
  shared_link_hits_painted: summary(shared.hits),
  typed_search_hits_painted: summary(typed),
  page_errors: errors,
}, null, 1));
