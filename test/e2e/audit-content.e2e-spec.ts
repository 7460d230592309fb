import { DataSource } from 'typeorm';
import { Clock } from '@engine/clock';
import { PiiCipher } from '@engine/crypto';
import { AUDITED_TABLES } from '@modules/audit/audit-payload';
import { aCase, aMeeting, aMemberUnitWithUser, memberUnitsOf } from '@test/support/factories';
import { startTestApp, type GqlResult, type TestApp } from '@test/support/test-app';

/**
 * Issue 12 item 3 — audit without content. The platform admin read petition content through
 * `auditTrail` (minutes bodies, case resolutions, responsible persons) while `meetings` and `cases`
 * answered FORBIDDEN to it. Now every reader sees an entry's metadata (who, when, which table, which
 * operation, which columns), its values only when it may read the row itself, and petitioners' fields
 * under the Petitioner field rules (004 領導接待日制度 8: 保密) — masked for superiors, never ciphertext.
 */
describe('audit without content (issue 12 item 3)', () => {
  let t: TestApp;
  let admin: string;
  let townOffice: string;
  let superior: string;
  let member: string;
  let shiziOffice: string;
  let caseId: string;
  const TOWN = 'town-petition-systems';
  const BODY = '会议研究了王某某宅基地纠纷的化解方案，要求镇司法所牵头调处。';
  const RESOLUTION = '已组织双方调解，达成分界协议并签字确认。';
  const PERSON = '李明远';
  const ok = <T>(res: GqlResult<T>): T => {
    expect(res.errors).toBeUndefined();
    return res.data!;
  };
  type Entry = {
    seq: number;
    actor: string | null;
    tableName: string;
    operation: string;
    changedColumns: string[];
    changed: Record<string, unknown> | null;
    withheld: boolean;
  };
  const trail = async (tenantCode: string, token: string): Promise<GqlResult<{ auditTrail: Entry[] }>> =>
    t.gql<{ auditTrail: Entry[] }>(
      'query($c: String!) { auditTrail(tenantCode: $c, limit: 500) { seq actor tableName operation changedColumns changed withheld } }',
      { c: tenantCode },
      token,
    );

  beforeAll(async () => {
    t = await startTestApp();
    t.app.get(Clock).set('2026-09-25T09:00:00+08:00');
    [admin, townOffice, superior, shiziOffice] = await Promise.all([
      t.login(null, 'admin'),
      t.login(TOWN, 'office'),
      t.login('county-petition-mechanisms', 'superior'),
      t.login('shizi', 'office'),
    ]);

    // A case of the town, assigned to a responsible person and resolved by the responsible unit.
    const { unitId, token } = await aMemberUnitWithUser(t, townOffice, TOWN);
    member = token;
    caseId = (
      await aCase(t, townOffice, {
        tenantCode: TOWN,
        channel: 'LETTER',
        matter: '反映宅基地界址纠纷。',
        petitioners: [{ name: '钱多多', phone: '13700000001' }],
      })
    ).id;
    ok(
      await t.gql(
        'mutation($i: AssignCaseInput!) { assignCase(input: $i) { id } }',
        { i: { caseId, responsibleUnitId: unitId, responsiblePerson: PERSON, dueOn: '2026-10-30' } },
        townOffice,
      ),
    );
    ok(
      await t.gql(
        'mutation($i: ResolveCaseInput!) { resolveCase(input: $i) { id } }',
        { i: { caseId, resolution: RESOLUTION } },
        member,
      ),
    );

    // Minutes of 十字镇 drafted, then redrafted: the second draft is an UPDATE of the body.
    const units = await memberUnitsOf(t, shiziOffice, 'shizi');
    const meeting = await aMeeting(t, shiziOffice, {
      tenantCode: 'shizi',
      typeCode: 'WORKING',
      title: '九月信访工作会议',
      scheduledAt: '2026-09-28T09:00:00+08:00',
      topics: [],
      invitedUnitIds: [units[0].id],
    });
    t.app.get(Clock).set('2026-09-28T11:00:00+08:00');
    ok(
      await t.gql(
        'mutation($i: HoldMeetingInput!) { holdMeeting(input: $i) { status } }',
        {
          i: {
            meetingId: meeting.id,
            heldAt: '2026-09-28T09:00:00+08:00',
            chairName: '李晖',
            chairPost: '镇党委副书记、镇长',
            attendance: [{ memberUnitId: units[0].id, attendance: 'PRESENT' }],
          },
        },
        shiziOffice,
      ),
    );
    const draft = (body: string) =>
      t.gql<{ draftMinutes: { id: string } }>(
        'mutation($i: DraftMinutesInput!) { draftMinutes(input: $i) { id } }',
        { i: { meetingId: meeting.id, body } },
        shiziOffice,
      );
    ok(await draft('会议研究了信访形势。'));
    ok(await draft(BODY));
  }, 180_000);
  afterAll(async () => t?.close());

  it("the issue's reproduction: the platform admin reads no minutes body, case resolution or responsible person through auditTrail — only who, when, which table, which operation and columns", async () => {
    // Its reach into the content itself, for comparison: FORBIDDEN / nothing.
    const direct = await t.gql('query($id: ID!) { petitionCase(id: $id) { resolution } }', { id: caseId }, admin);
    expect(direct.data?.petitionCase ?? null).toBeNull();

    const town = ok(await trail(TOWN, admin)).auditTrail;
    const shizi = ok(await trail('shizi', admin)).auditTrail;
    const text = JSON.stringify([town, shizi]);
    for (const content of [BODY, RESOLUTION, PERSON, '钱多多', '13700000001', 'v1.'])
      expect(text).not.toContain(content);

    const caseUpdates = town.filter((e) => e.tableName === 'petition_case' && e.operation === 'UPDATE');
    expect(caseUpdates.map((e) => e.changedColumns).flat()).toEqual(
      expect.arrayContaining(['responsible_person', 'resolution']),
    );
    for (const e of caseUpdates) expect(e).toMatchObject({ changed: null, withheld: true, actor: expect.any(String) });
    const minutes = shizi.filter((e) => e.tableName === 'minutes' && e.operation === 'UPDATE');
    expect(minutes.some((e) => e.changedColumns.includes('body'))).toBe(true);
    for (const e of minutes) expect(e).toMatchObject({ changed: null, withheld: true });

    // What it administers it still reads in full: the account it may see (a member unit's account, created above).
    const account = town.find(
      (e) => e.tableName === 'app_user' && e.operation === 'UPDATE' && e.changedColumns.includes('last_sign_in_at'),
    );
    expect(account).toMatchObject({ withheld: false, changed: { last_sign_in_at: expect.any(String) } });
  });

  it('the office of the tenant reads the values it reads elsewhere: the body, the resolution, the responsible person', async () => {
    const town = ok(await trail(TOWN, townOffice)).auditTrail;
    const changes = town
      .filter((e) => e.tableName === 'petition_case' && e.operation === 'UPDATE')
      .map((e) => e.changed);
    expect(changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ responsible_person: PERSON }),
        expect.objectContaining({ resolution: RESOLUTION }),
      ]),
    );
    const shizi = ok(await trail('shizi', shiziOffice)).auditTrail;
    expect(
      shizi.find((e) => e.tableName === 'minutes' && e.operation === 'UPDATE' && e.changedColumns.includes('body'))
        ?.changed,
    ).toMatchObject({ body: BODY });
  });

  it("004 領導接待日制度 8 (保密): a petitioner's changed fields show masked to the county superior and in full to the office, never as ciphertext or matching key", async () => {
    // A correction of the petitioner's phone, written as the cases context writes it: sealed.
    const cipher = t.app.get(PiiCipher);
    await t.app
      .get(DataSource)
      .query(`UPDATE case_petitioner SET phone_enc = $2, person_key = $3 WHERE case_id = $1`, [
        caseId,
        cipher.encrypt('13700000002'),
        cipher.matchKey('name', '钱多多', '13700000002'),
      ]);
    const seen = async (token: string): Promise<Entry> =>
      ok(await trail(TOWN, token)).auditTrail.find(
        (e) => e.tableName === 'case_petitioner' && e.operation === 'UPDATE',
      )!;

    const bySuperior = await seen(superior);
    expect(bySuperior.changedColumns).toEqual(['person_key', 'phone_enc']);
    expect(bySuperior.changed).toEqual({ phone_enc: '137****0002' });
    expect(bySuperior.withheld).toBe(true); // the matching key is shown to no one
    const byOffice = await seen(townOffice);
    expect(byOffice.changed).toEqual({ phone_enc: '13700000002' });
    const byAdmin = await seen(admin);
    expect(byAdmin).toMatchObject({ changedColumns: ['person_key', 'phone_enc'], changed: null, withheld: true });
    // The superior's whole trail of the town: no full phone, no name in clear, no ciphertext.
    const all = JSON.stringify(ok(await trail(TOWN, superior)).auditTrail);
    for (const content of ['13700000002', '13700000001', '钱多多', 'v1.']) expect(all).not.toContain(content);
  });

  it('a member unit reads no audit trail at all', async () => {
    expect((await trail(TOWN, member)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('every table the audit trigger is attached to is classified (an unclassified table would show its values to no one)', async () => {
    const attached = (await t.app
      .get(DataSource)
      .query(
        `SELECT DISTINCT event_object_table AS t FROM information_schema.triggers WHERE trigger_name = 'audit_record' ORDER BY 1`,
      )) as { t: string }[];
    expect(attached.length).toBeGreaterThan(30);
    expect(attached.map((r) => r.t).filter((name) => !(name in AUDITED_TABLES))).toEqual([]);
  });
});
