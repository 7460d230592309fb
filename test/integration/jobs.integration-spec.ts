import { RequestContext } from '@engine/context';
import { BullMqQueue, InProcessQueue, type JobQueue } from '@engine/jobs';
import { Db } from '@engine/database';
import { NotificationsService, WELCOME_JOB, type WelcomeJob } from '@modules/notifications';
import { User } from '@modules/identity';
import { Tenant } from '@modules/tenancy';
import { startTestApp, type TestApp } from '@test/support/test-app';

/**
 * The same job (a new user's welcome notification) through both queue adapters. The BullMQ adapter
 * needs Redis: it runs when REDIS_URL is set (CI's second pass), and then fails rather than skips.
 */
describe('jobs through both queue adapters', () => {
  let t: TestApp;
  let db: Db;
  let notifications: NotificationsService;
  let user: User;

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(Db);
    notifications = t.app.get(NotificationsService);
    user = await db.run(RequestContext.platform(), async ({ em }) => {
      const shizi = await em.findOneOrFail(Tenant, { where: { code: 'shizi' } });
      return em.findOneOrFail(User, { where: { tenantId: shizi.id, username: 'office' } });
    });
  });
  afterAll(async () => {
    await t.close();
  });

  const welcomes = async (): Promise<number> => {
    const rows: { n: string }[] = await db.run(RequestContext.forTenantJob(user.tenantId!), ({ em }) =>
      em.query(`SELECT count(*) AS n FROM notification WHERE user_id = $1 AND kind = 'WELCOME'`, [user.id]),
    );
    return Number(rows[0].n);
  };

  async function runTwice(queue: JobQueue, prefix: string): Promise<void> {
    queue.register({ name: WELCOME_JOB, handle: (data: WelcomeJob) => notifications.welcome(data) });
    await queue.start();
    await queue.enqueue(WELCOME_JOB, { tenantId: user.tenantId!, userId: user.id }, { jobId: `${prefix}.1` });
    await queue.enqueue(WELCOME_JOB, { tenantId: user.tenantId!, userId: user.id }, { jobId: `${prefix}.1` }); // duplicate id: dropped
    await queue.enqueue(WELCOME_JOB, { tenantId: user.tenantId!, userId: user.id }, { jobId: `${prefix}.2` }); // a retry under another id
    await queue.whenIdle();
  }

  it('the app delivered the welcome when the user was created (configured adapter: ' + (process.env.REDIS_URL ? 'BullMQ' : 'in-process') + ')', async () => {
    await t.queue.whenIdle();
    expect(t.queue.kind).toBe(process.env.REDIS_URL ? 'bullmq' : 'in-process');
    expect(await welcomes()).toBe(1);
  });

  it('in-process: running the job again changes nothing twice', async () => {
    const queue = new InProcessQueue();
    await runTwice(queue, 'inproc');
    await queue.close();
    expect(await welcomes()).toBe(1);
  });

  it('in-process: a failing handler is retried until it succeeds, and its effect happens once', async () => {
    const queue = new InProcessQueue(3, 5);
    let attempts = 0;
    queue.register({
      name: WELCOME_JOB,
      handle: async (data: WelcomeJob) => {
        attempts += 1;
        if (attempts < 3) throw new Error('transient');
        await notifications.welcome(data);
      },
    });
    await queue.start();
    await queue.enqueue(WELCOME_JOB, { tenantId: user.tenantId!, userId: user.id }, { jobId: 'retry.1' });
    await queue.whenIdle();
    await queue.close();
    expect(attempts).toBe(3);
    expect(await welcomes()).toBe(1);
  });

  (process.env.REDIS_URL ? it : it.skip)('BullMQ on Redis: running the job again changes nothing twice', async () => {
    const queue = new BullMqQueue(process.env.REDIS_URL!, { prefix: `jmtest-jobs-${Date.now()}`, runWorker: true });
    try {
      await runTwice(queue, 'bull');
    } finally {
      await queue.close();
    }
    expect(await welcomes()).toBe(1);
  });
});
