import { RequestContext } from '@engine/context';
import type { Db } from './db';

export interface DeploymentRow {
  id: string;
  piiKeyCheck: string | null;
}

/** The database's deployment row, created on first use (replicas starting together get the same one). */
export async function deploymentRow(db: Db): Promise<DeploymentRow> {
  return db.run(RequestContext.platform(), async ({ em }) => {
    await em.query(`INSERT INTO deployment (singleton) VALUES (true) ON CONFLICT (singleton) DO NOTHING`);
    const [row] = (await em.query(`SELECT id, pii_key_check FROM deployment`)) as {
      id: string;
      pii_key_check: string | null;
    }[];
    return { id: row.id, piiKeyCheck: row.pii_key_check };
  });
}

/** Records the key's check value unless one is recorded; answers the recorded one. */
export async function recordPiiKeyCheck(db: Db, checkValue: string): Promise<string> {
  return db.run(RequestContext.platform(), async ({ em }) => {
    await em.query(`UPDATE deployment SET pii_key_check = $1 WHERE pii_key_check IS NULL`, [checkValue]);
    const [row] = (await em.query(`SELECT pii_key_check FROM deployment`)) as { pii_key_check: string }[];
    return row.pii_key_check;
  });
}
