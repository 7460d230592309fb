import type { AddressInfo } from 'node:net';
import { loadConfig } from '@engine/config';
import { bootLogger, createApp } from '../api/create-app';
import { reportStartFailure, stopOnSignals } from '../api/process-lifecycle';

/**
 * The queue worker: the same modules as the API, no HTTP listener. Run it beside API replicas
 * started with WORKER=off, both pointing at the same DATABASE_URL and REDIS_URL. Its liveness check
 * is /health on the internal port (METRICS_PORT), which also serves its /metrics.
 */
async function main(): Promise<void> {
  const config = { ...loadConfig(), runWorkers: true, seedDemo: false };
  if (!config.redisUrl && !config.redisClusterNodes.length)
    throw new Error('the worker needs REDIS_URL or REDIS_CLUSTER_NODES (without them, the API runs jobs in-process)');
  const created = await createApp(config);
  stopOnSignals(created);
  bootLogger.log(
    `worker consuming jobs from Redis${created.internal ? `; health and metrics on internal port ${(created.internal.address() as AddressInfo).port}` : ''}`,
  );
}

main().catch((err: unknown) => {
  reportStartFailure(err);
  process.exit(1);
});
