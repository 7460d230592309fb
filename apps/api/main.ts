import type { AddressInfo } from 'node:net';
import { loadConfig } from '@engine/config';
import { bootLogger, createApp } from './create-app';
import { reportStartFailure, stopOnSignals } from './process-lifecycle';

async function main(): Promise<void> {
  const config = loadConfig();
  const created = await createApp(config);
  const { app, database } = created;
  await app.listen(config.port);
  stopOnSignals(created);
  const port = (app.getHttpServer().address() as AddressInfo).port;
  bootLogger.log(
    `API on http://localhost:${port}/graphql (database: ${database.mode}${database.mode === 'embedded' ? ` in ${config.dataDir}` : ''}, jobs: ${config.redisClusterNodes.length ? 'BullMQ on Redis Cluster' : config.redisUrl ? 'BullMQ' : 'in-process'})` +
      (config.graphiql ? `; GraphiQL on http://localhost:${port}/graphiql` : '') +
      (created.internal
        ? `; metrics and health on internal port ${(created.internal.address() as AddressInfo).port}`
        : ''),
  );
}

main().catch((err: unknown) => {
  reportStartFailure(err);
  process.exit(1);
});
