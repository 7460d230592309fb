import { DownloadLinks } from '@engine/access/download-link';
import { startTestApp, type TestApp } from '@test/support/test-app';

/**
 * Signed short-lived download links (issue 15 item 6): createDownloadLink returns a URL that opens one
 * document without the Authorization header, as the caller who asked, until it expires.
 */
describe('download links', () => {
  let t: TestApp;
  let office: string;
  beforeAll(async () => {
    t = await startTestApp();
    office = await t.login('shizi', 'office');
  }, 180_000);
  afterAll(async () => {
    await t.close();
  });

  const create = (path: string, token = office) =>
    t.gql<{ createDownloadLink: { url: string; expiresAt: string } }>(
      'mutation($p: String!) { createDownloadLink(path: $p) { url expiresAt } }',
      { p: path },
      token,
    );

  it('opens the document as a plain link, with its Chinese file name exposed', async () => {
    const res = await create('/documents/agreed-items/shizi.xlsx');
    expect(res.errors).toBeUndefined();
    const { url, expiresAt } = res.data!.createDownloadLink;
    expect(new Date(expiresAt).getTime()).toBeGreaterThan(Date.now());
    expect(new Date(expiresAt).getTime()).toBeLessThanOrEqual(Date.now() + 10 * 60_000);
    expect((await t.http().get('/documents/agreed-items/shizi.xlsx')).status).toBe(401); // no header, no link
    const download = await t.http().get(url);
    expect(download.status).toBe(200);
    expect(download.headers['content-disposition']).toMatch(/filename\*=UTF-8''/);
  });

  it('refuses a link used for another path, a tampered one, an expired one, and non-document paths', async () => {
    const { url } = (await create('/documents/agreed-items/shizi.xlsx')).data!.createDownloadLink;
    const link = new URL(url, 'http://x').searchParams.get('link')!;
    expect((await t.http().get(`/documents/agreed-items/xiacang.xlsx?link=${link}`)).status).toBe(401);
    expect((await t.http().get(`/documents/agreed-items/shizi.xlsx?link=${link.slice(0, -2)}xx`)).status).toBe(401);
    const links = t.app.get(DownloadLinks);
    const me = (await t.gql<{ me: { id: string } }>('{ me { id } }', undefined, office)).data!.me;
    expect(me.id).toBeTruthy();
    const old = links.sign(
      { userId: me.id, username: 'office', tenantId: null, roles: [], memberUnitId: null },
      '/documents/agreed-items/shizi.xlsx',
      Date.now() - 3600_000,
    );
    expect((await t.http().get(old.url)).status).toBe(401);
    const bad = await create('/graphql');
    expect(bad.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      problems: [{ field: 'path', reason: 'NOT_A_DOCUMENT_PATH' }],
    });
    expect(
      (await t.gql('mutation { createDownloadLink(path: "/documents/x") { url } }')).errors?.[0]?.extensions?.code,
    ).toBe('UNAUTHENTICATED');
  });

  it('a link opens only what its caller may read', async () => {
    const secretary = await t.login('shizi', 'secretary');
    const res = await create('/documents/agreed-items/shizi.xlsx', secretary);
    const status = (await t.http().get(res.data!.createDownloadLink.url)).status;
    const direct = (
      await t.http().get('/documents/agreed-items/shizi.xlsx').set('authorization', `Bearer ${secretary}`)
    ).status;
    expect(status).toBe(direct);
  });
});
