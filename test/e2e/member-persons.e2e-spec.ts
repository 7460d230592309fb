import { startTestApp, type GqlResult, type TestApp } from '@test/support/test-app';

/**
 * The register of the joint meeting's members (成员), not only its member units (issue 14 item 1): loaded
 * from the plugin where the source names the persons (001 annex 2) or says who they are (000 art. 4),
 * kept by the office; a change of member person is filed (备案) and reported to the convener (000 art. 7,
 * 001 art. 10); a proposal to adjust the member units goes to the party committee as a record (000 art. 7).
 */
describe('member persons: the register, its filing record and unit-adjustment proposals', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const ok = <T>(res: GqlResult<T>): T => {
    expect(res.errors).toBeUndefined();
    return res.data!;
  };
  const code = (res: GqlResult): string | undefined => res.errors?.[0]?.extensions?.code;
  /** The stable reason of a bad input's first problem (the error's own is INVALID_INPUT). */
  const problem = (res: GqlResult): string | undefined =>
    (res.errors?.[0]?.extensions?.problems?.[0] as { reason?: string } | undefined)?.reason;
  const field = (res: GqlResult): string | undefined =>
    res.errors?.[0]?.extensions?.field ?? res.errors?.[0]?.extensions?.problems?.[0]?.field;

  interface Person {
    id: string;
    name: string | null;
    post: string;
    role: string;
    source: string | null;
    active: boolean;
    memberUnit: { id: string; name: string } | null;
  }
  const PERSON = 'id name post role source active memberUnit { id name }';
  const register = async (tenantCode: string, who: string, includeRemoved = false): Promise<Person[]> =>
    ok(
      await t.gql<{ tenant: { members: Person[] } }>(
        `query($c: String!, $r: Boolean!) { tenant(code: $c) { members(includeRemoved: $r) { ${PERSON} } } }`,
        { c: tenantCode, r: includeRemoved },
        tokens[who],
      ),
    ).tenant.members;
  const units = async (tenantCode: string, who: string): Promise<{ id: string; name: string }[]> =>
    ok(
      await t.gql<{ tenant: { memberUnits: { id: string; name: string }[] } }>(
        'query($c: String!) { tenant(code: $c) { memberUnits { id name } } }',
        { c: tenantCode },
        tokens[who],
      ),
    ).tenant.memberUnits;
  const changes = (tenantCode: string, who: string, limit = 50, after: string | null = null) =>
    t.gql<{
      memberPersonChanges: {
        items: {
          kind: string;
          reason: string;
          reportedRoles: string[];
          memberPersonId: string;
          filedById: string;
          before: { name: string | null; post: string; unitName: string | null; role: string } | null;
          after: { name: string | null; post: string; unitName: string | null; role: string } | null;
        }[];
        nextCursor: string | null;
      };
    }>(
      'query($c: String!, $l: Int!, $a: String) { memberPersonChanges(tenantCode: $c, limit: $l, after: $a) { items { kind reason reportedRoles memberPersonId filedById filedAt before { name post unitName role } after { name post unitName role } } nextCursor } }',
      { c: tenantCode, l: limit, a: after },
      tokens[who],
    );
  const notifications = async (who: string) =>
    ok(
      await t.gql<{ myNotifications: { kind: string; title: string; body: string }[] }>(
        '{ myNotifications(limit: 100) { kind title body } }',
        {},
        tokens[who],
      ),
    ).myNotifications;
  const changeMember = (who: string, i: Record<string, unknown>) =>
    t.gql<{ changeMember: Person }>(
      `mutation($i: ChangeMemberInput!) { changeMember(input: $i) { ${PERSON} } }`,
      { i },
      tokens[who],
    );
  const appoint = (who: string, i: Record<string, unknown>) =>
    t.gql<{ appointMember: Person }>(
      `mutation($i: AppointMemberInput!) { appointMember(input: $i) { ${PERSON} } }`,
      { i },
      tokens[who],
    );

  beforeAll(async () => {
    t = await startTestApp();
    const logins: [string, string, string][] = [
      ['shizi', 'office', 'sOffice'],
      ['shizi', 'convener', 'sConvener'],
      ['shizi', 'member', 'sMember'],
      ['xiacang', 'office', 'xOffice'],
      ['xiacang', 'convener', 'xConvener'],
      ['xiacang', 'member', 'xMember'],
      ['county-petition-mechanisms', 'superior', 'cSuperior'],
    ];
    for (const [tenant, user, key] of logins) tokens[key] = await t.login(tenant, user);
  }, 180_000);
  afterAll(async () => {
    await t.close();
  });

  it("001 art. 2; annex 2 (组成人员): 十字镇's register holds the 3 conveners, the 13 named department members and the 9 village and community secretaries, each with post and unit", async () => {
    const members = await register('shizi', 'sMember');
    expect(members).toHaveLength(25);
    expect(members.filter((m) => m.role === 'CONVENER').map((m) => [m.name, m.post, m.memberUnit])).toEqual([
      ['李晖', '镇党委书记', null],
      ['陈玉平', '镇党委副书记、镇长', null],
      ['徐小龙', '镇党委副书记、政法委员', null],
    ]);
    const departments = members.filter((m) => m.role === 'MEMBER' && m.name !== null);
    expect(departments).toHaveLength(13);
    // Annex 2's own spellings resolve to annex 1's units through their aliases.
    expect(departments.find((m) => m.name === '张宏书')?.memberUnit?.name).toBe('财政服务管理中心');
    expect(departments.find((m) => m.name === '李黎')?.memberUnit?.name).toBe('农业农村发展服务中心');
    expect(departments.find((m) => m.name === '覃兆海')?.memberUnit?.name).toBe('经济发展办公室(生态环境办)');
    expect(
      departments.every((m) => m.post === '负责同志' && m.memberUnit !== null && m.source === '001 art. 2; annex 2'),
    ).toBe(true);
    const secretaries = members.filter((m) => m.role === 'MEMBER' && m.name === null);
    expect(secretaries.map((m) => `${m.memberUnit?.name}${m.post}`)).toEqual([
      '施吴村书记',
      '水鸣社区书记',
      '新和村书记',
      '十字村书记',
      '李村书记',
      '天子门村书记',
      '双铺村书记',
      '大华村书记',
      '安民社区书记',
    ]);
    // The county reads its town's register through the tree.
    expect(await register('shizi', 'cSuperior')).toHaveLength(25);
  });

  it("000 art. 1, 4 (由成员部门负责人担任联席会议成员): 下仓镇's register holds the convener and the head of each of its 18 member units, names left to the office", async () => {
    const members = await register('xiacang', 'xMember');
    expect(members).toHaveLength(19);
    expect(members[0]).toMatchObject({
      name: null,
      post: '镇政法委员',
      role: 'CONVENER',
      memberUnit: null,
      source: '000 art. 1',
    });
    const heads = members.slice(1);
    expect(
      heads.every((m) => m.role === 'MEMBER' && m.post === '负责人' && m.name === null && m.source === '000 art. 4'),
    ).toBe(true);
    expect(heads.map((m) => m.memberUnit?.name)).toEqual((await units('xiacang', 'xMember')).map((u) => u.name));
  });

  it('001 art. 10 (成员因分工调整…变更的,办公室要及时备案,并向召集人报告): the office files a change of member person; the conveners are told; a member unit may not', async () => {
    const zhu = (await register('shizi', 'sOffice')).find((m) => m.name === '朱维')!;
    expect(code(await changeMember('sMember', { memberPersonId: zhu.id, name: '王立新', reason: '分工调整' }))).toBe(
      'FORBIDDEN',
    );
    const changed = ok(
      await changeMember('sOffice', {
        memberPersonId: zhu.id,
        name: '王立新',
        reason: '分工调整，朱维同志不再担任党政综合办公室负责人',
      }),
    ).changeMember;
    expect(changed).toMatchObject({
      id: zhu.id,
      name: '王立新',
      post: '负责同志',
      role: 'MEMBER',
      active: true,
      memberUnit: { name: '党政综合办公室' },
    });

    const filed = ok(await changes('shizi', 'sConvener')).memberPersonChanges.items;
    expect(filed[0]).toMatchObject({
      kind: 'CHANGED',
      memberPersonId: zhu.id,
      reportedRoles: ['CONVENER'],
      before: { name: '朱维', post: '负责同志', unitName: '党政综合办公室', role: 'MEMBER' },
      after: { name: '王立新', post: '负责同志', unitName: '党政综合办公室', role: 'MEMBER' },
    });
    await t.queue.whenIdle();
    const told = (await notifications('sConvener')).filter((n) => n.kind === 'MEMBER_CHANGE_FILED');
    expect(told.map((n) => n.title)).toContain(
      '成员变更备案：成员变更 党政综合办公室负责同志 朱维（成员） → 党政综合办公室负责同志 王立新（成员）',
    );
    expect((await notifications('sMember')).some((n) => n.kind === 'MEMBER_CHANGE_FILED')).toBe(false);
    // The register is public inside the tenant; the filing record is the office's, the conveners' and superiors'.
    expect(code(await changes('shizi', 'sMember'))).toBe('FORBIDDEN');
    expect(ok(await changes('shizi', 'cSuperior')).memberPersonChanges.items[0].kind).toBe('CHANGED');
    // A change that changes nothing is refused, naming the input.
    const same = await changeMember('sOffice', { memberPersonId: zhu.id, name: '王立新', reason: '分工调整' });
    expect([code(same), problem(same)]).toEqual(['BAD_USER_INPUT', 'NOTHING_CHANGED']);
  });

  it("000 art. 7 (成员因分工调整或工作变化需要变更的…向召集人报告，并报办公室备案): the office fills in a unit head's name, moves a member to another unit and removes one; each step is filed and reported", async () => {
    const members = await register('xiacang', 'xOffice');
    const [first, second] = members.slice(1);
    ok(await changeMember('xOffice', { memberPersonId: first.id, name: '赵明', reason: '综合办公室负责人到任' }));
    const other = (await units('xiacang', 'xOffice'))[5];
    ok(await changeMember('xOffice', { memberPersonId: second.id, memberUnitId: other.id, reason: '工作变化' }));
    const removed = ok(
      await t.gql<{ removeMember: Person }>(
        `mutation($i: RemoveMemberInput!) { removeMember(input: $i) { ${PERSON} } }`,
        { i: { memberPersonId: second.id, reason: '调离本镇' } },
        tokens.xOffice,
      ),
    ).removeMember;
    expect(removed.active).toBe(false);
    expect((await register('xiacang', 'xOffice')).map((m) => m.id)).not.toContain(second.id);
    expect((await register('xiacang', 'xOffice', true)).find((m) => m.id === second.id)?.active).toBe(false);
    expect(code(await changeMember('xOffice', { memberPersonId: second.id, name: '钱某', reason: '分工调整' }))).toBe(
      'CONFLICT',
    );

    const filed = ok(await changes('xiacang', 'xConvener')).memberPersonChanges.items;
    expect(filed.slice(0, 3).map((c) => [c.kind, c.reason])).toEqual([
      ['REMOVED', '调离本镇'],
      ['CHANGED', '工作变化'],
      ['CHANGED', '综合办公室负责人到任'],
    ]);
    expect(filed[1].after?.unitName).toBe(other.name);
    expect(filed[2]).toMatchObject({ before: { name: null, post: '负责人' }, after: { name: '赵明', post: '负责人' } });
    await t.queue.whenIdle();
    const titles = (await notifications('xConvener'))
      .filter((n) => n.kind === 'MEMBER_CHANGE_FILED')
      .map((n) => n.title);
    expect(titles).toEqual(
      expect.arrayContaining([expect.stringContaining('成员退出'), expect.stringContaining('赵明')]),
    );

    // The filing record is a page: 1‥200, keyset cursor.
    const zero = await changes('xiacang', 'xOffice', 0);
    expect([code(zero), field(zero)]).toEqual(['BAD_USER_INPUT', 'limit']);
    const page1 = ok(await changes('xiacang', 'xOffice', 2)).memberPersonChanges;
    expect(page1.items).toHaveLength(2);
    const page2 = ok(await changes('xiacang', 'xOffice', 2, page1.nextCursor)).memberPersonChanges;
    expect(page2.items.map((c) => c.reason)).toEqual(['综合办公室负责人到任']);
    expect(page2.nextCursor).toBeNull();
  });

  it("the office appoints a liaison (联络员) for a unit; a member or liaison needs a unit, a convener sits for none; another town's office cannot touch the register", async () => {
    const unit = (await units('shizi', 'sOffice')).find((u) => u.name === '十字镇派出所')!;
    const liaison = ok(
      await appoint('sOffice', {
        tenantCode: 'shizi',
        name: '周航',
        post: '综合室民警',
        memberUnitId: unit.id,
        role: 'LIAISON',
        reason: '派出所指定联络员',
      }),
    ).appointMember;
    expect(liaison).toMatchObject({ role: 'LIAISON', memberUnit: { name: '十字镇派出所' }, source: null });
    expect((await register('shizi', 'sMember')).at(-1)?.id).toBe(liaison.id);
    expect(ok(await changes('shizi', 'sOffice')).memberPersonChanges.items[0]).toMatchObject({
      kind: 'APPOINTED',
      before: null,
      after: { name: '周航', role: 'LIAISON' },
    });

    const noUnit = await appoint('sOffice', {
      tenantCode: 'shizi',
      name: '孙某',
      post: '干部',
      role: 'LIAISON',
      reason: '联络员',
    });
    expect([code(noUnit), field(noUnit)]).toEqual(['BAD_USER_INPUT', 'input.memberUnitId']);
    const convenerWithUnit = await appoint('sOffice', {
      tenantCode: 'shizi',
      name: '孙某',
      post: '镇长',
      memberUnitId: unit.id,
      role: 'CONVENER',
      reason: '召集人',
    });
    expect([code(convenerWithUnit), field(convenerWithUnit)]).toEqual(['BAD_USER_INPUT', 'input.memberUnitId']);
    // Another tenant's register looks exactly like a missing one.
    expect(
      code(
        await appoint('xOffice', {
          tenantCode: 'shizi',
          name: '孙某',
          post: '干部',
          memberUnitId: unit.id,
          role: 'LIAISON',
          reason: '联络员',
        }),
      ),
    ).toBe('NOT_FOUND');
    expect(code(await changeMember('xOffice', { memberPersonId: liaison.id, name: '孙某', reason: '分工调整' }))).toBe(
      'NOT_FOUND',
    );
  });

  it('000 art. 7 (适时向镇党委、政府提出调整成员单位的工作建议): a proposal to adjust the units is recorded with the party committee as the deciding body; it changes no unit; the office records the answer', async () => {
    const before = await units('xiacang', 'xOffice');
    const propose = (who: string, i: Record<string, unknown>) =>
      t.gql<{
        proposeUnitAdjustment: {
          id: string;
          kind: string;
          status: string;
          decidingBody: string;
          source: string;
          unitName: string | null;
          memberUnitId: string | null;
        };
      }>(
        'mutation($i: ProposeUnitAdjustmentInput!) { proposeUnitAdjustment(input: $i) { id kind status decidingBody source unitName memberUnitId } }',
        { i },
        tokens[who],
      );
    const add = ok(
      await propose('xOffice', {
        tenantCode: 'xiacang',
        kind: 'ADD',
        unitName: '应急管理办公室',
        unitKind: 'DEPARTMENT',
        reason: '应急管理涉访问题增多',
      }),
    ).proposeUnitAdjustment;
    expect(add).toMatchObject({
      kind: 'ADD',
      status: 'PROPOSED',
      decidingBody: '镇党委、政府',
      source: '000 art. 7',
      unitName: '应急管理办公室',
      memberUnitId: null,
    });
    const remove = ok(
      await propose('xOffice', {
        tenantCode: 'xiacang',
        kind: 'REMOVE',
        memberUnitId: before[15].id,
        reason: '职能并入',
      }),
    ).proposeUnitAdjustment;
    expect(remove.unitName).toBe(before[15].name);
    expect(await units('xiacang', 'xOffice')).toEqual(before);

    expect(
      code(
        await propose('xMember', {
          tenantCode: 'xiacang',
          kind: 'ADD',
          unitName: '某办',
          unitKind: 'DEPARTMENT',
          reason: '建议',
        }),
      ),
    ).toBe('FORBIDDEN');
    const noName = await propose('xOffice', {
      tenantCode: 'xiacang',
      kind: 'ADD',
      unitKind: 'DEPARTMENT',
      reason: '建议',
    });
    expect([code(noName), field(noName)]).toEqual(['BAD_USER_INPUT', 'input.unitName']);
    // 001 states no such proposals: its office changes units itself (filed), so a proposal is refused.
    const shizi = await propose('sOffice', {
      tenantCode: 'shizi',
      kind: 'ADD',
      unitName: '应急管理办公室',
      unitKind: 'DEPARTMENT',
      reason: '建议',
    });
    expect([code(shizi), problem(shizi)]).toEqual(['BAD_USER_INPUT', 'NO_UNIT_ADJUSTMENT_RULE']);

    const decide = (who: string, i: Record<string, unknown>) =>
      t.gql<{ recordUnitAdjustmentDecision: { status: string; decisionBasis: string; decidedAt: string } }>(
        'mutation($i: RecordUnitAdjustmentDecisionInput!) { recordUnitAdjustmentDecision(input: $i) { status decisionBasis decidedAt } }',
        { i },
        tokens[who],
      );
    const adopted = ok(
      await decide('xOffice', { proposalId: add.id, adopted: true, basis: '镇党委会议2026年第12次会议同意' }),
    ).recordUnitAdjustmentDecision;
    expect(adopted).toMatchObject({ status: 'ADOPTED', decisionBasis: '镇党委会议2026年第12次会议同意' });
    expect(code(await decide('xOffice', { proposalId: add.id, adopted: false, basis: '改变主意' }))).toBe('CONFLICT');
    ok(await decide('xOffice', { proposalId: remove.id, adopted: false, basis: '镇党委会议研究暂不调整' }));
    // Still a record: adopting changed no unit; the office then adds it, filed as usual.
    expect(await units('xiacang', 'xOffice')).toEqual(before);

    const list = ok(
      await t.gql<{ memberUnitProposals: { items: { kind: string; status: string }[]; nextCursor: string | null } }>(
        '{ memberUnitProposals(tenantCode: "xiacang", limit: 10) { items { kind status } nextCursor } }',
        {},
        tokens.xConvener,
      ),
    ).memberUnitProposals;
    expect(list.items).toEqual([
      { kind: 'REMOVE', status: 'NOT_ADOPTED' },
      { kind: 'ADD', status: 'ADOPTED' },
    ]);
    expect(
      code(await t.gql('{ memberUnitProposals(tenantCode: "xiacang") { items { id } } }', {}, tokens.xMember)),
    ).toBe('FORBIDDEN');
  });
});
