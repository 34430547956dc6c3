// The page in Debian's Chromium, driven by playwright-core, against a running
// `communique serve` (tests/serve_browser.rs starts it on the test corpus).
// Usage: node tests/browser/e2e.mjs BASE_URL [SCREENSHOT_DIR]
// Prints one line per check and a closing "N passed, N failed".
import { chromium } from 'playwright-core';

const base = process.argv[2];
const shots = process.argv[3];
if (!base) {
  console.error('usage: node e2e.mjs BASE_URL [SCREENSHOT_DIR]');
  process.exit(2);
}

let passed = 0;
let failed = 0;
async function check(name, fn) {
  try {
    await fn();
    passed++;
    console.log('ok   ' + name);
  } catch (e) {
    failed++;
    console.log('FAIL ' + name + ': ' + (e && e.message ? e.message.split('\n')[0] : e));
  }
}
function assert(cond, message) {
  if (!cond) throw new Error(message);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--no-first-run', '--disable-sync'],
});
const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
const errors = [];
page.on('pageerror', (e) => errors.push(String(e)));
page.on('dialog', (d) => { errors.push('dialog: ' + d.message()); d.dismiss(); });
// Waits until render() finished drawing the given URL.
const ready = (url) => page.waitForFunction((u) => document.body.dataset.ready === u, url, { timeout: 10000 });
const count = async () => Number((await page.textContent('#count')).replace(/,/g, '').match(/^\d+/)[0]);

await check('the page loads with examples and / focuses the search box', async () => {
  await page.goto(base + '/');
  await ready('/');
  assert(await page.locator('.welcome li a').count() >= 3, 'no examples on the empty page');
  await page.keyboard.press('/');
  assert(await page.evaluate(() => document.activeElement.id === 'q'), 'focus is not in the box');
});

let before = 0;
await check('typing a query and Enter shows highlighted hits', async () => {
  await page.fill('#q', 'Pyongyang summit');
  await page.keyboard.press('Enter');
  await ready('/?q=Pyongyang+summit');
  before = await count();
  assert(before >= 3, 'too few matches: ' + before);
  const marks = await page.$$eval('#hits mark', (ms) => ms.map((m) => m.textContent.toLowerCase()));
  assert(marks.some((m) => m.startsWith('pyongyang')), 'no highlighted Pyongyang: ' + marks.slice(0, 5));
  assert(page.url().endsWith('/?q=Pyongyang+summit'), 'URL does not hold the query: ' + page.url());
});

if (shots) await page.screenshot({ path: shots + '/serve-1440.png', fullPage: false });

await check('clicking a facet adds its filter and changes the count', async () => {
  const facet = page.locator('section[data-facet=outlet] button.facet', { hasText: 'Hostile Gazette' });
  await facet.click();
  await ready('/?q=Pyongyang+summit+outlet%3A%22Hostile+Gazette%22');
  const after = await count();
  assert(after === 1 && after < before, 'count ' + before + ' -> ' + after);
  assert(await page.inputValue('#q') === 'Pyongyang summit outlet:"Hostile Gazette"', 'box: ' + await page.inputValue('#q'));
  assert(await page.getAttribute('section[data-facet=outlet] button.facet', 'aria-pressed') === 'true', 'facet not shown as active');
});

await check('an article with <script> in its title and body renders as text', async () => {
  const title = await page.textContent('#hits h2');
  assert(title.includes('<script>window.pwned=1</script>'), 'title not shown literally: ' + title);
  assert(await page.$$eval('#hits script, #hits img', (n) => n.length) === 0, 'markup became elements');
});

await check('opening an article shows its body with highlights, names and similar articles', async () => {
  await page.click('#hits h2 a');
  await page.waitForSelector('#article-body');
  await page.waitForSelector('#similar li');
  const body = await page.textContent('#article-body');
  assert(body.includes('<script>window.pwned=3</script>'), 'body script not shown as text');
  assert(body.includes('<img src=x onerror="window.pwned=4">'), 'body img not shown as text');
  assert(await page.$$eval('#article-body mark', (m) => m.length) > 0, 'no highlights in the body');
  assert(await page.$$eval('article script, article img', (n) => n.length) === 0, 'markup became elements');
  assert(await page.evaluate(() => window.pwned === undefined), 'a script ran');
  assert(page.url().includes('article=hostile%2F1%23a+b'), 'URL: ' + page.url());
});

await check('back returns to the filtered search', async () => {
  await page.goBack();
  await ready('/?q=Pyongyang+summit+outlet%3A%22Hostile+Gazette%22');
  assert(await count() === 1, 'count after back');
  await page.goBack();
  await ready('/?q=Pyongyang+summit');
  assert(await count() === before, 'count after second back');
});

await check('a shared URL opens that search, and a date bar narrows the dates', async () => {
  await page.goto(base + '/?q=oil&sort=date');
  await ready('/?q=oil&sort=date');
  const all = await count();
  assert(all > 5, 'oil: ' + all);
  assert(await page.inputValue('select[name=sort]') === 'date', 'sort not restored');
  const bars = page.locator('.dates .histogram button');
  const n = await bars.count();
  assert(n >= 2, 'histogram bars: ' + n);
  await bars.first().click();
  await page.waitForFunction(() => /since=/.test(location.search) && document.body.dataset.ready === location.pathname + location.search);
  const narrowed = await count();
  assert(narrowed < all, 'dates did not narrow: ' + all + ' -> ' + narrowed);
});

await check('a bad query shows the error and where', async () => {
  await page.goto(base + '/?q=Pompeo+person%3A');
  await ready('/?q=Pompeo+person%3A');
  const text = await page.textContent('.error');
  assert(text.includes('needs a value') && text.includes('       ^'), text);
});

await check('the timeline view draws one line per outlet', async () => {
  await page.goto(base + '/?q=oil&view=timeline&by=outlet');
  await ready('/?q=oil&view=timeline&by=outlet');
  assert(await page.locator('#timeline .series').count() >= 1, 'no series');
});

await check('who said what: the speakers facet, and an article lists its quotations with their speakers', async () => {
  await page.goto(base + '/?q=Nauert');
  await ready('/?q=Nauert');
  const facet = page.locator('section[data-facet=speakers] button.facet', { hasText: 'Heather Nauert' });
  assert(await facet.count() === 1, 'no Heather Nauert among the quoted');
  await page.click('#hits h2 a');
  await page.waitForSelector('#quotes li');
  const quotes = await page.$$eval('#quotes li', (li) => li.map((l) => l.textContent));
  assert(quotes.some((t) => t.startsWith('Heather Nauert') && t.includes('We have no meetings or no plans')),
    'no Nauert quotation: ' + quotes.slice(0, 3).join(' | '));
  await page.click('#quotes button:has-text("Heather Nauert")');
  await ready('/?q=said%3A%22Heather+Nauert%22');
  assert(await count() >= 1, 'said: search found nothing');
  assert(await page.inputValue('#q') === 'said:"Heather Nauert"', 'box: ' + await page.inputValue('#q'));
});

await check('no script error on any page', async () => {
  assert(errors.length === 0, errors.join(' | '));
});

await check('usable at 375 px: no horizontal scroll, hits readable', async () => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto(base + '/?q=Pyongyang+summit');
  await ready('/?q=Pyongyang+summit');
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  assert(wide <= 375, 'page is ' + wide + ' px wide');
  if (shots) await page.screenshot({ path: shots + '/serve-375.png', fullPage: false });
});

await browser.close();
console.log(passed + ' passed, ' + failed + ' failed');
process.exit(failed === 0 ? 0 : 1);
