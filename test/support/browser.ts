import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

/**
 * Shared helpers of the browser suites (test/browser/*.e2e-spec.ts): Debian's chromium driven by
 * puppeteer-core, a page whose every request must stay on 127.0.0.1, and the API listening there.
 *
 * The suites run whenever chromium is installed; they are skipped only when it is absent and CI is
 * not set (CI installs it, and a CI run without it fails instead of skipping).
 */
export const CHROMIUM_PATH: string | null =
  [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
    (p): p is string => Boolean(p) && existsSync(p as string),
  ) ?? null;

/** `describe` when a browser can run (or CI demands it), `describe.skip` otherwise. */
export const describeBrowser: jest.Describe = CHROMIUM_PATH || process.env.CI ? describe : describe.skip;

/** Headless chromium, sandbox off (containers run as root), no network services of its own. */
export async function launchBrowser(): Promise<Browser> {
  if (!CHROMIUM_PATH) throw new Error('chromium is not installed (apt-get install -y chromium, or set CHROMIUM_PATH)');
  return puppeteer.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-dev-shm-usage',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-default-apps',
      '--disable-sync',
      '--metrics-recording-only',
    ],
  });
}

export interface LocalPage {
  page: Page;
  /** Every request the page tried to send anywhere but 127.0.0.1 (aborted). Expect it to stay empty. */
  offHost: string[];
  /** Uncaught page errors and console errors, as text. */
  errors: string[];
  /** Responses with status >= 400 (url and status), for a readable failure. */
  failedResponses: string[];
}

const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'about:']);

/**
 * A new page with request interception: a request leaving 127.0.0.1 is aborted and recorded in
 * `offHost` (the test then fails on it), so nothing reaches a CDN or any other host.
 */
export async function openLocalPage(browser: Browser): Promise<LocalPage> {
  const page = await browser.newPage();
  const offHost: string[] = [];
  const errors: string[] = [];
  const failedResponses: string[] = [];
  await page.setRequestInterception(true);
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (LOCAL_SCHEMES.has(url.protocol) || url.hostname === '127.0.0.1') {
      void req.continue();
      return;
    }
    offHost.push(req.url());
    void req.abort('blockedbyclient');
  });
  page.on('pageerror', (err) => errors.push(err instanceof Error ? err.message : String(err)));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('response', (res) => {
    if (res.status() >= 400) failedResponses.push(`${res.status()} ${res.url()}`);
  });
  return { page, offHost, errors, failedResponses };
}

/** Starts the app listening on 127.0.0.1 (a free port) and returns its base URL, e.g. http://127.0.0.1:43121. */
export async function listenLocal(app: INestApplication): Promise<string> {
  await app.listen(0, '127.0.0.1');
  const address = (app.getHttpServer() as { address(): AddressInfo }).address();
  return `http://127.0.0.1:${address.port}`;
}

/** The little of the DOM the page functions here use. */
interface PageDocument {
  querySelectorAll(selector: string): ArrayLike<{ innerText: string }>;
}

/** Waits until `text` appears in the element matched by `selector` (innerText), or fails after `timeout` ms. */
export async function waitForText(page: Page, selector: string, text: string, timeout = 30_000): Promise<void> {
  await page.waitForFunction(
    (sel: string, expected: string) => {
      // Runs in the page (this project's types have no DOM lib).
      const doc = (globalThis as unknown as { document: PageDocument }).document;
      return Array.from(doc.querySelectorAll(sel)).some((el) => el.innerText.includes(expected));
    },
    { timeout },
    selector,
    text,
  );
}
