import { loadConfig } from '@engine/config';
import { bootLogger, createApp } from './create-app';

async function main(): Promise<void> {
  const config = loadConfig();
  const { app, database } = await createApp(config);
  await app.listen(config.port);
  bootLogger.log(
    `API on http://localhost:${config.port}/graphql (database: ${database.mode}${database.mode === 'embedded' ? ` in ${config.dataDir}` : ''}, jobs: ${config.redisClusterNodes.length ? 'BullMQ on Redis Cluster' : config.redisUrl ? 'BullMQ' : 'in-process'})` +
      (config.graphiql ? `; GraphiQL on http://localhost:${config.port}/graphiql` : ''),
  );
}

main().catch((err: unknown) => {
  bootLogger.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
