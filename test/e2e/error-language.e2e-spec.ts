import request from 'supertest';
import { startTestApp, type TestApp } from '@test/support/test-app';

/**
 * Errors a Chinese frontend can show (issue 15 item 5): every client error carries a stable
 * `extensions.reason` beside `extensions.code`; bad input has one shape, `problems: [{ field, reason,
 * message }]`; platform messages are Simplified Chinese by default and English with Accept-Language: en.
 */
interface Err {
  message: string;
  extensions: {
    code: string;
    reason?: string;
    problems?: { field: string; reason: string; message: string }[];
    [k: string]: unknown;
  };
}

describe('errors in the client language', () => {
  let t: TestApp;
  let office: string;
  beforeAll(async () => {
    t = await startTestApp({ CORS_ORIGINS: 'https://console.example.cn' });
    office = await t.login('shizi', 'office');
  }, 180_000);
  afterAll(async () => {
    await t.close();
  });

  const post = async (body: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Err[]> => {
    const req = request(t.app.getHttpServer()).post('/graphql').set('content-type', 'application/json');
    for (const [k, v] of Object.entries(headers)) req.set(k, v);
    const res = await req.send(body);
    const raw = JSON.stringify(res.body);
    expect(raw).not.toContain('__zh');
    return res.body.errors as Err[];
  };
  const tooLong = {
    query: 'mutation($i: AddMemberUnitInput!) { addMemberUnit(input: $i) { id } }',
    variables: { i: { tenantCode: 'shizi', name: '长'.repeat(300), kind: 'DEPARTMENT', reason: '机构调整' } },
  };

  it("lets a cross-origin frontend read a download's file name and the request id", async () => {
    const res = await request(t.app.getHttpServer()).get('/health').set('Origin', 'https://console.example.cn');
    expect(res.headers['access-control-allow-origin']).toBe('https://console.example.cn');
    expect(res.headers['access-control-expose-headers']).toBe('Content-Disposition,X-Request-Id');
  });

  it('unauthenticated: Chinese by default, English on Accept-Language: en, the same code and reason', async () => {
    const [zh] = await post({ query: '{ me { id } }' });
    expect(zh).toMatchObject({
      message: '请先登录',
      extensions: { code: 'UNAUTHENTICATED', reason: 'AUTHENTICATION_REQUIRED' },
    });
    const [en] = await post({ query: '{ me { id } }' }, { 'accept-language': 'en-US,en;q=0.9' });
    expect(en).toMatchObject({
      message: 'Authentication is required',
      extensions: { code: 'UNAUTHENTICATED', reason: 'AUTHENTICATION_REQUIRED' },
    });
    const [forged] = await post({ query: '{ me { id } }' }, { authorization: 'Bearer not.a.token' });
    expect(forged).toMatchObject({
      message: '登录凭证无效或已过期，请重新登录',
      extensions: { reason: 'TOKEN_INVALID' },
    });
  });

  it('bad input: one shape, problems with field, reason and message, in the client language', async () => {
    const [zh] = await post(tooLong, { authorization: `Bearer ${office}` });
    expect(zh.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT' });
    expect(zh.extensions.problems).toEqual([{ field: 'input.name', reason: 'MAX_LENGTH', message: '过长' }]);
    expect(zh.message).toBe('input.name：过长');
    const [en] = await post(tooLong, { authorization: `Bearer ${office}`, 'accept-language': 'en' });
    expect(en.extensions.problems).toEqual([
      {
        field: 'input.name',
        reason: 'MAX_LENGTH',
        message: expect.stringMatching(/name must be shorter than or equal to \d+ characters/),
      },
    ]);
    expect(en.message).toMatch(/^input\.name: name must be shorter/);
  });

  it("a context's reasons (joint-meeting catalogue): bad input and a conflict in Chinese by default, English with the header", async () => {
    const auth = { authorization: `Bearer ${office}` };
    const township = {
      query: tooLong.query,
      variables: { i: { tenantCode: 'shizi', name: '某乡', kind: 'TOWNSHIP', reason: '机构调整' } },
    };
    const [zh] = await post(township, auth);
    expect(zh).toMatchObject({
      message: 'input.kind：乡镇类成员单位须通过将该乡镇开通为租户（onboardTenant）创建',
      extensions: { code: 'BAD_USER_INPUT', reason: 'TOWNSHIP_UNIT_BY_ONBOARDING' },
    });
    expect(zh.extensions.problems).toEqual([
      {
        field: 'input.kind',
        reason: 'TOWNSHIP_UNIT_BY_ONBOARDING',
        message: '乡镇类成员单位须通过将该乡镇开通为租户（onboardTenant）创建',
      },
    ]);
    const [en] = await post(township, { ...auth, 'accept-language': 'en' });
    expect(en).toMatchObject({
      message: 'input.kind: TOWNSHIP units are created by onboarding the township as a tenant (onboardTenant)',
      extensions: { reason: 'TOWNSHIP_UNIT_BY_ONBOARDING' },
    });

    const units = await t.gql<{ tenant: { memberUnits: { name: string }[] } }>(
      '{ tenant(code: "shizi") { memberUnits { name } } }',
      {},
      office,
    );
    const taken = units.data!.tenant.memberUnits[0].name;
    const clash = {
      query: tooLong.query,
      variables: { i: { tenantCode: 'shizi', name: taken, kind: 'DEPARTMENT', reason: '机构调整' } },
    };
    const [zhClash] = await post(clash, auth);
    expect(zhClash).toMatchObject({
      message: `已有名为“${taken}”的在册成员单位`,
      extensions: { code: 'CONFLICT', reason: 'UNIT_NAME_TAKEN', field: 'input.name' },
    });
    const [enClash] = await post(clash, { ...auth, 'accept-language': 'en-GB' });
    expect(enClash).toMatchObject({
      message: `An active member unit is already named "${taken}"`,
      extensions: { code: 'CONFLICT', reason: 'UNIT_NAME_TAKEN' },
    });
  });

  it("a context's refusal of a role (tenancy catalogue): FORBIDDEN with its reason, in both languages", async () => {
    const onboard = {
      query: 'mutation { onboardTenant(input: { code: "x-town", name: "某镇", pluginId: "shizi-town" }) { id } }',
    };
    const [zh] = await post(onboard, { authorization: `Bearer ${office}` });
    expect(zh).toMatchObject({
      message: '只有平台管理员可开通顶级租户',
      extensions: { code: 'FORBIDDEN', reason: 'PLATFORM_ADMIN_ONLY_TOP_LEVEL' },
    });
    const [en] = await post(onboard, { authorization: `Bearer ${office}`, 'accept-language': 'en' });
    expect(en).toMatchObject({
      message: 'Only a platform admin onboards top-level tenants',
      extensions: { reason: 'PLATFORM_ADMIN_ONLY_TOP_LEVEL' },
    });
  });

  it('a value the database refuses (an id that is no UUID) is bad input with a reason and an empty problems list', async () => {
    const [err] = await post(
      { query: '{ petitionCase(id: "not-a-uuid") { id } }' },
      { authorization: `Bearer ${office}` },
    );
    expect(err.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: expect.stringMatching(/^[A-Z_]+$/) });
    expect(Array.isArray(err.extensions.problems)).toBe(true);
  });

  it('every client error carries an UPPER_SNAKE reason, also errors raised before execution and by contexts', async () => {
    const errors = [
      ...(await post({ query: '{ nope }' }, { authorization: `Bearer ${office}` })),
      ...(await post({ query: '{ me { id ' })),
      ...(await post(
        { query: 'mutation { onboardTenant(input: { code: "x", name: "x", pluginId: "shizi-town" }) { id } }' },
        { authorization: `Bearer ${office}` },
      )),
      ...(await post(tooLong, { authorization: `Bearer ${office}` })),
    ];
    expect(errors.length).toBeGreaterThanOrEqual(4);
    for (const e of errors) {
      expect(['UNAUTHENTICATED', 'FORBIDDEN', 'BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT']).toContain(e.extensions.code);
      expect(e.extensions.reason).toMatch(/^[A-Z][A-Z0-9_]+$/);
      if (e.extensions.code === 'BAD_USER_INPUT') expect(Array.isArray(e.extensions.problems)).toBe(true);
    }
  });
});
