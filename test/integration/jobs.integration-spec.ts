import { RequestContext } from '@engine/context';
import { Cluster } from 'ioredis';
import { BullMqQueue } from '@engine/jobs/bullmq.queue';
import { InProcessQueue, clusterSeeds, hashTagged, type JobQueue, type RedisTarget } from '@engine/jobs';
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

  /**
   * Bounded concurrency (JOB_CONCURRENCY, issue 18): one job per tenant, each held at a gate until the test
   * opens it, then reading in its tenant's scope. Behaviour only: how many run at once, never how fast.
   */
  describe('tenants in parallel, at most K at a time', () => {
    const K = 3;
    const JOB = 'jm.test.tenant';
    let tenantIds: string[];
    beforeAll(async () => {
      tenantIds = await db.run(RequestContext.platform(), async ({ em }) =>
        (await em.find(Tenant, { order: { code: 'ASC' } })).map((x) => x.id),
      );
      expect(tenantIds.length).toBeGreaterThan(K + 1);
    });

    interface Gated {
      running: number;
      most: number;
      started: string[];
      done: Set<string>;
      open(): void;
    }
    /** Registers the gated job; `failing`: a tenant whose job always throws (after the gate). */
    function gated(queue: JobQueue, failing?: string): Gated {
      let open!: () => void;
      const gate = new Promise<void>((resolve) => (open = resolve));
      const g: Gated = { running: 0, most: 0, started: [], done: new Set(), open };
      queue.register({
        name: JOB,
        handle: async ({ tenantId }: { tenantId: string }) => {
          g.running += 1;
          g.most = Math.max(g.most, g.running);
          g.started.push(tenantId);
          try {
            await gate;
            await db.run(RequestContext.forTenantJob(tenantId), ({ em }) =>
              em.query(`SELECT count(*) FROM notification`),
            );
            if (tenantId === failing) throw new Error('this tenant fails');
            g.done.add(tenantId);
          } finally {
            g.running -= 1;
          }
        },
      });
      return g;
    }
    const until = async (condition: () => boolean): Promise<void> => {
      while (!condition()) await new Promise((r) => setTimeout(r, 10));
    };
    /** A moment for a wrongly started (K+1)th job to show; the assertions never depend on its length. */
    const settle = () => new Promise((r) => setTimeout(r, 200));

    async function allComplete(queue: JobQueue, prefix: string): Promise<void> {
      const g = gated(queue);
      await queue.start();
      for (const id of tenantIds) await queue.enqueue(JOB, { tenantId: id }, { jobId: `${prefix}.${id}` });
      await until(() => g.started.length === K);
      await settle();
      expect(g.started).toHaveLength(K);
      g.open();
      await queue.whenIdle();
      expect(g.most).toBe(K);
      expect([...g.done].sort()).toEqual([...tenantIds].sort());
    }

    async function failureBlocksNone(queue: JobQueue, prefix: string): Promise<void> {
      const failures: string[] = [];
      queue.onFailure((job) => failures.push(job));
      const g = gated(queue, tenantIds[0]);
      g.open();
      await queue.start();
      for (const id of tenantIds) await queue.enqueue(JOB, { tenantId: id }, { jobId: `${prefix}.${id}` });
      await until(() => g.done.size === tenantIds.length - 1 && failures.includes(JOB));
      await queue.whenIdle();
      expect(g.most).toBeLessThanOrEqual(K);
      expect([...g.done].sort()).toEqual(tenantIds.slice(1).sort());
    }

    /** close() resolves only after every job that had started finished (the database stays until then). */
    async function closeWaits(queue: JobQueue, prefix: string): Promise<Gated> {
      const g = gated(queue);
      await queue.start();
      for (const id of tenantIds) await queue.enqueue(JOB, { tenantId: id }, { jobId: `${prefix}.${id}` });
      await until(() => g.started.length === K);
      let closed = false;
      const closing = queue.close().then(() => (closed = true));
      await settle();
      expect(closed).toBe(false);
      g.open();
      await closing;
      expect(g.running).toBe(0);
      expect(g.started.every((id) => g.done.has(id))).toBe(true);
      return g;
    }

    it('in-process: N tenant jobs run at most K at a time, and all complete', async () => {
      const queue = new InProcessQueue(3, 5, null, K);
      await allComplete(queue, 'par');
      await queue.close();
    });

    it('in-process: a failing job blocks none of the others', async () => {
      const queue = new InProcessQueue(2, 5, null, K);
      await failureBlocksNone(queue, 'parfail');
      await queue.close();
    });

    it('in-process: close waits for the running jobs and drops the waiting ones', async () => {
      const g = await closeWaits(new InProcessQueue(3, 5, null, K), 'parclose');
      expect(g.started).toHaveLength(K);
      expect(g.done.size).toBe(K);
    });

    it('in-process: concurrency 1 is one job at a time', async () => {
      const queue = new InProcessQueue(3, 5, null, 1);
      const g = gated(queue);
      g.open();
      await queue.start();
      for (const id of tenantIds) await queue.enqueue(JOB, { tenantId: id }, { jobId: `par1.${id}` });
      await queue.whenIdle();
      await queue.close();
      expect(g.most).toBe(1);
      expect(g.done.size).toBe(tenantIds.length);
    });

    const onRedis = REDIS ? it : it.skip;
    const bull = (name: string) =>
      new BullMqQueue(REDIS!, { prefix: hashTagged(`jmtest-${name}-${Date.now()}`), runWorker: true, concurrency: K });

    onRedis('BullMQ: N tenant jobs run at most K at a time per worker, and all complete', async () => {
      const queue = bull('par');
      try {
        await allComplete(queue, 'par');
      } finally {
        await queue.close();
      }
    });

    onRedis('BullMQ: a failing job blocks none of the others', async () => {
      const queue = bull('parfail');
      try {
        await failureBlocksNone(queue, 'parfail');
      } finally {
        await queue.close();
      }
    });

    onRedis('BullMQ: close waits for the running jobs', async () => {
      const g = await closeWaits(bull('parclose'), 'parclose');
      expect(g.started.length).toBeGreaterThanOrEqual(K);
    });
  });

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
