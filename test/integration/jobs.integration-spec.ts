import { RequestContext } from '@engine/context';
import { Cluster } from 'ioredis';
import { BullMqQueue, InProcessQueue, clusterSeeds, hashTagged, type JobQueue, type RedisTarget } from '@engine/jobs';
import { Db } from '@engine/database';
import { WELCOME_JOB, type WelcomeJob } from '@core/identity';
import { NotificationsService } from '@core/notifications';
import { User } from '@core/identity';
import { Tenant } from '@core/tenancy';
import { startTestApp, type TestApp } from '@test/support/test-app';

const CLUSTER_NODES = (process.env.REDIS_CLUSTER_NODES ?? '').split(',').filter(Boolean);
const REDIS: RedisTarget | null = CLUSTER_NODES.length
  ? { clusterNodes: CLUSTER_NODES }
  : process.env.REDIS_URL
    ? { url: process.env.REDIS_URL }
    : null;

/**
 * The same job (a new user's welcome notification) through both queue adapters. The BullMQ adapter
 * needs Redis: it runs when REDIS_URL is set (CI's second pass), and then fails rather than skips.
 * With REDIS_CLUSTER_NODES (CI starts a local 3-master cluster) the app and the adapter run on the
 * cluster, and every key of the queue must sit in one hash slot.
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

  it(
    'the app delivered the welcome when the user was created (configured adapter: ' +
      (CLUSTER_NODES.length ? 'BullMQ on Redis Cluster' : REDIS ? 'BullMQ' : 'in-process') +
      ')',
    async () => {
      await t.queue.whenIdle();
      expect(t.queue.kind).toBe(REDIS ? 'bullmq' : 'in-process');
      expect(await welcomes()).toBe(1);
    },
  );

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

  (REDIS ? it : it.skip)('BullMQ on Redis: running the job again changes nothing twice', async () => {
    const queue = new BullMqQueue(REDIS!, { prefix: hashTagged(`jmtest-jobs-${Date.now()}`), runWorker: true });
    try {
      await runTwice(queue, 'bull');
    } finally {
      await queue.close();
    }
    expect(await welcomes()).toBe(1);
  });

  (REDIS ? it : it.skip)(
    'BullMQ: a scheduler declared at start runs at once by default, one interval later with SCHEDULES_FIRST_RUN=after-interval',
    async () => {
      const hour = 3_600_000;
      const next = async (firstRunAfterInterval: boolean): Promise<number | null> => {
        const prefix = hashTagged(`jmtest-first-${firstRunAfterInterval}-${Date.now()}`);
        const queue = new BullMqQueue(REDIS!, { prefix, runWorker: false, firstRunAfterInterval });
        try {
          queue.repeat('jm.test.tick', hour);
          for (;;) {
            const runs = await queue.nextRuns();
            if (runs['jm.test.tick'] !== null) return runs['jm.test.tick'];
            await new Promise((r) => setTimeout(r, 50));
          }
        } finally {
          await queue.close();
        }
      };
      const declared = Date.now();
      expect(await next(false)).toBeLessThan(declared + hour / 2);
      expect(await next(true)).toBeGreaterThanOrEqual(declared + hour);
    },
  );

  describe('on Redis Cluster', () => {
    const onCluster = CLUSTER_NODES.length ? it : it.skip;
    let cluster: Cluster;
    beforeAll(() => {
      if (!CLUSTER_NODES.length) return;
      const { nodes, redisOptions } = clusterSeeds(CLUSTER_NODES);
      cluster = new Cluster(nodes, { redisOptions });
    });
    afterAll(async () => {
      await cluster?.quit();
    });

    /** Every key under a prefix, from every master (each holds only its own slots). */
    async function keysUnder(prefix: string): Promise<string[]> {
      const keys: string[] = [];
      for (const node of cluster.nodes('master')) {
        let cursor = '0';
        do {
          const [next, found] = await node.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
          keys.push(...found);
          cursor = next;
        } while (cursor !== '0');
      }
      return keys;
    }

    onCluster('the cluster has several masters, and the queue keys of one prefix all hash to one slot', async () => {
      expect(cluster.nodes('master').length).toBeGreaterThanOrEqual(3);
      const prefix = hashTagged(`jmtest-slot-${Date.now()}`);
      const queue = new BullMqQueue({ clusterNodes: CLUSTER_NODES }, { prefix, runWorker: true });
      try {
        await runTwice(queue, 'slot');
        queue.repeat('jm.test.tick', 3_600_000);
        await new Promise((r) => setTimeout(r, 200));
      } finally {
        await queue.close();
      }
      const keys = await keysUnder(prefix);
      expect(keys.length).toBeGreaterThan(3);
      const slots = new Set(await Promise.all(keys.map((k) => cluster.cluster('KEYSLOT', k))));
      expect(slots.size).toBe(1);
      await Promise.all(keys.map((k) => cluster.del(k)));
      expect(await welcomes()).toBe(1);
    });

    onCluster(
      "the app's own queue prefix carries a hash tag; an untagged prefix is refused before any key is written",
      async () => {
        expect(await keysUnder(hashTagged(process.env.QUEUE_PREFIX!))).not.toHaveLength(0);
        expect(
          () => new BullMqQueue({ clusterNodes: CLUSTER_NODES }, { prefix: 'jm-untagged', runWorker: false }),
        ).toThrow(/hash tag/);
      },
    );
  });
});
