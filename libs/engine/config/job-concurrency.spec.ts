import { ConfigError, loadConfig } from './config';

describe('JOB_CONCURRENCY', () => {
  const PG = { DATABASE_URL: 'postgres://db/jm', JWT_SECRET: 'j'.repeat(40) };

  it('defaults to 4 on PostgreSQL and 1 on the embedded database', () => {
    expect(loadConfig(PG).jobConcurrency).toBe(4);
    expect(loadConfig({}).jobConcurrency).toBe(1);
  });

  it('takes 1 to 64 on PostgreSQL', () => {
    expect(loadConfig({ ...PG, JOB_CONCURRENCY: '1' }).jobConcurrency).toBe(1);
    expect(loadConfig({ ...PG, JOB_CONCURRENCY: '16' }).jobConcurrency).toBe(16);
    for (const bad of ['0', '65', 'four', '-2'])
      expect(() => loadConfig({ ...PG, JOB_CONCURRENCY: bad })).toThrow(ConfigError);
  });

  it('is refused above 1 on the embedded database (one connection), and named', () => {
    expect(loadConfig({ JOB_CONCURRENCY: '1' }).jobConcurrency).toBe(1);
    expect(() => loadConfig({ JOB_CONCURRENCY: '2' })).toThrow(/JOB_CONCURRENCY: must be 1 on the embedded database/);
  });
});
