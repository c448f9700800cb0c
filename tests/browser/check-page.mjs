// Loads one page in a real headless Chromium (Debian's /usr/bin/chromium, never a downloaded browser), driven by
// playwright-core, and reports what a person and an accessibility checker would find there:
//  - the HTTP status, the document's title and lang, the text of the elements the request names by CSS selector;
//  - axe-core's violations (https://github.com/dequelabs/axe-core), each with its impact;
//  - every request the page made to another origin (a page we serve makes none);
//  - a full-page screenshot, when the request names a file for it.
// Usage: node tests/browser/check-page.mjs <request.json>
//   { "url": "...", "acceptLanguage": "fr", "selectors": { "verdict": "#verdict" }, "screenshot": "/path/out.png",
//     "headers": { "Authorization": "Bearer ..." } }   (headers: optional, sent with every request, e.g. an admin key)
// Prints one JSON object. Exits 2 if the browser could not be driven at all.
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const request = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const profile = mkdtempSync(join(tmpdir(), 'certgrid-chromium-'));

let context;
try {
  context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CERTGRID_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
    locale: request.acceptLanguage ?? 'en',
    extraHTTPHeaders: { ...(request.headers ?? {}), ...(request.acceptLanguage ? { 'Accept-Language': request.acceptLanguage } : {}) },
    viewport: { width: 1024, height: 768 },
    // axe-core is injected as an inline script; a page's own Content-Security-Policy (script-src 'none') must not stop the checker.
    bypassCSP: true,
    timeout: 60_000,
  });
  const page = context.pages()[0] ?? await context.newPage();
  const origin = new URL(request.url).origin;
  const foreign = [];
  page.on('request', r => {
    const url = r.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('about:')) foreign.push(url);
  });

  const response = await page.goto(request.url, { waitUntil: 'load', timeout: 60_000 });
  const text = {};
  for (const [name, selector] of Object.entries(request.selectors ?? {})) {
    text[name] = await page.locator(selector).first().innerText({ timeout: 5_000 }).catch(() => null);
  }

  await page.addScriptTag({ content: axeSource });
  const axe = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ['violations'] }));
  const violations = axe.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5) }));
  if (request.screenshot) await page.screenshot({ path: request.screenshot, fullPage: true });

  console.log(JSON.stringify({
    status: response?.status() ?? 0,
    contentType: response?.headers()['content-type'] ?? null,
    title: await page.title(),
    lang: await page.evaluate(() => document.documentElement.lang),
    text,
    violations,
    foreignRequests: foreign,
    screenshot: request.screenshot ?? null,
    browser: context.browser()?.version() ?? null,
  }));
} catch (error) {
  console.error(error?.stack ?? String(error));
  process.exitCode = 2;
} finally {
  await context?.close().catch(() => {});
  rmSync(profile, { recursive: true, force: true });
}
