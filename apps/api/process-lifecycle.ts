import { pino } from 'pino';
import { bootLogger, type CreatedApp } from './create-app';

/** On SIGTERM/SIGINT: stop gracefully (requests and jobs drained, logged), then exit. */
export function stopOnSignals(created: CreatedApp): void {
  const stop = (signal: string): void => {
    bootLogger.log(`${signal} received`);
    created.close().then(
      () => process.exit(0),
      (err: unknown) => {
        bootLogger.error(`shutdown failed: ${err instanceof Error ? err.message : String(err)}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

/** A start-up failure, before any logger exists: a JSON line where production logs are JSON. */
export function reportStartFailure(err: unknown): void {
  const message = err instanceof Error ? err.message : String(err);
  const json =
    process.env.LOG_FORMAT === 'json' || (process.env.NODE_ENV === 'production' && process.env.LOG_FORMAT !== 'text');
  if (json) pino({ base: { service: 'joint-meeting' }, messageKey: 'msg' }).fatal({ context: 'Main' }, message);
  else bootLogger.error(message);
  process.exitCode = 1;
}
