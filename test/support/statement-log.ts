import type { DataSource, Logger, QueryRunner } from 'typeorm';

/** Every SQL statement the app sends from now on (TypeORM's logger sees them all), for counting. */
export function statementLog(dataSource: DataSource): { readonly statements: string[]; clear(): void } {
  const log = { statements: [] as string[], clear: () => void log.statements.splice(0) };
  const logger = dataSource.logger;
  const counting: Logger = Object.assign(Object.create(logger) as Logger, {
    logQuery(query: string, parameters?: unknown[], runner?: QueryRunner) {
      log.statements.push(query);
      logger.logQuery(query, parameters, runner);
    },
  });
  (dataSource as unknown as { logger: Logger }).logger = counting;
  return log;
}
