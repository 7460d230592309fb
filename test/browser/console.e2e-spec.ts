import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser } from 'puppeteer-core';
import { Clock } from '@engine/clock';
import { describeBrowser, launchBrowser, listenLocal } from '../support/browser';
import { startTestApp, type TestApp } from '../support/test-app';
import { consoleKit, SHOTS, WAIT } from './console-kit';

/**
 * The console (apps/console) in Debian's chromium against the real API on the embedded default with the
 * demo tenants, at 1366×768: the county superior's dashboard and drill-down; 十字镇's working meeting from
 * scheduling to the member unit's report; masked petitioner data for a member unit. Every page must
 * keep all its requests on 127.0.0.1. Screenshots of each step go to test/browser/screenshots/.
 */
const ROOT = process.cwd();
const PETITIONER = {
  name: '王建国',
  idNumber: '11010519491231002X',
  phone: '13812345678',
  address: '示范县十字镇某村三组12号',
};

describeBrowser('the console in chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let county: string;
  let towns: { code: string; name: string }[];
  let memberUnit: { id: string; name: string };
  let caseNumber: string;

  beforeAll(async () => {
    // The console as `npm start` serves it (cached by a content hash: a no-op when already built).
    await promisify(execFile)(process.execPath, [join(ROOT, 'scripts/console-build.mjs')], { cwd: ROOT });
    mkdirSync(SHOTS, { recursive: true });
    // The console and the IDE as `npm start` serves them: on the embedded default, whatever the run's services.
    t = await startTestApp({}, { embedded: true });
    // A fixed day in a year the working-day calendar covers: due dates do not depend on when CI runs.
    t.app.get(Clock).set('2026-11-18T10:00:00+08:00');
    base = await listenLocal(t.app);
    browser = await launchBrowser();

    const office = await t.login('shizi', 'office');
    const member = await t.login('shizi', 'member');
    const me = await t.gql<{ me: { memberUnit: { id: string; name: string } } }>(
      '{ me { memberUnit { id name } } }',
      {},
      member,
    );
    memberUnit = me.data!.me.memberUnit;
    const countyOffice = await t.login('county-petition-mechanisms', 'office');
    const tree = await t.gql<{ me: { tenant: { code: string; children: { code: string; name: string }[] } } }>(
      '{ me { tenant { code children { code name } } } }',
      {},
      countyOffice,
    );
    county = tree.data!.me.tenant.code;
    towns = tree.data!.me.tenant.children;

    // A case in 十字镇 handled by the member unit, with the petitioner's full personal data.
    const received = await t.gql<{ receivePetition: { id: string; number: string } }>(
      'mutation($i: ReceivePetitionInput!) { receivePetition(input: $i) { id number } }',
      {
        i: {
          tenantCode: 'shizi',
          channel: 'VISIT',
          matter: '反映土地承包经营权纠纷，要求协调解决。',
          petitioners: [PETITIONER],
        },
      },
      office,
    );
    expect(received.errors).toBeUndefined();
    caseNumber = received.data!.receivePetition.number;
    const assigned = await t.gql(
      'mutation($i: AssignCaseInput!) { assignCase(input: $i) { id } }',
      {
        i: { caseId: received.data!.receivePetition.id, responsibleUnitId: memberUnit.id, responsiblePerson: '张干事' },
      },
      office,
    );
    expect(assigned.errors).toBeUndefined();
    // A few cases elsewhere, so that the chart compares towns.
    for (const [town, count] of [
      ['xiacang', 3],
      ['xincheng', 2],
    ] as const) {
      const token = await t.login(town, 'office');
      for (let n = 0; n < count; n += 1) {
        const res = await t.gql(
          'mutation($i: ReceivePetitionInput!) { receivePetition(input: $i) { id } }',
          {
            i: {
              tenantCode: town,
              channel: 'LETTER',
              matter: `反映村道维修问题（${n + 1}），请求协调解决。`,
              petitioners: [{ name: `群众${n + 1}`, phone: `1390000000${n}` }],
            },
          },
          token,
        );
        expect(res.errors).toBeUndefined();
      }
    }
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const {
    tab,
    pages,
    clean,
    screenshot,
    signIn,
    open,
    choose,
    pickDate,
    press,
    see,
    animationsDone,
    waitForPath,
    follow,
  } = consoleKit(
    () => browser,
    () => base,
    'console',
  );

  it('the county superior signs in, sees the four towns and a drawn chart, and drills into one town’s evidence', async () => {
    expect(towns).toHaveLength(4);
    const local = await tab();
    const { page } = local;
    await signIn(page, county, 'superior');
    await waitForPath(page, '/dashboard');
    for (const town of towns) await see(page, '[data-testid="status-table"]', town.name);
    const rows = await page.$$eval('[data-testid="status-table"] tbody tr.ant-table-row', (trs) => trs.length);
    expect(rows).toBeGreaterThanOrEqual(4);

    // A chart is drawn: its canvas has painted pixels, not just an empty box.
    await page.waitForSelector('[data-testid="chart"] canvas');
    await page.waitForFunction(
      () => {
        const canvases = Array.from(
          (
            globalThis as unknown as {
              document: {
                querySelectorAll(s: string): ArrayLike<{
                  width: number;
                  height: number;
                  getContext(
                    k: '2d',
                  ): { getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } } | null;
                }>;
              };
            }
          ).document.querySelectorAll('[data-testid="chart"] canvas'),
        );
        return canvases.some((c) => {
          if (!c.width || !c.height) return false;
          const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data;
          if (!data) return false;
          for (let i = 3; i < data.length; i += 4) if (data[i] > 0) return true;
          return false;
        });
      },
      { timeout: WAIT },
    );
    await screenshot(page, 'superior-dashboard');
    if (process.env.CONSOLE_README_SCREENSHOT) {
      mkdirSync(join(ROOT, 'docs/images'), { recursive: true });
      await page.screenshot({
        path: join(ROOT, 'docs/images/dashboard.png'),
        clip: { x: 0, y: 0, width: 1366, height: 768 },
      });
    }

    // Drill into 十字镇: the open-cases evidence lists the case behind the number, read-only.
    const shizi = towns.find((x) => x.code === 'shizi')!;
    await press(page, 'a[href="/dashboard/shizi/evidence/OPEN_CASES"]');
    await see(page, '[data-testid="evidence"]', `${shizi.name} · 督导明细`);
    await see(page, '[data-testid="evidence"] .ant-table-tbody', caseNumber);
    const evidenceText = await page.$eval(
      '[data-testid="evidence"]',
      (el) => (el as unknown as { innerText: string }).innerText,
    );
    expect(evidenceText).not.toContain(PETITIONER.name);
    expect(evidenceText).not.toContain(PETITIONER.phone);
    await screenshot(page, 'superior-evidence');
    clean(local);
  }, 300_000);

  it('十字镇: the office schedules a working meeting and drafts minutes with an agreed item, the convener approves, the office issues, the member unit acknowledges and reports', async () => {
    const office = await tab();
    await signIn(office.page, 'shizi', 'office');
    await open(office.page, '/meetings');
    await press(office.page, '[data-testid="schedule"]');
    await office.page.waitForSelector('.ant-modal #title', { visible: true });
    await animationsDone(office.page);
    await choose(office.page, 'typeCode', '工作会议');
    await office.page.type('#title', '十一月信访工作会议');
    await pickDate(office.page, 'scheduledAt', '2026-11-18 09:00');
    await choose(office.page, 'invitedUnitIds', memberUnit.name);
    await screenshot(office.page, 'office-schedule');
    await press(office.page, '.ant-modal-footer .ant-btn-primary');
    await see(office.page, '.ant-table-tbody', '十一月信访工作会议');

    await follow(office.page, '.ant-table-tbody a', '十一月信访工作会议');
    await see(office.page, '[data-testid="meeting-status"]', '已安排');
    const meetingPath = await office.page.evaluate(
      () => (globalThis as unknown as { location: { pathname: string } }).location.pathname,
    );
    expect(meetingPath).toMatch(/^\/meetings\/[0-9a-f-]+$/);
    await pickDate(office.page, 'heldAt', '2026-11-18 09:30');
    await press(office.page, '[data-testid="hold-submit"]');
    await see(office.page, '[data-testid="meeting-status"]', '已召开');

    await office.page.waitForSelector('#minutesBody');
    await office.page.type('#minutesBody', '会议研判了近期信访形势，要求各单位压实责任、化解矛盾。');
    await press(office.page, '[data-testid="add-item"]');
    await office.page.waitForSelector('#item-0-content');
    await office.page.type('#item-0-content', '排查土地承包纠纷并建立台账');
    await choose(office.page, 'item-0-owners', memberUnit.name);
    await office.page.type('#item-0-amount', '5');
    await screenshot(office.page, 'office-draft-minutes');
    await press(office.page, '[data-testid="save-draft"]');
    await see(office.page, '[data-testid="minutes-status"]', '草稿');
    await office.page.waitForSelector('[data-testid="minutes-submit"]');
    await press(office.page, '[data-testid="minutes-submit"]');
    await see(office.page, '[data-testid="minutes-status"]', '待审批');

    const convener = await tab();
    await signIn(convener.page, 'shizi', 'convener');
    // The convener's workbench lists the minutes awaiting approval; one click opens them.
    await waitForPath(convener.page, '/workbench');
    await see(convener.page, '[data-testid="todos"]', '纪要待审批');
    await screenshot(convener.page, 'convener-workbench');
    await follow(convener.page, '[data-testid="todos"] a', '十一月信访工作会议');
    await waitForPath(convener.page, meetingPath);
    await convener.page.waitForSelector('[data-testid="minutes-approve"]');
    await press(convener.page, '[data-testid="minutes-approve"]');
    await see(convener.page, '[data-testid="minutes-status"]', '已审批');
    await screenshot(convener.page, 'convener-approved');

    await open(office.page, '/workbench');
    await see(office.page, '[data-testid="todos"]', '纪要待印发');
    await open(office.page, meetingPath);
    await office.page.waitForSelector('[data-testid="minutes-issue"]');
    await press(office.page, '[data-testid="minutes-issue"]');
    await see(office.page, '[data-testid="minutes-status"]', '已印发');
    // The agreed item's clock started at issue: 5 working days from Wednesday 2026-11-18.
    await see(office.page, '.ant-table-tbody', '2026-11-25');
    await screenshot(office.page, 'office-issued');

    const member = await tab();
    await signIn(member.page, 'shizi', 'member');
    await waitForPath(member.page, '/inbox');
    await member.page.waitForSelector('[data-testid="inbox-minutes"] [data-testid="acknowledge"]');
    await screenshot(member.page, 'member-inbox');
    await press(member.page, '[data-testid="inbox-minutes"] [data-testid="acknowledge"]');
    await see(member.page, '[data-testid="inbox-minutes"]', '没有待签收的纪要');

    await see(member.page, '[data-testid="inbox-items"]', '排查土地承包纠纷并建立台账');
    await press(member.page, '[data-testid="inbox-items"] [data-testid="report-item"]');
    await member.page.waitForSelector('.ant-modal textarea[aria-label="落实情况"]', { visible: true });
    await animationsDone(member.page);
    await member.page.type('.ant-modal textarea[aria-label="落实情况"]', '已完成排查，建立台账3条。');
    await press(member.page, '.ant-modal-footer .ant-btn-primary');
    await see(member.page, '[data-testid="inbox-items"]', '待审核');
    await screenshot(member.page, 'member-reported');

    // What the clicks did, read back through the API.
    const receipts = await t.gql<{
      meeting: { minutes: { notAcknowledged: { id: string }[]; agreedItems: { reports: { status: string }[] }[] } };
    }>(
      'query($id: ID!) { meeting(id: $id) { minutes { notAcknowledged { id } agreedItems { reports { status } } } } }',
      { id: meetingPath.split('/').pop() },
      await t.login('shizi', 'office'),
    );
    expect(receipts.data!.meeting.minutes.notAcknowledged.map((u) => u.id)).not.toContain(memberUnit.id);
    expect(receipts.data!.meeting.minutes.agreedItems[0].reports).toEqual([{ status: 'SUBMITTED' }]);
    for (const local of [office, convener, member]) clean(local);
  }, 600_000);

  it('a member unit sees the petitioner’s personal data masked, in the ledger and on the case', async () => {
    const local = await tab();
    const { page } = local;
    await signIn(page, 'shizi', 'member');
    await open(page, '/cases');
    await see(page, '.ant-table-tbody', caseNumber);
    await see(page, '[data-testid="petitioners"]', '已脱敏');
    await follow(page, '.ant-table-tbody a', caseNumber);
    await see(page, '[data-testid="petitioners"]', '138****5678');
    const text = await page.evaluate(
      () => (globalThis as unknown as { document: { body: { innerText: string } } }).document.body.innerText,
    );
    expect(text).toContain('王**');
    for (const secret of Object.values(PETITIONER)) expect(text).not.toContain(secret);
    await screenshot(page, 'member-masked-case');

    // Signing out forgets the token: the sign-in form is back and a reload stays signed out.
    await press(page, '[data-testid="sign-out"]');
    await page.waitForSelector('#username');
    expect(
      await page.evaluate(
        () => (globalThis as unknown as { sessionStorage: { length: number } }).sessionStorage.length,
      ),
    ).toBe(0);
    await page.reload({ waitUntil: 'networkidle0', timeout: WAIT });
    await page.waitForSelector('#username');
    clean(local);
  }, 300_000);

  it('the county office onboards a township from a plugin and creates its office director, who signs in', async () => {
    const local = await tab();
    const { page } = local;
    await signIn(page, county, 'office');
    await open(page, '/onboard');
    await page.waitForSelector('#pluginId');
    await page.click('#pluginId');
    await press(
      page,
      '.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title*="shizi-town"]',
    );
    await page.type('#code', 'xinzhuang');
    await page.type('#name', '新庄镇');
    await press(page, 'form button[type="submit"]');
    await see(page, '.ant-alert', '新庄镇（xinzhuang）已接入');
    await page.type('#newUsername', 'director');
    await page.type('#newDisplayName', '新庄镇联席办主任');
    await page.type('#newPassword', 'a-long-initial-password-2026');
    await press(page, 'form button[type="submit"]');
    await see(page, '.ant-alert', '联席办主任账号 director 已创建');
    await screenshot(page, 'county-onboarded');
    clean(local);

    const director = await tab();
    await director.page.goto(`${base}/`, { waitUntil: 'networkidle0', timeout: WAIT });
    await director.page.waitForSelector('#username');
    await director.page.type('#tenantCode', 'xinzhuang');
    await director.page.type('#username', 'director');
    await director.page.type('#password', 'a-long-initial-password-2026');
    await press(director.page, 'button[type="submit"]');
    await see(director.page, '[data-testid="whoami"]', '新庄镇联席办主任');
    clean(director);
  }, 300_000);

  it('fails on a request to any host other than 127.0.0.1 (the guard is live)', async () => {
    const local = await tab();
    // The API's Content-Security-Policy already stops such a fetch inside the browser (and the console
    // error it logs fails a test); with CSP bypassed, the request reaches the harness, which aborts it.
    await local.page.setBypassCSP(true);
    await open(local.page, '/');
    await local.page.waitForSelector('#username');
    await local.page.evaluate(() => fetch('http://example.com/probe.js').catch(() => undefined));
    await local.page.evaluate(() => fetch('http://localhost:1/probe').catch(() => undefined));
    expect(local.offHost).toEqual(['http://example.com/probe.js', 'http://localhost:1/probe']);
    // Every other page of this suite kept all its requests on 127.0.0.1.
    for (const other of pages.filter((p) => p !== local)) expect(other.offHost).toEqual([]);
  }, 120_000);
});
