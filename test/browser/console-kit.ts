import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { openLocalPage, waitForText, type LocalPage } from '../support/browser';

/**
 * What the console's browser suites share: tabs whose every request stays on 127.0.0.1, signing in, and
 * waits for elements and states (never fixed sleeps; the time-outs are a ceiling for a loaded machine).
 */
export const WAIT = 60_000;
export const SHOTS = join(process.cwd(), 'test/browser/screenshots');

type El = { outerHTML: string; checkVisibility(): boolean };
type Doc = {
  querySelectorAll(s: string): ArrayLike<El>;
  querySelector(s: string): ({ value: string } & El) | null;
  fonts: { status: string };
};

export interface ConsoleKit {
  /** A fresh tab (its own sessionStorage, so its own signed-in user), 1366×768 unless told. */
  tab(viewport?: { width: number; height: number }): Promise<LocalPage>;
  /** Every tab opened so far. */
  pages: LocalPage[];
  clean(local: LocalPage): void;
  screenshot(page: Page, name: string): Promise<void>;
  settled(page: Page): Promise<void>;
  signIn(page: Page, tenantCode: string, username: string, password?: string): Promise<void>;
  /** Fills in the sign-in form and sends it (for a sign-in that does not land in the console). */
  submitSignIn(page: Page, tenantCode: string, username: string, password: string): Promise<void>;
  open(page: Page, path: string): Promise<void>;
  choose(page: Page, id: string, text: string): Promise<void>;
  pickDate(page: Page, id: string, value: string): Promise<void>;
  press(page: Page, selector: string): Promise<void>;
  see(page: Page, selector: string, text: string): Promise<void>;
  animationsDone(page: Page): Promise<void>;
  waitForPath(page: Page, path: string): Promise<void>;
  follow(page: Page, selector: string, text: string): Promise<void>;
  /** The text of the first element matching `selector`. */
  text(page: Page, selector: string): Promise<string>;
}

