import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'puppeteer-core';
import { Clock } from '@engine/clock';
import { LadderService } from '@modules/supervision';
import { describeBrowser, launchBrowser, listenLocal } from '../support/browser';
import { startTestApp, type GqlResult, type TestApp } from '../support/test-app';
import { consoleKit, WAIT } from './console-kit';

/**
 * The console's account and supervision screens in Debian's chromium against the real API (embedded
 * database, demo tenants, a fixed clock): users and roles administered within the grant matrix, a
 * one-time password shown once and the forced change at its sign-in, the own password change; the
 * ladder's proposed steps confirmed or dismissed by the county office, the drafted monthly notice
 * published with its ranking; keyboard-only use; a tablet viewport. Requests stay on 127.0.0.1.
 */
const ROOT = process.cwd();
const COUNTY = 'county-petition-mechanisms';

describeBrowser('the console’s administration in chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let shiziUnits: { id: string; name: string; kind: string }[];
  const kit = consoleKit(
    () => browser,
    () => base,
    'console-admin',
  );
  const { tab, clean, screenshot, signIn, submitSignIn, open, choose, press, see, animationsDone, waitForPath, text } =
    kit;

  const ok = <T>(res: GqlResult<T>): T => {
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!;
  };

  beforeAll(async () => {
    await promisify(execFile)(process.execPath, [join(ROOT, 'scripts/console-build.mjs')], { cwd: ROOT });
    // The console and the IDE as `npm start` serves them: on the embedded default, whatever the run's services.
    t = await startTestApp({}, { embedded: true });
    t.app.get(Clock).set('2026-11-18T10:00:00+08:00');
    base = await listenLocal(t.app);
    browser = await launchBrowser();

    const shiziOffice = await t.login('shizi', 'office');
    shiziUnits = ok(
      await t.gql<{ tenant: { memberUnits: { id: string; name: string; kind: string; active: boolean }[] } }>(
        '{ tenant(code: "shizi") { memberUnits { id name kind active } } }',
        {},
        shiziOffice,
      ),
    ).tenant.memberUnits.filter((u) => u.active);

    // The county's ladder: the sweep drafts the notices due by today (October's monthly among them),
    // and two flagged concerns make two proposed interviews, which wait for the office.
    const office = await t.login(COUNTY, 'office');
    const county = ok(
      await t.gql<{
        tenant: { id: string; memberUnits: { id: string; name: string; kind: string }[] };
        tenants: { code: string; name: string }[];
      }>(
        `{ tenant(code: "${COUNTY}") { id memberUnits { id name kind } } tenants(parentCode: "${COUNTY}") { code name } }`,
        {},
        office,
      ),
    );
    await t.app.get(LadderService).sweepTenant(county.tenant.id);
    await t.queue.whenIdle();
    for (const [code, note] of [
      ['xiacang', '11月10日发生进京走访'],
      ['shizi', '11月12日发生越级走访'],
    ]) {
      const name = county.tenants.find((x) => x.code === code)!.name;
      const unitId = county.tenant.memberUnits.find((u) => u.name === name && u.kind === 'TOWNSHIP')!.id;
      ok(
        await t.gql(
          'mutation($i: FlagConcernInput!) { flagSupervisionConcern(input: $i) { id } }',
          { i: { tenantCode: COUNTY, unitId, reasonCode: 'BEIJING_OR_SKIP_LEVEL_VISIT', note } },
          office,
        ),
      );
    }
    await t.queue.whenIdle();
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** The key (data-row-key) of the first table row under `table` whose text contains `rowText`. */
  async function rowKey(page: Page, table: string, rowText: string): Promise<string> {
    await see(page, `${table} tr.ant-table-row`, rowText);
    const key = await page.$$eval(
      `${table} tr.ant-table-row`,
      (rows, want) =>
        (rows as unknown as { innerText: string; getAttribute(a: string): string | null }[])
          .find((r) => r.innerText.includes(want as string))
          ?.getAttribute('data-row-key') ?? null,
      rowText,
    );
    if (!key) throw new Error(`no row with ${rowText} in ${table}`);
    return key;
  }

  /** Closes an open multiple select's list by clicking the dialog's title (Escape would close the dialog). */
  async function closeDropdown(page: Page): Promise<void> {
    await page.click('.ant-modal-title');
    await page.waitForSelector('.ant-select-dropdown:not(.ant-select-dropdown-hidden)', { hidden: true });
  }

  /** Waits until no dialog is open or closing (the next one must not meet the last one's fields). */
  async function dialogGone(page: Page): Promise<void> {
    await page.waitForSelector('.ant-modal-wrap', { hidden: true });
    await animationsDone(page);
  }

  /** One account action of the users screen: its button, a reason, OK, and the dialog gone. */
  async function act(page: Page, testId: string, reason: string): Promise<void> {
    await dialogGone(page);
    await press(page, `[data-testid="${testId}"]`);
    await modalOpen(page, '#userReason');
    await page.type('#userReason', reason);
    await press(page, '[data-testid="user-action-ok"]');
    await dialogGone(page);
  }

  async function modalOpen(page: Page, selector: string): Promise<void> {
    await page.waitForSelector(`.ant-modal ${selector}`, { visible: true });
    await animationsDone(page);
  }

  it('users and roles: the 十字镇 office lists and searches its users, creates an account, changes its role and unit, deactivates and reactivates it, and issues a one-time password shown once', async () => {
    const local = await tab();
    const { page } = local;
    await signIn(page, 'shizi', 'office');
    await open(page, '/users');
    const table = '[data-testid="users-table"]';
    // The directory with roles, unit, state and last sign-in; a convener's account is not the office's to change.
    await see(page, table, 'convener');
    await see(page, `tr[data-row-key="${await rowKey(page, table, 'convener')}"]`, '无权管理');
    await see(page, `tr[data-row-key="${await rowKey(page, table, '十字镇 office')}"]`, '本人');
    await page.type('#userSearch', 'member');
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      (sel: string) => {
        const rows = Array.from(
          (
            globalThis as unknown as { document: { querySelectorAll(s: string): ArrayLike<{ innerText: string }> } }
          ).document.querySelectorAll(sel),
        );
        return rows.length > 0 && rows.every((r) => r.innerText.includes('member'));
      },
      { timeout: WAIT },
      `${table} tr.ant-table-row`,
    );

    const department = shiziUnits.find((u) => u.kind === 'DEPARTMENT')!;
    const village = shiziUnits.find((u) => u.kind === 'VILLAGE' || u.kind === 'COMMUNITY')!;
    await press(page, '[data-testid="create-user"]');
    await modalOpen(page, '#newUsername');
    await page.type('#newUsername', 'clerk');
    await page.type('#newDisplayName', '十字镇文书');
    await page.type('#newPassword', 'initial-password-2026');
    // Only what the office may grant is offered (the grant matrix): no convener role.
    await page.click('#newRoles');
    await page.waitForSelector('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', {
      visible: true,
    });
    const offered = await page.$$eval(
      '.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option',
      (os) => os.map((o) => (o as unknown as { title: string }).title),
    );
    expect(offered.sort()).toEqual(['上级领导', '成员单位', '村（社区）书记', '联席办主任'].sort());
    await closeDropdown(page);
    await choose(page, 'newRoles', '成员单位');
    await closeDropdown(page);
    await choose(page, 'newMemberUnit', department.name);
    await screenshot(page, 'create-user');
    await press(page, '.ant-modal button[type="submit"]');
    await see(page, '.ant-message', '账号已创建');
    await dialogGone(page);
    // Afresh (the search above still filters the list).
    await page.goto(`${base}/users`, { waitUntil: 'networkidle0', timeout: WAIT });
    const clerk = await rowKey(page, table, '十字镇文书');
    await see(page, `tr[data-row-key="${clerk}"]`, department.name);

    // Role and unit: a village secretary of a village.
    await dialogGone(page);
    await press(page, '[data-testid="roles-clerk"]');
    await modalOpen(page, '#userRoles');
    await choose(page, 'userRoles', '成员单位'); // deselects it
    await choose(page, 'userRoles', '村（社区）书记');
    await closeDropdown(page);
    await choose(page, 'userUnit', village.name);
    await page.type('#userReason', '调任村文书');
    await press(page, '[data-testid="user-action-ok"]');
    await dialogGone(page);
    await see(page, `tr[data-row-key="${clerk}"]`, '村（社区）书记');
    await see(page, `tr[data-row-key="${clerk}"]`, village.name);

    await act(page, 'deactivate-clerk', '暂停使用');
    await see(page, `tr[data-row-key="${clerk}"]`, '已停用');
    await act(page, 'reactivate-clerk', '恢复使用');
    await page.waitForSelector('[data-testid="reset-clerk"]');

    await dialogGone(page);
    await press(page, '[data-testid="reset-clerk"]');
    await modalOpen(page, '#userReason');
    await page.type('#userReason', '本人遗忘密码');
    await press(page, '[data-testid="user-action-ok"]');
    await page.waitForSelector('[data-testid="temporary-password-value"]', { visible: true });
    const temporary = (await text(page, '[data-testid="temporary-password-value"]')).trim();
    expect(temporary).toMatch(/^\S{20}$/);
    await screenshot(page, 'temporary-password');
    await press(page, '[data-testid="reset-close"]');
    await page.waitForSelector('[data-testid="temporary-password-value"]', { hidden: true });
    await see(page, `tr[data-row-key="${clerk}"]`, '须改密');
    // Shown once: nothing on the page keeps it.
    expect(
      await page.evaluate(
        () => (globalThis as unknown as { document: { body: { innerHTML: string } } }).document.body.innerHTML,
      ),
    ).not.toContain(temporary);
    clean(local);

    // What the clicks did, read back through the API (each change filed with its reason).
    const office = await t.login('shizi', 'office');
    const read = ok(
      await t.gql<{
        users: {
          items: { roles: string[]; active: boolean; mustChangePassword: boolean; memberUnit: { id: string } }[];
        };
        accountChanges: { items: { reason: string | null }[] };
      }>(
        '{ users(tenantCode: "shizi", search: "clerk") { items { roles active mustChangePassword memberUnit { id } } } accountChanges(tenantCode: "shizi", limit: 20) { items { reason } } }',
        {},
        office,
      ),
    );
    expect(read.users.items).toEqual([
      { roles: ['VILLAGE_SECRETARY'], active: true, mustChangePassword: true, memberUnit: { id: village.id } },
    ]);
    expect(read.accountChanges.items.map((c) => c.reason)).toEqual(
      expect.arrayContaining(['调任村文书', '暂停使用', '恢复使用', '本人遗忘密码']),
    );

    // The holder signs in with it, must choose a password first, and is then in.
    const holder = await tab();
    await submitSignIn(holder.page, 'shizi', 'clerk', temporary);
    await holder.page.waitForSelector('[data-testid="forced-password-change"]');
    await screenshot(holder.page, 'forced-password-change');
    await holder.page.type('#newPassword', 'short');
    await holder.page.type('#confirmPassword', 'short');
    await press(holder.page, '[data-testid="change-password-submit"]');
    await see(holder.page, '[data-testid="forced-password-change"]', '新密码至少 10 位');
    for (const id of ['#newPassword', '#confirmPassword']) {
      await holder.page.click(id, { count: 3 });
      await holder.page.type(id, 'clerk-chosen-password-1');
    }
    await press(holder.page, '[data-testid="change-password-submit"]');
    await see(holder.page, '[data-testid="whoami"]', '十字镇文书');
    await waitForPath(holder.page, '/inbox');

    // Changing the own password: a wrong current one is refused in Chinese; then it changes.
    await press(holder.page, '[data-testid="change-password"]');
    await modalOpen(holder.page, '#currentPassword');
    await holder.page.type('#currentPassword', 'not-my-password');
    await holder.page.type('#newPassword', 'clerk-second-password-2');
    await holder.page.type('#confirmPassword', 'clerk-second-password-2');
    await press(holder.page, '[data-testid="change-password-submit"]');
    await see(holder.page, '.ant-modal [role="alert"]', '当前密码不正确');
    await holder.page.click('#currentPassword', { count: 3 });
    await holder.page.type('#currentPassword', 'clerk-chosen-password-1');
    await press(holder.page, '[data-testid="change-password-submit"]');
    await see(holder.page, '.ant-message', '密码已修改');
    await holder.page.waitForSelector('.ant-modal #currentPassword', { hidden: true });
    // Still signed in with the new session, and the inbox still loads.
    await open(holder.page, '/inbox');
    await see(holder.page, '[data-testid="whoami"]', '十字镇文书');
    await press(holder.page, '[data-testid="sign-out"]');
    await holder.page.waitForSelector('#username');
    await signIn(holder.page, 'shizi', 'clerk', 'clerk-second-password-2');
    await see(holder.page, '[data-testid="whoami"]', '十字镇文书');
    // The wrong-password answer was a GraphQL error (HTTP 200); the page logged nothing.
    expect(holder.offHost).toEqual([]);
    expect(holder.errors).toEqual([]);
  }, 600_000);

  it('003 §六 proposals: the county office confirms one proposed interview (as serious) and dismisses the other with a reason; it publishes the drafted monthly notice with its ranking; the superior reads both without acting', async () => {
    const local = await tab();
    const { page } = local;
    await signIn(page, COUNTY, 'office');
    await waitForPath(page, '/workbench');
    // On the workbench: in the to-do list (urgent) and in the panel where they are decided.
    await see(page, '[data-testid="todos"]', '督导措施待确认');
    await see(page, '[data-testid="todos"]', '下仓镇：建议约谈');
    await see(page, '[data-testid="proposals"]', '下仓镇');
    await see(page, '[data-testid="proposals"]', '十字镇');
    await open(page, '/dashboard');
    const proposals = '[data-testid="proposals"]';
    await see(page, proposals, '003 §六');
    // The rule in the source's words (003 §六 发生进京走访越级访), never the rule id or the reason code.
    await see(page, proposals, '经办公室认定：发生进京走访越级访');
    expect(await page.$eval(proposals, (el) => el.textContent ?? '')).not.toMatch(
      /BEIJING_OR_SKIP_LEVEL_VISIT|interview-grounds/,
    );
    // The status table counts them per town (awaiting the office), with the facts one click away.
    await see(page, '[data-testid="status-table"] a[href="/dashboard/xiacang/evidence/PROPOSED_STEPS"]', '1');
    await screenshot(page, 'proposals');

    const xiacang = await rowKey(page, proposals, '下仓镇');
    await dialogGone(page);
    await press(page, `tr[data-row-key="${xiacang}"] [data-testid="proposal-confirm"]`);
    await modalOpen(page, '#proposalSeverity');
    await choose(page, 'proposalSeverity', '严重问题约谈');
    await page.type('#proposalNote', '约谈下仓镇主要领导');
    await press(page, '[data-testid="proposal-ok"]');
    await page.waitForFunction(
      (sel: string, key: string) =>
        !(globalThis as unknown as { document: { querySelector(s: string): unknown } }).document.querySelector(
          `${sel} tr[data-row-key="${key}"]`,
        ),
      { timeout: WAIT },
      proposals,
      xiacang,
    );

    const shizi = await rowKey(page, proposals, '十字镇');
    await dialogGone(page);
    await press(page, `tr[data-row-key="${shizi}"] [data-testid="proposal-dismiss"]`);
    await modalOpen(page, '#proposalReason');
    await press(page, '[data-testid="proposal-ok"]');
    await see(page, '.ant-modal', '请写明理由');
    await page.type('#proposalReason', '经核实为正常反映诉求，不属越级走访');
    await press(page, '[data-testid="proposal-ok"]');
    await see(page, proposals, '没有待确认的建议');

    // The drafted monthly notice: reviewed and published; the dashboard then shows its ranking.
    const drafts = '[data-testid="notice-drafts"]';
    const october = await rowKey(page, drafts, '2026-10-01');
    await dialogGone(page);
    await press(page, `tr[data-row-key="${october}"] [data-testid="notice-publish"]`);
    await modalOpen(page, '#noticeBody');
    await page.type('#noticeBody', '10月全县信访工作总体平稳。');
    await screenshot(page, 'notice-publish');
    await press(page, '[data-testid="notice-publish-ok"]');
    await see(page, '[data-testid="notice"]', '2026-10-01 至 2026-10-31');
    await see(page, '[data-testid="notice"] .ant-table-tbody', '下仓镇');
    await screenshot(page, 'notice-published');
    clean(local);

    const office = await t.login(COUNTY, 'office');
    type P = {
      unitName: string;
      status: string;
      decision: { severity?: string; reason?: string; note?: string } | null;
      actionId: string | null;
    };
    const decided = ok(
      await t.gql<{
        supervisionProposals: P[];
        supervisionNotices: { status: string; periodStart: string; period: string; body: string | null }[];
      }>(
        `{ supervisionProposals(tenantCode: "${COUNTY}") { unitName status decision actionId } supervisionNotices(tenantCode: "${COUNTY}", kind: REGULAR) { status period periodStart body } }`,
        {},
        office,
      ),
    );
    const byUnit = new Map(decided.supervisionProposals.map((p) => [p.unitName, p]));
    expect(byUnit.get('下仓镇')).toMatchObject({
      status: 'CONFIRMED',
      decision: { severity: 'SERIOUS', note: '约谈下仓镇主要领导' },
    });
    expect(byUnit.get('下仓镇')!.actionId).toBeTruthy();
    expect(byUnit.get('十字镇')).toMatchObject({
      status: 'DISMISSED',
      decision: { reason: '经核实为正常反映诉求，不属越级走访' },
      actionId: null,
    });
    expect(
      decided.supervisionNotices.find((n) => n.period === 'MONTHLY' && n.periodStart === '2026-10-01'),
    ).toMatchObject({ status: 'PUBLISHED', body: '10月全县信访工作总体平稳。' });

    // The superior reads the decided proposals and the published notice, and has nothing to press.
    const superior = await tab();
    await signIn(superior.page, COUNTY, 'superior');
    await waitForPath(superior.page, '/dashboard');
    await see(superior.page, '[data-testid="notice"]', '2026-10-01 至 2026-10-31');
    await see(superior.page, proposals, '没有待确认的建议');
    await press(superior.page, `${proposals} .ant-tabs-tab:nth-child(2)`);
    await see(superior.page, proposals, '已不予采纳');
    expect(await superior.page.$('[data-testid="proposal-confirm"], [data-testid="notice-drafts"]')).toBeNull();
    clean(superior);
  }, 600_000);

  it('keyboard only: signs in and moves through the menu to the meetings, opens the schedule dialog and closes it', async () => {
    const local = await tab();
    const { page } = local;
    await page.goto(`${base}/`, { waitUntil: 'networkidle0', timeout: WAIT });
    await page.waitForSelector('#tenantCode');
    // The tenant code has the focus on arrival; Tab moves through the form, Enter signs in.
    await page.waitForFunction(
      () =>
        (globalThis as unknown as { document: { activeElement: { id: string } | null } }).document.activeElement?.id ===
        'tenantCode',
      { timeout: WAIT },
    );
    await page.keyboard.type('shizi');
    await tabTo(page, (el) => el.id === 'username');
    await page.keyboard.type('office');
    await tabTo(page, (el) => el.id === 'password');
    await page.keyboard.type('demo-password');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="whoami"]');
    await waitForPath(page, '/workbench');

    // Into the menu, down to 会议与纪要, Enter.
    await tabTo(page, (el) => el.role === 'menu' || el.role === 'menuitem');
    const onMeetings = async () => {
      const f = await focused(page);
      return f.role === 'menuitem' && f.text.includes('会议与纪要');
    };
    for (let i = 0; i < 10 && !(await onMeetings()); i += 1) {
      // The menu moves its focus after the key event: wait for it to move before reading it (a busy
      // machine otherwise reads the item before, and the next press overshoots).
      const before = await focused(page);
      await page.keyboard.press('ArrowDown');
      await page
        .waitForFunction(
          (text: string) =>
            ((globalThis as unknown as { document: { activeElement: { innerText?: string } | null } }).document
              .activeElement?.innerText ?? '') !== text,
          { timeout: WAIT },
          before.text,
        )
        .catch(() => undefined); // the last item: focus stays, and the assertion below says so
    }
    expect(await onMeetings()).toBe(true);
    await page.keyboard.press('Enter');
    await waitForPath(page, '/meetings');
    await tabTo(page, (el) => el.testId === 'schedule');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.ant-modal #title', { visible: true });
    await animationsDone(page);
    await screenshot(page, 'keyboard-schedule');
    await page.keyboard.press('Escape');
    await page.waitForSelector('.ant-modal #title', { hidden: true });
    clean(local);
  }, 300_000);

  it('tablet: the member unit’s inbox at 768×1024 and the office workbench at 1024×768 fit the screen', async () => {
    for (const [viewport, user, path, marker] of [
      [{ width: 768, height: 1024 }, 'member', '/inbox', '[data-testid="inbox-minutes"]'],
      [{ width: 1024, height: 768 }, 'office', '/workbench', '[data-testid="todos"]'],
    ] as const) {
      const local = await tab(viewport);
      const { page } = local;
      await signIn(page, 'shizi', user);
      await waitForPath(page, path);
      await page.waitForSelector(marker, { visible: true });
      await kit.settled(page);
      // No sideways scrolling of the page (wide tables scroll inside their card).
      const width = await page.evaluate(() => {
        const d = (
          globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }
        ).document.documentElement;
        return { scroll: d.scrollWidth, client: d.clientWidth };
      });
      expect(width.scroll).toBeLessThanOrEqual(width.client);
      await screenshot(page, `tablet-${viewport.width}x${viewport.height}-${user}`);
      clean(local);
    }
  }, 300_000);

  it('error and empty states: a member unit that opens the superiors’ dashboard by its address gets the API’s refusal in Chinese; empty lists say so', async () => {
    const local = await tab();
    const { page } = local;
    await signIn(page, 'shizi', 'member');
    await waitForPath(page, '/inbox');
    await see(page, '[data-testid="inbox-minutes"]', '没有待签收的纪要');
    await open(page, '/dashboard');
    await see(page, '[role="alert"]', '加载失败');
    const refusal = await page.$$eval('[role="alert"]', (els) =>
      els.map((e) => (e as unknown as { innerText: string }).innerText).join('\n'),
    );
    const han = refusal.match(/[\u4e00-\u9fff]/g)?.length ?? 0;
    expect(han * 3).toBeGreaterThanOrEqual(refusal.match(/[A-Za-z]/g)?.length ?? 0);
    await screenshot(page, 'member-refused');
    expect(local.offHost).toEqual([]);
    expect(local.errors).toEqual([]);
  }, 300_000);

  type Focus = { id: string; role: string | null; testId: string | null; text: string };
  async function focused(page: Page): Promise<Focus> {
    return page.evaluate(() => {
      const el = (
        globalThis as unknown as {
          document: {
            activeElement: { id: string; getAttribute(a: string): string | null; innerText?: string } | null;
          };
        }
      ).document.activeElement;
      return {
        id: el?.id ?? '',
        role: el?.getAttribute('role') ?? null,
        testId: el?.getAttribute('data-testid') ?? null,
        text: el?.innerText ?? '',
      };
    });
  }

  /** Presses Tab until the focused element is the one wanted (at most 40 times). */
  async function tabTo(page: Page, wanted: (el: Focus) => boolean): Promise<void> {
    for (let i = 0; i < 40; i += 1) {
      await page.keyboard.press('Tab');
      if (wanted(await focused(page))) return;
    }
    throw new Error(`Tab never reached the element wanted (last: ${JSON.stringify(await focused(page))})`);
  }
});
