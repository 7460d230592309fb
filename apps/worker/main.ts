import { loadConfig } from '@engine/config';
import { bootLogger, createApp } from '../api/create-app';

/**
 * The queue worker: the same modules as the API, no HTTP listener. Run it beside API replicas
 * started with WORKER=off, both pointing at the same DATABASE_URL and REDIS_URL.
 */
async function main(): Promise<void> {
  const config = { ...loadConfig(), runWorkers: true, seedDemo: false };
  if (!config.redisUrl && !config.redisClusterNodes.length) throw new Error('the worker needs REDIS_URL or REDIS_CLUSTER_NODES (without them, the API runs jobs in-process)');
  const { close } = await createApp(config);
  bootLogger.log('worker consuming jobs from Redis');
  const stop = (): void => void close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((err: unknown) => {
  bootLogger.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
