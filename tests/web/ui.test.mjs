// Real-browser test of the web UI: Playwright (playwright-core) drives
// Debian's chromium, headless, against alaqat serve on a store of the seeds.
// Exit 0 ok, 1 failure, 77 skipped (no chromium or no web/node_modules).
// Env: ALAQAT, ALQ_SHARED, ALQ_WEB (built UI), ALQ_SHOTS (screenshots dir),
// CHROMIUM (default /usr/bin/chromium). Nothing leaves the loopback.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const src = resolve(here, '..', '..');
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
const skip = (why) => { console.log('SKIP: ' + why); process.exit(77); };
if (!existsSync(chromiumPath)) skip(chromiumPath + ' missing');
let chromium;
try {
  const require = createRequire(join(src, 'web', 'package.json'));
  ({ chromium } = require('playwright-core'));
} catch (e) { skip('playwright-core missing (npm ci in web/)'); }
const ALAQAT = process.env.ALAQAT;
const SHARED = process.env.ALQ_SHARED || resolve(src, '..', 'shared');
const WEB = process.env.ALQ_WEB || join(src, 'web', 'dist');
const SHOTS = process.env.ALQ_SHOTS || join(src, 'build', 'web-shots');
if (!ALAQAT) { console.log('FAIL - ALAQAT not set'); process.exit(1); }
if (!existsSync(join(WEB, 'vendor', 'cytoscape.min.js'))) skip('no built UI with cytoscape in ' + WEB);
mkdirSync(SHOTS, { recursive: true });

let fails = 0;
const check = (what, ok, detail) => {
  console.log((ok ? 'ok - ' : 'FAIL - ') + what + (ok || detail === undefined ? '' : ' (' + detail + ')'));
  if (!ok) fails++;
};

const T = mkdtempSync(join(tmpdir(), 'alq-web-'));
const DB = join(T, 's.db');
execFileSync(ALAQAT, ['add', '-q', '--db', DB, join(SHARED, 'seeds')], { stdio: 'inherit' });

// the server on a port the kernel picks
const server = spawn(ALAQAT, ['serve', '-q', '--db', DB, '--port', '0', '--web', WEB], { stdio: ['ignore', 'pipe', 'inherit'] });
let browser = null;
const stop = async () => {
  if (browser) await browser.close().catch(() => {});
  if (server.exitCode === null) {
    const exited = new Promise((r) => server.once('exit', (code) => r(code)));
    server.kill('SIGTERM');
    const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r('timeout'), 30000))]);
    if (code === 'timeout') { server.kill('SIGKILL'); check('server stops on SIGTERM', false, 'timeout'); }
    else check('server stops on SIGTERM with status 0', code === 0, 'status ' + code);
  }
  rmSync(T, { recursive: true, force: true });
};
const hardTimer = setTimeout(async () => { console.log('FAIL - test took over 240 s'); await stop(); process.exit(1); }, 240000);

