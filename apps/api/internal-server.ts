import { createServer, type Server } from 'node:http';
import type { INestApplicationContext } from '@nestjs/common';
import { DATABASE_HANDLE } from '@engine/core.module';
import { Db, type DatabaseHandle } from '@engine/database';
import { JobQueue } from '@engine/jobs';
import { Metrics } from '@engine/observability';
import { healthReport } from './health.controller';

/**
 * The internal port (METRICS_PORT): /metrics without a token and /health, for the monitoring and the
 * worker's liveness check (`requireQueue`: 503 also when the worker's Redis does not answer). Bind it
 * where only they reach (a compose network, not a published port).
 */
export async function startInternalServer(
  app: INestApplicationContext,
  port: number,
  options: { requireQueue: boolean },
): Promise<Server> {
  const metrics = app.get(Metrics);
  const [db, jobs, database] = [app.get(Db), app.get(JobQueue), app.get<DatabaseHandle>(DATABASE_HANDLE)];
  const server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    const answer = async (): Promise<void> => {
      if (req.method === 'GET' && path === '/metrics') {
        const { contentType, body } = await metrics.render();
        res.writeHead(200, { 'Content-Type': contentType }).end(body);
      } else if (req.method === 'GET' && path === '/health') {
        const report = await healthReport(db, jobs, database);
        // A worker is not alive without its queue; an API process still serves reads.
        const down = report.status === 'unavailable' || (options.requireQueue && !report.queue.reachable);
        res.writeHead(down ? 503 : 200, { 'Content-Type': 'application/json' }).end(JSON.stringify(report));
      } else {
        res.writeHead(404).end();
      }
    };
    answer().catch(() => res.writeHead(500).end());
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, resolve));
  return server;
}
