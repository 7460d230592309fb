import type { Browser, HTTPRequest } from 'puppeteer-core';
import {
  describeBrowser,
  launchBrowser,
  listenLocal,
  openLocalPage,
  waitForText,
  type LocalPage,
} from '../support/browser';
import { DEMO_PASSWORD, startTestApp, type TestApp } from '../support/test-app';

/**
 * The GraphQL IDE in a real browser (Debian's chromium): it renders from the bundled assets, signs in
 * through its sign-in bar, runs a query and shows the result — and no request leaves 127.0.0.1.
 */
describeBrowser('GraphiQL in chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    // The console and the IDE as `npm start` serves them: on the embedded default, whatever the run's services.
    t = await startTestApp({}, { embedded: true });
    base = await listenLocal(t.app);
    browser = await launchBrowser();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** The IDE's GraphQL requests (not the sign-in), with their Authorization header. */
  function graphqlRequests(local: LocalPage): { body: string; authorization: string | undefined }[] {
    const seen: { body: string; authorization: string | undefined }[] = [];
    local.page.on('request', (req: HTTPRequest) => {
      if (new URL(req.url()).pathname === '/graphql' && req.method() === 'POST') {
        seen.push({ body: req.postData() ?? '', authorization: req.headers().authorization });
      }
    });
    return seen;
  }

  async function runQuery(local: LocalPage): Promise<void> {
    await local.page.click('.graphiql-execute-button');
  }

  it('renders, sends no placeholder header, signs in, runs the query and shows the result', async () => {
    const local = await openLocalPage(browser);
    const { page } = local;
    const sent = graphqlRequests(local);
    const response = await page.goto(`${base}/graphiql`, { waitUntil: 'networkidle0' });
    expect(response?.status()).toBe(200);
    await page.waitForSelector('.graphiql-container', { timeout: 60_000 });
    await page.waitForSelector('.graphiql-execute-button', { timeout: 60_000 });

    // Before signing in: the default query goes out without any Authorization header and is answered
    // (UNAUTHENTICATED for `me`), not broken by a placeholder token.
    const before = sent.length;
    await runQuery(local);
    await waitForText(page, '.graphiql-response', 'UNAUTHENTICATED', 60_000);
    const first = sent.slice(before).find((r) => r.body.includes('query Me'));
    expect(first).toBeDefined();
    expect(first?.authorization).toBeUndefined();

    await page.type('#signin-tenant', 'shizi');
    await page.type('#signin-username', 'office');
    await page.type('#signin-password', DEMO_PASSWORD);
    await page.click('#signin-submit');
    await waitForText(page, '#signin-status', '已登录', 60_000);

    await runQuery(local);
    await waitForText(page, '.graphiql-response', '"username": "office"', 60_000);
    await waitForText(page, '.graphiql-response', '"code": "shizi"', 10_000);
    const signedIn = sent.filter((r) => r.body.includes('query Me')).at(-1);
    expect(signedIn?.authorization).toMatch(/^Bearer \S+$/);

    expect(local.offHost).toEqual([]);
    expect(local.failedResponses).toEqual([]);
    expect(local.errors).toEqual([]);
    await page.close();
  }, 180_000);

  it('shows a failed sign-in in the bar and keeps sending no token', async () => {
    const local = await openLocalPage(browser);
    const { page } = local;
    await page.goto(`${base}/graphiql`, { waitUntil: 'networkidle0' });
    await page.waitForSelector('#signin-submit', { timeout: 60_000 });
    await page.type('#signin-tenant', 'shizi');
    await page.type('#signin-username', 'office');
    await page.type('#signin-password', 'not-the-password');
    await page.click('#signin-submit');
    await waitForText(page, '#signin-status', '登录失败', 60_000);
    expect(local.offHost).toEqual([]);
    await page.close();
  }, 120_000);
});