try {
  const base = await new Promise((res, rej) => {
    let out = '';
    const timer = setTimeout(() => rej(new Error('server did not start in 60 s')), 60000);
    server.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
      if (m) { clearTimeout(timer); res('http://127.0.0.1:' + m[1]); }
    });
    server.once('exit', (c) => rej(new Error('server exited with ' + c)));
  });
  const api = async (p) => (await fetch(base + p)).json();

  const profile = join(T, 'profile');
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 1400, height: 850 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
           '--no-first-run', '--disable-dev-shm-usage', '--disable-extensions'],
    timeout: 60000
  });
  browser.setDefaultTimeout(60000);
  const outside = [];
  await browser.route('**/*', (route) => {
    const u = route.request().url();
    if (u.startsWith(base + '/') || u.startsWith('data:')) return route.continue();
    outside.push(u);
    return route.abort();
  });
  const page = browser.pages()[0] || await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });

  // 1. the network shows the seed actors, in Arabic, right to left
  await page.goto(base + '/');
  await page.waitForSelector('body[data-ready="1"]');
  await page.screenshot({ path: join(SHOTS, '1-network.png') });
  const dir = await page.evaluate(() => document.documentElement.dir);
  check('page is right-to-left Arabic', dir === 'rtl', dir);
  const nodes = await page.evaluate(() => window.alaqat.cy.nodes().map((n) => [n.id(), n.data('label')]));
  const ids = new Set(nodes.map((n) => n[0]));
  for (const a of ['isis', 'nusra', 'al-qaeda']) check('graph shows seed actor ' + a, ids.has(a));
  const isis = nodes.find((n) => n[0] === 'isis');
  check('isis is labelled داعش', isis && isis[1] === 'داعش', isis && isis[1]);
  const g = await api('/api/graph');
  const nEdges = await page.evaluate(() => window.alaqat.cy.edges().length);
  check('graph draws every edge of /api/graph (' + g.edges.length + ')', nEdges === g.edges.length && nEdges > 0, nEdges);
  const colors = await page.evaluate(() => window.alaqat.cy.edges().map((e) => [e.data('cls'), e.style('line-color')]));
  const byClass = {};
  for (const [c, col] of colors) (byClass[c] = byClass[c] || new Set()).add(col);
  check('edges are coloured by class', Object.keys(byClass).length > 1 &&
        Object.values(byClass).every((s) => s.size === 1) &&
        new Set(Object.values(byClass).map((s) => [...s][0])).size === Object.keys(byClass).length, JSON.stringify(colors.slice(0, 4)));

  // 2. moving the slider changes the edges
  const edgeSet = () => page.evaluate(() => window.alaqat.cy.edges().map((e) => e.id() + ':' + e.data('cls')).sort().join(','));
  const before = await edgeSet();
  const stats = await api('/api/stats');
  const max = Number(await page.getAttribute('#date', 'max'));
  const target = Math.floor(max / 3);
  await page.locator('#date').fill(String(target));
  const want = new Date(Date.parse(stats.first + 'T00:00:00Z') + target * 86400000).toISOString().slice(0, 10);
  await page.waitForSelector(`body[data-graph-at="${want}"]`);
  const after = await edgeSet();
  const gAt = await api('/api/graph?at=' + want);
  check('slider to ' + want + ' changes the edges', after !== before, 'same edges');
  check('edges at ' + want + ' match /api/graph?at=', after.split(',').filter(Boolean).length === gAt.edges.length,
        after.split(',').length + ' vs ' + gAt.edges.length);
  await page.screenshot({ path: join(SHOTS, '2-slider.png') });
  await page.locator('#date').fill(String(max));
  await page.waitForSelector(`body[data-graph-at="${stats.last}"]`);

  // 3. clicking an edge opens the pair's timeline: click at the rendered
  // midpoint of the edge farthest from any node
  const pick = await page.evaluate(() => {
    const cy = window.alaqat.cy;
    let best = null;
    cy.edges().forEach((e) => {
      const m = e.renderedMidpoint();
      let d = Infinity;
      cy.nodes().forEach((n) => { const p = n.renderedPosition(); d = Math.min(d, Math.hypot(p.x - m.x, p.y - m.y)); });
      cy.edges().forEach((o) => { if (o !== e) { const q = o.renderedMidpoint(); d = Math.min(d, Math.hypot(q.x - m.x, q.y - m.y)); } });
      if (!best || d > best.d) best = { d, x: m.x, y: m.y, a: e.data('source'), b: e.data('target') };
    });
    const r = cy.container().getBoundingClientRect();
    best.x += r.left; best.y += r.top;
    return best;
  });
  await page.mouse.click(pick.x, pick.y);
  await page.waitForSelector('#timeline-list li');
  const title = await page.textContent('#timeline-title');
  const names = await page.evaluate((p) => [p.a, p.b].map((id) => window.alaqat.state.actors.get(id).arabic || id), pick);
  check('clicking edge ' + pick.a + '–' + pick.b + ' opens its timeline', names.every((n) => title.includes(n)), title);
  const tl = await api(`/api/timeline?a=${encodeURIComponent(pick.a)}&b=${encodeURIComponent(pick.b)}&limit=1000`);
  const nItems = await page.locator('#timeline-list > li').count();
  check('timeline lists every claim of the pair (' + tl.total + ')', nItems === tl.total, nItems);
  await page.screenshot({ path: join(SHOTS, '3-timeline.png') });

  // 4. the highlighted evidence is the claim's span of the text
  let spansOk = true, shown = 0;
  const n4 = Math.min(nItems, 3);
  for (let i = 0; i < n4; i++) {
    const li = page.locator('#timeline-list > li').nth(i);
    const doc = await li.getAttribute('data-doc');
    const s = Number(await li.getAttribute('data-start')), e = Number(await li.getAttribute('data-end'));
    await page.locator('#tabs button[data-tab="timeline"]').click();
    await li.locator('button.show-text').click();
    await page.waitForSelector('#highlight');
    const got = await page.textContent('#highlight');
    const d = await api('/api/doc/' + encodeURIComponent(doc));
    const expect = Buffer.from(d.text, 'utf8').subarray(s, e).toString('utf8');
    if (got !== expect || got !== tl.items[i].evidence) spansOk = false;
    const badges = await page.locator('#claim-info .badge').count();
    if (badges < 3) spansOk = false;
    shown++;
    if (i === 0) await page.screenshot({ path: join(SHOTS, '4-evidence.png') });
  }
  check(`highlighted text equals the claim span (${shown} claims), with badges`, spansOk && shown > 0);

  // 5. English toggle
  await page.click('#lang');
  const dir2 = await page.evaluate(() => document.documentElement.dir);
  const isisEn = await page.evaluate(() => window.alaqat.cy.getElementById('isis').data('label'));
  check('English toggle: left to right, English names', dir2 === 'ltr' && /Islamic State/.test(isisEn), dir2 + ' ' + isisEn);
  await page.screenshot({ path: join(SHOTS, '5-english.png') });
  await page.click('#lang');

  // 6. search, 7. contradictions
  await page.fill('#search-q', 'النصرة');
  await page.press('#search-q', 'Enter');
  await page.waitForSelector('#panel-results .search-snippet mark');
  const hits = await page.locator('#panel-results ol.items > li').count();
  check('search lists documents with the match marked', hits > 0, hits);
  await page.screenshot({ path: join(SHOTS, '6-search.png') });
  await page.click('#tabs button[data-tab="contradictions"]');
  await page.waitForSelector('#panel-contradictions ol.items > li');
  const cn = await page.locator('#panel-contradictions ol.items > li').count();
  const capi = await api('/api/contradictions?limit=200');
  check('contradictions listed (' + capi.items.length + ')', cn === capi.items.length && cn > 0, cn);
  await page.screenshot({ path: join(SHOTS, '7-contradictions.png') });

  check('no request left the loopback', outside.length === 0, outside.join(' '));
  check('no page errors', errors.length === 0, errors.join(' | '));
} catch (e) {
  console.log('FAIL - ' + (e && e.stack ? e.stack : e));
  fails++;
}
await stop();
clearTimeout(hardTimer);
console.log('# ' + fails + ' failure(s); screenshots in ' + SHOTS);
process.exit(fails ? 1 : 0);
