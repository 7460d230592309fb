import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 12 item 8: RECUSED steps named the recused leader — often a petitioner — in clear. New steps
 * seal the name (recusedEnc, as petitioners' names). Steps written before cannot be sealed here (the
 * key is not the database's), so their clear name is replaced by its mask (`冯**`). `down` cannot
 * bring the clear names back and leaves the masks.
 */
export class RecusalSealed1764510000000 implements MigrationInterface {
  name = 'RecusalSealed1764510000000';

  async up(q: QueryRunner): Promise<void> {
    // Every tenant's rows: the owner is held by FORCE ROW LEVEL SECURITY too, lifted for this statement only.
    await q.query(`ALTER TABLE case_event NO FORCE ROW LEVEL SECURITY`);
    await q.query(`
      UPDATE case_event
         SET data = (data - 'recused') || jsonb_build_object('recused',
               CASE WHEN char_length(data->>'recused') <= 1 THEN '***' ELSE left(data->>'recused', 1) || '**' END)
       WHERE kind = 'RECUSED' AND data ? 'recused' AND NOT data ? 'recusedEnc'
    `);
    await q.query(`ALTER TABLE case_event FORCE ROW LEVEL SECURITY`);
  }

  async down(): Promise<void> {
    // Nothing to undo: the masked names stay masked.
  }
}
