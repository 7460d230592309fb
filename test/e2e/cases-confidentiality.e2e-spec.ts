import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { startTestApp, type GqlResult, type TestApp } from '@test/support/test-app';

/**
 * Petitioners' personal data (issue 5 item 9): validated, stored only encrypted (also in the audit
 * trail), matched by keyed hash, shown in full only to roles with the field rule, and never written
 * to a log — not on success, not on a validation error, not on a failed write.
 */
describe('petitioner confidentiality', () => {
  let t: TestApp;
  let office: string;
  const logged: string[] = [];
  const NAME = '赵秘密';
  const ID_NUMBER = '11010519491231002X';
  const PHONE = '13987654321';
  const ADDRESS = '示范县保密路88号';
  const ok = <T>(res: GqlResult<T>): T => {
    expect(res.errors).toBeUndefined();
    return res.data!;
  };

  beforeAll(async () => {
    // Debug level: whatever the platform logs, at any level, is captured.
    t = await startTestApp({ LOG_LEVEL: 'debug' });
    office = await t.login('town-petition-systems', 'office');
    for (const stream of [process.stdout, process.stderr]) {
      const write = stream.write.bind(stream);
      jest.spyOn(stream, 'write').mockImplementation(((chunk: unknown, ...rest: unknown[]) => {
        logged.push(String(chunk));
        return (write as (...a: unknown[]) => boolean)(chunk, ...rest);
      }) as typeof stream.write);
    }
    for (const level of ['log', 'error', 'warn', 'info', 'debug'] as const) {
      const original = console[level].bind(console);
      jest.spyOn(console, level).mockImplementation((...args: unknown[]) => {
        logged.push(args.map(String).join(' '));
        original(...args);
      });
    }
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await t.close();
  });

  const receive = (petitioner: Record<string, unknown>) =>
    t.gql<{ receivePetition: { id: string } }>(
      'mutation($i: ReceivePetitionInput!) { receivePetition(input: $i) { id } }',
      {
        i: {
          tenantCode: 'town-petition-systems',
          channel: 'LETTER',
          matter: '反映邻里宅基地纠纷，请求调处。',
          petitioners: [petitioner],
        },
      },
      office,
    );

  it('stores personal data encrypted, in the table and in the audit trail', async () => {
    const { id } = ok(
      await receive({ name: NAME, idNumber: ID_NUMBER, phone: PHONE, address: ADDRESS }),
    ).receivePetition;
    const db = t.database.dataSource;
    const [row] = await db.query(`SELECT to_jsonb(p) AS row FROM case_petitioner p WHERE case_id = $1`, [id]);
    const [audit] = await db.query(
      `SELECT string_agg(row_data::text, ' ') AS text FROM audit_entry WHERE table_name = 'case_petitioner'`,
    );
    for (const stored of [JSON.stringify(row.row), audit.text as string]) {
      for (const secret of [NAME, ID_NUMBER, PHONE, ADDRESS]) expect(stored).not.toContain(secret);
    }
  });

  it('never echoes or logs personal data, whatever happens to the request', async () => {
    const bad = await receive({ name: NAME, idNumber: '110105194912310021', phone: PHONE });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(bad)).not.toContain('110105194912310021');
    const wrongPhone = await receive({ name: NAME, phone: 'call-me-maybe' });
    expect(JSON.stringify(wrongPhone)).not.toContain('call-me-maybe');
    ok(await receive({ name: NAME, idNumber: ID_NUMBER, phone: PHONE, address: ADDRESS }));
    const text = logged.join('\n');
    new Logger('probe').log('capture-probe');
    expect(logged.join('\n')).toContain('capture-probe'); // the capture sees what the platform's logger writes
    for (const secret of [NAME, ID_NUMBER, PHONE, ADDRESS, '110105194912310021', 'call-me-maybe'])
      expect(text).not.toContain(secret);
  });
});