/** `base()` is the API's URL (known once it listens); screenshots are named `<prefix>-NN-<name>.png`. */
export function consoleKit(browser: () => Browser, base: () => string, prefix: string): ConsoleKit {
  const pages: LocalPage[] = [];
  let shot = 0;

  async function tab(viewport = { width: 1366, height: 768 }): Promise<LocalPage> {
    const local = await openLocalPage(browser());
    await local.page.setViewport(viewport);
    await local.page.emulateTimezone('Asia/Shanghai');
    local.page.setDefaultTimeout(WAIT);
    pages.push(local);
    return local;
  }

  function clean(local: LocalPage): void {
    expect(local.offHost).toEqual([]);
    expect(local.failedResponses).toEqual([]);
    expect(local.errors).toEqual([]);
  }

  async function screenshot(page: Page, name: string): Promise<void> {
    await settled(page);
    mkdirSync(SHOTS, { recursive: true });
    shot += 1;
    await page.screenshot({
      path: join(SHOTS, `${prefix}-${String(shot).padStart(2, '0')}-${name}.png`) as `${string}.png`,
      fullPage: true,
    });
  }

  /**
   * Waits until the screen has drawn what it loaded: no spinner, skeleton or loading button left, fonts
   * ready. (Puppeteer's waitForNetworkIdle can miss the end of an intercepted request served from cache.)
   */
  async function settled(page: Page): Promise<void> {
    const busy = '.ant-spin-spinning, .ant-skeleton, .ant-btn-loading';
    try {
      await page.waitForFunction(
        // Visible ones only: a closed modal keeps its last footer in the DOM.
        (sel: string) => {
          const d = (globalThis as unknown as { document: Doc }).document;
          return d.fonts.status === 'loaded' && !Array.from(d.querySelectorAll(sel)).some((el) => el.checkVisibility());
        },
        { timeout: WAIT },
        busy,
      );
    } catch (err) {
      const left = await page.evaluate(
        (sel: string) =>
          Array.from((globalThis as unknown as { document: Doc }).document.querySelectorAll(sel))
            .find((el) => el.checkVisibility())
            ?.outerHTML.slice(0, 300),
        busy,
      );
      throw new Error(`the screen did not settle: ${left ?? 'fonts not loaded'}`, { cause: err });
    }
  }

  async function submitSignIn(page: Page, tenantCode: string, username: string, password: string): Promise<void> {
    await page.goto(`${base()}/`, { waitUntil: 'networkidle0', timeout: WAIT });
    await page.waitForSelector('#username');
    if (tenantCode) await page.type('#tenantCode', tenantCode);
    await page.type('#username', username);
    await page.type('#password', password);
    await press(page, 'button[type="submit"]');
  }

  async function signIn(page: Page, tenantCode: string, username: string, password = 'demo-password'): Promise<void> {
    await submitSignIn(page, tenantCode, username, password);
    await page.waitForSelector('[data-testid="whoami"]');
  }

  /** Goes to a console route and waits until its requests have settled. */
  async function open(page: Page, path: string): Promise<void> {
    await page.bringToFront();
    await page.goto(`${base()}${path}`, { waitUntil: 'networkidle0', timeout: WAIT });
  }

  /** Picks `text` in the Ant Design select whose input has id `id` (search, then Enter). */
  async function choose(page: Page, id: string, text: string): Promise<void> {
    await page.click(`#${id}`);
    await page.type(`#${id}`, text);
    // Clicked, not Enter: a select without search keeps its first option active whatever was typed.
    await press(page, `.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="${text}"]`);
  }

  /** Replaces the value of an Ant Design date picker's input (`YYYY-MM-DD HH:mm`) and confirms it. */
  async function pickDate(page: Page, id: string, value: string): Promise<void> {
    await page.click(`#${id}`, { count: 3 });
    await page.keyboard.down('Control');
    await page.keyboard.press('KeyA');
    await page.keyboard.up('Control');
    await page.type(`#${id}`, value);
    // The panel's 确定 confirms the typed value (Enter would also submit the surrounding form).
    await press(page, '.ant-picker-dropdown:not(.ant-picker-dropdown-hidden) .ant-picker-ok button');
    await page.waitForFunction(
      (sel: string, v: string) => (globalThis as unknown as { document: Doc }).document.querySelector(sel)?.value === v,
      {},
      `#${id}`,
      value,
    );
  }

  /** Clicks once the element is there, visible and still (Puppeteer's locator retries a re-rendered node). */
  async function press(page: Page, selector: string): Promise<void> {
    // A background tab gets no animation frames, and the locator waits for two of them.
    await page.bringToFront();
    await page.locator(selector).setTimeout(WAIT).click();
  }

  /** waitForText with a failure that says what was awaited where. */
  async function see(page: Page, selector: string, text: string): Promise<void> {
    try {
      await waitForText(page, selector, text, WAIT);
    } catch (err) {
      mkdirSync(SHOTS, { recursive: true });
      await page
        .screenshot({ path: join(SHOTS, `${prefix}-failed-${Date.now()}.png`), fullPage: true })
        .catch(() => undefined);
      throw new Error(`"${text}" did not appear in ${selector} within ${WAIT} ms`, { cause: err });
    }
  }

  /** Waits until no Ant Design modal or dropdown is still zooming or fading in or out (a click would miss). */
  async function animationsDone(page: Page): Promise<void> {
    await page.waitForSelector(
      '.ant-zoom-appear, .ant-zoom-enter, .ant-zoom-leave, .ant-fade-appear, .ant-fade-enter, .ant-fade-leave',
      { hidden: true, timeout: WAIT },
    );
  }

  async function waitForPath(page: Page, path: string): Promise<void> {
    await page.waitForFunction(
      (p: string) => (globalThis as unknown as { location: { pathname: string } }).location.pathname === p,
      { timeout: WAIT },
      path,
    );
  }

  /** Follows the first link matching `selector` whose text contains `text`, and waits for its route. */
  async function follow(page: Page, selector: string, text: string): Promise<void> {
    await see(page, selector, text);
    // No modal (or its closing animation) may lie over the link.
    await page.waitForSelector('.ant-modal-wrap', { hidden: true, timeout: WAIT });
    const href = await page.$$eval(
      selector,
      (links, t) =>
        (links as unknown as { innerText: string; getAttribute(a: string): string | null }[])
          .find((a) => a.innerText.includes(t as string))
          ?.getAttribute('href') ?? null,
      text,
    );
    if (!href) throw new Error(`no ${selector} with text ${text}`);
    await press(page, `${selector}[href="${href}"]`);
    await waitForPath(page, href);
  }

  async function text(page: Page, selector: string): Promise<string> {
    await page.waitForSelector(selector);
    return page.$eval(selector, (el) => (el as unknown as { innerText: string }).innerText);
  }

  return {
    tab,
    pages,
    clean,
    screenshot,
    settled,
    signIn,
    submitSignIn,
    open,
    choose,
    pickDate,
    press,
    see,
    animationsDone,
    waitForPath,
    follow,
    text,
  };
}
