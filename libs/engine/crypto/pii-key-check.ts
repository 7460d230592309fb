import { deploymentRow, recordPiiKeyCheck, type Db } from '@engine/database';
import type { PiiCipher } from './pii-cipher';

const MISMATCH =
  "PII_KEY is not the key this database's personal data was sealed with (its check value differs): start with the original PII_KEY (see docs/operations.md); nothing was read or written";

/**
 * Stops the start when PII_KEY is not the database's key. The first start records the key's check
 * value (on a database from before this check, that is the key it is first started with after the
 * upgrade). Without it a wrong key let the API start and then answered every petitioner read with an
 * internal error (issue 12 item 8).
 */
export async function verifyPiiKey(db: Db, cipher: PiiCipher): Promise<void> {
  const expected = cipher.checkValue();
  const { piiKeyCheck } = await deploymentRow(db);
  // Replicas starting together: the first recorded value wins, and every other one is compared to it.
  const recorded = piiKeyCheck ?? (await recordPiiKeyCheck(db, expected));
  if (recorded !== expected) throw new Error(MISMATCH);
}
