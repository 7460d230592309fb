import { exportTenant, importTenant } from '@engine/database';
import { startTestApp, type TestApp } from '@test/support/test-app';

/** tenant:export writes a tenant's whole data set; tenant:import restores it into an empty deployment. */
describe('tenant export and import', () => {
  let source: TestApp;
  let target: TestApp;

  beforeAll(async () => {
    // Personal data is encrypted: the target deployment must hold the same PII_KEY.
    const PII_KEY = 'transfer-test-pii-key-transfer-test-pii-key';
    source = await startTestApp({ PII_KEY });
    target = await startTestApp({ SEED_DEMO: 'false', PII_KEY });
    const office = await source.login('shizi', 'office');
    const res = await source.gql(
      'mutation($i: AddMemberUnitInput!) { addMemberUnit(input: $i) { id } }',
      { i: { tenantCode: 'shizi', name: '应急管理办公室', kind: 'DEPARTMENT', reason: '机构调整' } },
      office,
    );
    expect(res.errors).toBeUndefined();
    const petition = await source.gql(
      'mutation($i: ReceivePetitionInput!) { receivePetition(input: $i) { id } }',
      {
        i: {
          tenantCode: 'shizi',
          channel: 'VISIT',
          matter: '反映村道硬化质量问题，请求复查。',
          petitioners: [{ name: '刘某', idNumber: '11010519491231002X', phone: '13800000000' }],
        },
      },
      office,
    );
    expect(petition.errors).toBeUndefined();
    await source.queue.whenIdle();
  });
  afterAll(async () => {
    await source.close();
    await target.close();
  });

  it('round-trips a seeded tenant: every row equal, the audit chain intact, its users able to sign in', async () => {
    const exported = await exportTenant(source.database.dataSource, 'shizi');
    expect(exported.tables.member_unit).toHaveLength(23);
    expect(exported.tables.audit_entry.length).toBeGreaterThan(20);
    expect(exported.tables.user_credential.length).toBeGreaterThan(0);

    const result = await importTenant(target.database.dataSource, JSON.parse(JSON.stringify(exported)));
    expect(result.code).toBe('shizi');
    const again = await exportTenant(target.database.dataSource, 'shizi');
    expect(again.tables).toEqual(exported.tables);
    // Its county is not in this deployment: the tenant arrives at the top of the tree.
    const { parent_id: _p, path: _q, ...tenant } = exported.tenant;
    expect(again.tenant).toMatchObject({ ...tenant, parent_id: null });

    const admin = await target.login(null, 'admin');
    const check = await target.gql<{ verifyAuditChain: { intact: boolean } }>(
      '{ verifyAuditChain(tenantCode: "shizi") { intact } }',
      {},
      admin,
    );
    expect(check.data?.verifyAuditChain.intact).toBe(true);
    const office = await target.login('shizi', 'office');
    const units = await target.gql<{ tenant: { memberUnits: unknown[] } }>(
      '{ tenant(code: "shizi") { memberUnits { id } } }',
      {},
      office,
    );
    expect(units.data?.tenant.memberUnits).toHaveLength(23);
    // The ledger came along, personal data readable with the same key, and its history keeps growing in order.
    const cases = await target.gql<{
      cases: { items: { id: string; petitioners: { name: string; idNumber: string }[] }[] };
    }>('{ cases(tenantCode: "shizi") { items { id petitioners { name idNumber } } } }', {}, office);
    expect(cases.data?.cases.items).toEqual([
      { id: expect.any(String), petitioners: [{ name: '刘某', idNumber: '11010519491231002X' }] },
    ]);
    const caseId = cases.data!.cases.items[0].id;
    const units2 = await target.gql<{ tenant: { memberUnits: { id: string }[] } }>(
      '{ tenant(code: "shizi") { memberUnits { id } } }',
      {},
      office,
    );
    const assigned = await target.gql<{ assignCase: { history: { kind: string }[] } }>(
      'mutation($i: AssignCaseInput!) { assignCase(input: $i) { history { kind } } }',
      { i: { caseId, responsibleUnitId: units2.data!.tenant.memberUnits[0].id, responsiblePerson: '王五' } },
      office,
    );
    expect(assigned.data?.assignCase.history.map((h) => h.kind)).toEqual(['RECEIVED', 'ASSIGNED']);
  });

  it('refuses to import a tenant that already exists, changing nothing', async () => {
    const exported = await exportTenant(source.database.dataSource, 'xiacang');
    await importTenant(target.database.dataSource, exported);
    await expect(importTenant(target.database.dataSource, exported)).rejects.toThrow(/already exists/);
  });
});
