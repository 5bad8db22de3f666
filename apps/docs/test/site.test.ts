/**
 * The documentation site, built and driven in Debian's Chromium: the pages
 * render, local search finds API names, every internal link resolves without
 * a console error, and the Performance page shows its charts.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { distDir, docsDir, ensureSiteBuilt } from './support/site-build.js';
import { serveStatic, type StaticServer } from './support/static-server.js';

const CHROMIUM = '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
const isRoot = process.getuid?.() === 0;
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium && !isRoot)
  console.log(`docs site test skipped: ${CHROMIUM} is missing and we are not root to install it (apt-get install -y chromium)`);

describe.runIf(haveChromium || isRoot)('documentation site in Chromium', () => {
  let server: StaticServer | undefined;
  let context: BrowserContext | undefined;
  let profile: string | undefined;

  beforeAll(async () => {
    if (!haveChromium) throw new Error(`${CHROMIUM} is missing: run scripts/ensure-test-deps.sh (it installs Debian's chromium)`);
    const built = await ensureSiteBuilt();
    console.log(built ? 'docs site test: built the site' : 'docs site test: reusing the build of the same inputs');
    server = await serveStatic(distDir);
    profile = await mkdtemp(join(tmpdir(), 'iolib-docs-chromium-'));
    context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: FLAGS, headless: true });
  }, 600_000);

  afterAll(async () => {
    await context?.close();
    await server?.close();
    if (profile !== undefined) await rm(profile, { recursive: true, force: true });
  });

  /** Open `path`, failing on an HTTP error; collects console errors into `errors`. */
  async function open(path: string, errors: string[] = []): Promise<Page> {
    const page = await context!.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`${path}: ${m.text()}`);
    });
    page.on('pageerror', (e) => errors.push(`${path}: ${e.message}`));
    const response = await page.goto(server!.origin + path, { waitUntil: 'load' });
    expect(response?.status(), path).toBe(200);
    return page;
  }

  /** The page's h1 without VitePress's header anchor. */
  async function heading(page: Page): Promise<string> {
    return (await page.locator('h1').innerText()).replace(/\u200b/g, '').trim();
  }

  it('renders the home page', async () => {
    const errors: string[] = [];
    const page = await open('/', errors);
    expect(await page.title()).toBe('iolib');
    expect(await page.locator('.VPHero .name').innerText()).toBe('iolib');
    expect(await page.locator('.VPHero .text').innerText()).toBe('IOLib for Node.js');
    expect(await page.locator('.VPFeature').count()).toBe(4);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('renders a guide page with its diagram', async () => {
    const page = await open('/guide/waiting.html');
    expect(await heading(page)).toBe('How waiting works');
    expect(await page.evaluate('document.querySelector("figure.diagram img").naturalWidth')).toBe(760);
    expect(await page.locator('.VPSidebar').innerText()).toContain('Worker threads');
    await page.close();
  });

  it('renders the makeSocket API page from its TSDoc', async () => {
    const page = await open('/api/@iolib/sockets/functions/makeSocket.html');
    expect(await heading(page)).toBe('Function: makeSocket()');
    const text = await page.locator('.vp-doc').innerText();
    expect(text).toContain('function makeSocket<O>(options?): Promise<SocketFor<O>>;');
    expect(text).toContain('System calls: socket(2), setsockopt(2), bind(2), connect(2), listen(2).');
    expect(text).toContain('TypeError naming a keyword that does not belong to the combination');
    expect(await page.evaluate('[...document.querySelectorAll(".vp-doc a")].find((a) => a.textContent === "SocketError").href')).toBe(
      `${server!.origin}/api/@iolib/sockets/classes/SocketError.html`,
    );
    expect(text).toContain("const server = await makeSocket({ connect: 'passive'");
    await page.close();
  });

  it('finds makeSocket with the local search and opens its page', async () => {
    const page = await open('/');
    await page.locator('.VPNavBarSearch button').click();
    await page.locator('.VPLocalSearchBox input').fill('makeSocket');
    const first = page.locator('.VPLocalSearchBox .result').first();
    await first.waitFor();
    expect(await first.getAttribute('href')).toBe('/api/@iolib/sockets/functions/makeSocket.html#function-makesocket');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/api/@iolib/sockets/functions/makeSocket.html#function-makesocket');
    await page.locator('.vp-doc h1', { hasText: 'Function: makeSocket()' }).waitFor();
    await page.close();
  });

  it('shows the benchmark charts on the Performance page', async () => {
    const results = (
      JSON.parse(await readFile(join(docsDir, 'bench-results.json'), 'utf8')) as { results: Array<{ title: string; results: unknown[] }> }
    ).results;
    const page = await open('/performance.html');
    const charts = page.locator('figure.chart');
    expect(await charts.count()).toBe(results.length);
    for (let i = 0; i < results.length; i++) {
      const chart = charts.nth(i);
      expect(await chart.locator('svg title').first().textContent()).toBe(results[i]!.title);
      const widths = await page.evaluate<number[]>(
        `[...document.querySelectorAll("figure.chart")[${i}].querySelectorAll("rect.bar")].map((bar) => bar.getBoundingClientRect().width)`,
      );
      expect(widths).toHaveLength(results[i]!.results.length);
      for (const w of widths) expect(w).toBeGreaterThan(0);
      expect(await chart.locator('figcaption').innerText()).toContain('Median time per');
    }
    await page.close();
  });

  it('crawls every internal link without a 404 or a console error', async () => {
    const origin = server!.origin;
    const seen = new Set<string>(['/']);
    const queue = ['/'];
    const errors: string[] = [];
    const broken: string[] = [];
    let active = 0;
    // A few tabs, each loading page after page; a tab that finds the queue empty
    // waits while others may still discover pages.
    const tab = async (): Promise<void> => {
      const page = await context!.newPage();
      let path = '';
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(`${path}: ${m.text()}`);
      });
      page.on('pageerror', (e) => errors.push(`${path}: ${e.message}`));
      for (;;) {
        const next = queue.shift();
        if (next === undefined) {
          if (active === 0) break;
          await new Promise((resolve) => setTimeout(resolve, 20));
          continue;
        }
        active++;
        path = next;
        const response = await page.goto(origin + path, { waitUntil: 'load' });
        if (response?.status() !== 200) broken.push(`${path} → ${response?.status()}`);
        for (const href of await page.evaluate<string[]>('[...document.querySelectorAll("a[href]")].map((a) => a.href)')) {
          const url = new URL(href);
          if (url.origin === origin && !seen.has(url.pathname)) {
            seen.add(url.pathname);
            queue.push(url.pathname);
          }
        }
        active--;
      }
      await page.close();
    };
    await Promise.all([tab(), tab(), tab()]);
    expect(broken).toEqual([]);
    expect(errors).toEqual([]);
    expect(seen.size).toBeGreaterThan(400);
  }, 900_000);
});
