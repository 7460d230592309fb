import { aMeeting } from '@test/support/factories';
import { startTestApp, type TestApp } from '@test/support/test-app';

/**
 * A unit user without a unit (a MEMBER_UNIT account whose member_unit_id was cleared outside the API:
 * identity's assertAssignable refuses it through the API) is decided once, in @engine/access: it acts for no
 * unit and sees nothing of a unit's (unitScope), in meetings and supervision as everywhere — never what the
 * office sees.
 */
describe('a unit user without a unit sees nothing of a unit', () => {
  let t: TestApp;
  let office: string;
  let lost: string;

  beforeAll(async () => {
    t = await startTestApp();
    office = await t.login('shizi', 'office');
    // A meeting the member's unit is invited to: the member with its unit sees it.
    const [unit] = await t.database.dataSource.query<{ id: string }[]>(
      `SELECT member_unit_id AS id FROM app_user
        WHERE username = 'member' AND tenant_id = (SELECT id FROM tenant WHERE code = 'shizi')`,
    );
    await aMeeting(t, office, { tenantCode: 'shizi', typeCode: 'WORKING', invitedUnitIds: [unit.id] });
    const withUnit = await t.gql<{ meetings: unknown[] }>(
      '{ meetings(tenantCode: "shizi") { id } }',
      {},
      await t.login('shizi', 'member'),
    );
    expect(withUnit.data!.meetings.length).toBeGreaterThan(0);
    await t.database.dataSource.query(
      `UPDATE app_user SET member_unit_id = NULL
        WHERE username = 'member' AND tenant_id = (SELECT id FROM tenant WHERE code = 'shizi')`,
    );
    lost = await t.login('shizi', 'member');
  });
  afterAll(async () => {
    await t.close();
  });

  it('reads no meeting and no agreed item the office reads', async () => {
    const query = '{ meetings(tenantCode: "shizi") { id } agreedItems(tenantCode: "shizi") { id } }';
    const seen = await t.gql<{ meetings: unknown[]; agreedItems: unknown[] }>(query, {}, office);
    expect(seen.errors).toBeUndefined();
    expect(seen.data!.meetings.length + seen.data!.agreedItems.length).toBeGreaterThan(0);
    const res = await t.gql<{ meetings: unknown[]; agreedItems: unknown[] }>(query, {}, lost);
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ meetings: [], agreedItems: [] });
  });

  it("is refused the ladder's proposals, as every unit user is", async () => {
    const res = await t.gql('{ supervisionProposals(tenantCode: "shizi") { id } }', {}, lost);
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
