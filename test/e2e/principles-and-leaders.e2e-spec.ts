import { Clock } from '@engine/clock';
import { approvedMinutes } from '@test/support/factories';
import { readZip, wordParagraphs } from '@test/support/read-zip';
import { startTestApp, type GqlResult, type TestApp } from '@test/support/test-app';

/**
 * The joint meeting's principle and leadership posts, read (issue 14, rows 000-05, 001-11, 003-02, 004-01,
 * 004-02): `structure.principle` is shown on the joint meeting with its article and printed on the minutes
 * as the basis the agreed items are carried out on; `structure.leaders` is shown with each post's
 * responsibility as the source words it (004 基本原則 1: 第一責任人, 直接負責人).
 */
describe('the principle member units work by and the leaders responsible, from the plugin', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const ok = <T>(res: GqlResult<T>): T => {
    expect(res.errors).toBeUndefined();
    return res.data!;
  };
  interface Structure {
    principle: { text: string; source: string } | null;
    leaders: { title: string; tier: string; responsibility: string | null; source: string }[];
  }
  const structure = async (tenantCode: string, who: string): Promise<Structure> =>
    ok(
      await t.gql<{ tenant: { jointMeeting: Structure } }>(
        'query($c: String!) { tenant(code: $c) { jointMeeting { principle { text source } leaders { title tier responsibility source } } } }',
        { c: tenantCode },
        tokens[who],
      ),
    ).tenant.jointMeeting;

  beforeAll(async () => {
    t = await startTestApp();
    t.app.get(Clock).set('2026-03-02T10:00:00+08:00');
    const logins: [string, string, string][] = [
      ['xiacang', 'office', 'xOffice'],
      ['xiacang', 'convener', 'xConvener'],
      ['xiacang', 'member', 'xMember'],
      ['shizi', 'member', 'sMember'],
      ['xincheng', 'office', 'nOffice'],
      ['town-petition-systems', 'office', 'tOffice'],
      ['county-petition-mechanisms', 'superior', 'cSuperior'],
    ];
    for (const [tenant, user, key] of logins) tokens[key] = await t.login(tenant, user);
  }, 180_000);
  afterAll(async () => {
    await t.close();
  });

  it('000 art. 5, 001 art. 7, 003 §一 (按照“…”的原则): each joint meeting shows the principle its source quotes, with the article', async () => {
    expect((await structure('xiacang', 'xMember')).principle).toEqual({
      text: '党政同责、一岗双责，属地管理、分级负责，谁主管、谁负责',
      source: '000 art. 5',
    });
    expect((await structure('shizi', 'sMember')).principle).toEqual({
      text: '属地管理、分级负责,谁主管、谁负责,依法、及时、就地解决问题与疏导教育相结合',
      source: '001 art. 7',
    });
    // The county reads its own and, through the tree, a township's.
    expect((await structure('county-petition-mechanisms', 'cSuperior')).principle).toEqual({
      text: '党政同责、一岗双责,属地管理、分级负责,谁主管、谁负责',
      source: '003 §一',
    });
    expect((await structure('xiacang', 'cSuperior')).principle?.source).toBe('000 art. 5');
    // 002 states no principle: none is invented.
    expect((await structure('xincheng', 'nOffice')).principle).toBeNull();
  });

  it('004 基本原則 1 (鎮委書記是信訪工作第一責任人,各分管領導是直接負責人; 分工負責,歸口辦理): the posts with their responsibility, and the principle', async () => {
    const s = await structure('town-petition-systems', 'tOffice');
    expect(s.leaders).toEqual([
      { title: '鎮委書記', tier: 'PRINCIPAL', responsibility: '信訪工作第一責任人', source: '004 基本原則 1' },
      { title: '分管領導', tier: 'IN_CHARGE', responsibility: '直接負責人', source: '004 基本原則 1' },
    ]);
    expect(s.principle).toEqual({ text: '“分工負責,歸口辦理”和“誰主管,誰負責”', source: '004 基本原則 1' });
    // 000 names no leadership posts; 001's posts carry no responsibility wording of their own.
    expect((await structure('xiacang', 'xMember')).leaders).toEqual([]);
    expect((await structure('shizi', 'sMember')).leaders.map((l) => [l.title, l.responsibility])).toEqual([
      ['镇党委书记', null],
      ['镇党委副书记、镇长', null],
      ['镇党委副书记、政法委员', null],
    ]);
  });

  it('000 art. 5 (按照…的原则…认真落实…议定的事项，及时报送落实情况): the minutes print the principle and its article beside the agreed items', async () => {
    const units = ok(
      await t.gql<{ tenant: { memberUnits: { id: string }[] } }>(
        '{ tenant(code: "xiacang") { memberUnits { id } } }',
        {},
        tokens.xOffice,
      ),
    ).tenant.memberUnits;
    const unit = units[0].id;
    const minutesId = await approvedMinutes(
      t,
      tokens.xOffice,
      tokens.xConvener,
      {
        tenantCode: 'xiacang',
        typeCode: 'WORKING',
        title: '三月信访工作会议',
        scheduledAt: '2026-03-02T09:00:00+08:00',
        topics: ['部署重点工作'],
        unitId: unit,
      },
      {
        body: '会议部署了重点工作。',
        agreedItems: [{ content: '开展矛盾纠纷排查', due: { date: '2026-03-31' }, ownerUnitIds: [unit] }],
      },
    );
    const res = await t
      .http()
      .get(`/documents/minutes/${minutesId}.docx`)
      .set('authorization', `Bearer ${tokens.xOffice}`)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    const paragraphs = wordParagraphs(
      readZip(res.body as Buffer)
        .get('word/document.xml')!
        .toString('utf8'),
    );
    const item = paragraphs.indexOf('一、开展矛盾纠纷排查');
    expect(item).toBeGreaterThan(0);
    expect(paragraphs[item + 2]).toBe(
      '各责任单位按照“党政同责、一岗双责，属地管理、分级负责，谁主管、谁负责”的原则（000 art. 5），认真落实议定事项，及时报送落实情况。',
    );
  });
});
