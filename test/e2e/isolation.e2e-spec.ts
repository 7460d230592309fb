import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';
import { startTestApp, type TestApp } from '@test/support/test-app';

/**
 * The isolation suite, generated from the live schema: every query and mutation, called by each role
 * of 十字镇 (tenant A) with the codes and ids of its sibling 下仓镇 (B) and of their parent county.
 * Every answer must be NOT_FOUND, FORBIDDEN, BAD_USER_INPUT, null or empty — never an id of B or the
 * parent — and nothing may be written there (their audit chains do not grow). A new operation is
 * covered without being listed here.
 */
/** Operations on the caller's own sign-in: they name no tenant, and logging out would end the run's session. */
const OWN_SESSION = ['login', 'refreshSession', 'logout', 'logoutEverywhere'];

describe('tenant isolation, generated from the schema', () => {
  let t: TestApp;
  let schema: GraphQLSchema;
  const foreignIds = new Set<string>();
  const ids: string[] = [];
  const tokens: Record<string, string> = {};

  const ok = <T>(res: { data?: T | null; errors?: unknown[] }): T => {
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!;
  };

  beforeAll(async () => {
    t = await startTestApp();
    schema = t.app.get(GraphQLSchemaHost).schema;
    const [bOffice, bConvener, bMember] = await Promise.all([
      t.login('xiacang', 'office'),
      t.login('xiacang', 'convener'),
      t.login('xiacang', 'member'),
    ]);
    const b = ok(
      await t.gql<{
        tenant: { id: string; memberUnits: { id: string }[] };
        me: { id: string; memberUnit: { id: string } };
      }>('{ tenant(code: "xiacang") { id memberUnits { id } } me { id memberUnit { id } } }', {}, bMember),
    );
    const unit = b.me.memberUnit.id;
    const meeting = ok(
      await t.gql<{ scheduleMeeting: { id: string } }>(
        'mutation($i: ScheduleMeetingInput!) { scheduleMeeting(input: $i) { id } }',
        {
          i: {
            tenantCode: 'xiacang',
            typeCode: 'WORKING',
            title: '下仓镇工作会议',
            scheduledAt: '2026-11-01T09:00:00+08:00',
            invitedUnitIds: [unit],
          },
        },
        bOffice,
      ),
    ).scheduleMeeting.id;
    ok(
      await t.gql(
        'mutation($i: HoldMeetingInput!) { holdMeeting(input: $i) { id } }',
        {
          i: {
            meetingId: meeting,
            heldAt: '2026-11-01T09:00:00+08:00',
            attendance: [{ memberUnitId: unit, attendance: 'PRESENT' }],
          },
        },
        bOffice,
      ),
    );
    const minutes = ok(
      await t.gql<{ draftMinutes: { id: string } }>(
        'mutation($i: DraftMinutesInput!) { draftMinutes(input: $i) { id } }',
        {
          i: {
            meetingId: meeting,
            body: '会议研究了近期信访工作。',
            agreedItems: [{ content: '落实稳控措施', ownerUnitIds: [unit], due: { amount: 10, unit: 'WORKING_DAYS' } }],
          },
        },
        bOffice,
      ),
    ).draftMinutes.id;
    ok(await t.gql('mutation($id: ID!) { submitMinutes(minutesId: $id) { id } }', { id: minutes }, bOffice));
    ok(
      await t.gql(
        'mutation($i: MinutesDecisionInput!) { approveMinutes(input: $i) { id } }',
        { i: { minutesId: minutes } },
        bConvener,
      ),
    );
    const item = ok(
      await t.gql<{ issueMinutes: { agreedItems: { id: string }[] } }>(
        'mutation($id: ID!) { issueMinutes(minutesId: $id) { agreedItems { id } } }',
        { id: minutes },
        bOffice,
      ),
    ).issueMinutes.agreedItems[0].id;
    const report = ok(
      await t.gql<{ reportImplementation: { id: string } }>(
        'mutation($i: ReportInput!) { reportImplementation(input: $i) { id } }',
        { i: { agreedItemId: item, body: '已落实稳控措施。' } },
        bMember,
      ),
    ).reportImplementation.id;
    const sensitive = ok(
      await t.gql<{ reportSensitiveInformation: { id: string } }>(
        'mutation($i: ReportSensitiveInformationInput!) { reportSensitiveInformation(input: $i) { id } }',
        { i: { tenantCode: 'xiacang', content: '某村群众拟集体上访', occurredAt: '2026-11-02T10:00:00+08:00' } },
        bOffice,
      ),
    ).reportSensitiveInformation.id;
    const list = ok(
      await t.gql<{ draftIssueList: { id: string } }>(
        'mutation($i: DraftIssueListInput!) { draftIssueList(input: $i) { id } }',
        {
          i: {
            tenantCode: 'xiacang',
            title: '十一月问题清单',
            periodStart: '2026-11-01',
            periodEnd: '2026-11-30',
            items: [{ issue: '征地补偿纠纷', recommendation: '召开协调会' }],
          },
        },
        bOffice,
      ),
    ).draftIssueList.id;
    const county = ok(
      await t.gql<{ tenant: { id: string; memberUnits: { id: string }[] } }>(
        '{ tenant(code: "county-petition-mechanisms") { id memberUnits { id } } }',
        {},
        await t.login('county-petition-mechanisms', 'office'),
      ),
    ).tenant;
    ids.push(meeting, minutes, item, report, sensitive, list, unit, b.me.id);
    for (const id of [
      ...ids,
      b.tenant.id,
      ...b.tenant.memberUnits.map((u) => u.id),
      county.id,
      ...county.memberUnits.map((u) => u.id),
    ])
      foreignIds.add(id);
    for (const user of ['office', 'convener', 'member', 'secretary']) tokens[user] = await t.login('shizi', user);
  });
  afterAll(async () => {
    await t.close();
  });

  const auditLengths = async (): Promise<string> =>
    JSON.stringify(
      await t.database.dataSource.query(
        `SELECT t.code, count(a.seq)::int AS n FROM tenant t LEFT JOIN audit_entry a ON a.tenant_id = t.id WHERE t.code IN ('xiacang', 'county-petition-mechanisms') GROUP BY t.code ORDER BY t.code`,
      ),
    );

  function value(type: GraphQLInputType, name: string, id: string, code: string): unknown {
    const inner = isNonNullType(type) ? type.ofType : type;
    if (isListType(inner)) return [value(inner.ofType as GraphQLInputType, name, id, code)];
    const named = getNamedType(inner);
    if (isInputObjectType(named)) {
      return Object.fromEntries(
        Object.values(named.getFields())
          .filter((f) => isNonNullType(f.type) || /Id$/.test(f.name))
          .map((f) => [f.name, value(f.type, f.name, id, code)]),
      );
    }
    if (isEnumType(named)) return named.getValues()[0].value;
    if (/code$/i.test(name)) return code;
    switch (named.name) {
      case 'ID':
        return id;
      case 'Int':
        return 1;
      case 'Boolean':
        return false;
      case 'DateTime':
        return '2026-11-05T09:00:00+08:00';
      default:
        return /date|On$|^from$|periodStart|periodEnd/.test(name) ? '2026-11-05' : '测试内容，用于隔离检查';
    }
  }

  function selection(type: GraphQLOutputType): string {
    const named = getNamedType(type);
    if (!isObjectType(named)) return '';
    const scalars = Object.values(named.getFields()).filter(
      (f) =>
        isScalarType(getNamedType(f.type)) &&
        getNamedType(f.type).name !== 'JSON' &&
        f.args.every((a) => !isNonNullType(a.type)),
    );
    return `{ __typename ${scalars.map((f) => f.name).join(' ')} }`;
  }

  function attempts(
    kind: 'query' | 'mutation',
    field: GraphQLField<unknown, unknown>,
  ): { query: string; variables: Record<string, unknown> }[] {
    const vars = field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
    const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
    const query = `${kind} Op${vars ? `(${vars})` : ''} { ${field.name}${args ? `(${args})` : ''} ${selection(field.type)} }`;
    const out: { query: string; variables: Record<string, unknown> }[] = [];
    for (const code of ['xiacang', 'county-petition-mechanisms']) {
      for (const id of code === 'xiacang' ? ids : [ids[6]]) {
        out.push({
          query,
          variables: Object.fromEntries(field.args.map((a) => [a.name, value(a.type, a.name, id, code)])),
        });
      }
    }
    return out;
  }

  for (const role of ['office', 'convener', 'member', 'secretary']) {
    it(`${role} of 十字镇 reaches nothing of 下仓镇 or the county, through any operation`, async () => {
      const before = await auditLengths();
      const ops = [
        ...Object.values(schema.getQueryType()!.getFields()).map((f) => ['query', f] as const),
        // The caller's own sign-in and session take no tenant's code or id (test/e2e/sessions.e2e-spec.ts).
        ...Object.values(schema.getMutationType()!.getFields())
          .filter((f) => !OWN_SESSION.includes(f.name))
          .map((f) => ['mutation', f] as const),
      ];
      expect(ops.length).toBeGreaterThan(40);
      const outcomes = new Map<string, number>();
      for (const [kind, field] of ops) {
        for (const attempt of attempts(kind, field)) {
          const res = await t.gql(attempt.query, attempt.variables, tokens[role]);
          const body = JSON.stringify(res);
          const leaked = [...foreignIds].filter((id) => body.includes(id));
          expect({ op: field.name, leaked }).toEqual({ op: field.name, leaked: [] });
          const outcome = res.errors?.[0]?.extensions?.code ?? 'OK';
          outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
          for (const e of res.errors ?? []) {
            expect({ op: field.name, code: e.extensions?.code }).toEqual({
              op: field.name,
              code: expect.stringMatching(/^(NOT_FOUND|FORBIDDEN|BAD_USER_INPUT)$/),
            });
          }
        }
      }
      expect(await auditLengths()).toBe(before);
      // The attempts reach the data layer and the access checks, not only input validation.
      expect(outcomes.get('NOT_FOUND') ?? 0).toBeGreaterThan(50);
    });
  }
});
