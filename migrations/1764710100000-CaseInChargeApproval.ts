import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 004 首问责任制度 3 (对反映本辖区范围内的问题，要及时送交分管领导审批，迅速组织调查、答复): a case sent to the leader
 * in charge for approval keeps the record — the leader, who sent it and when, the approval (instruction, who
 * recorded it, when). One nullable jsonb column of `petition_case`, covered by the table's RLS and audit.
 */
export class CaseInChargeApproval1764710100000 implements MigrationInterface {
  name = 'CaseInChargeApproval1764710100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE petition_case ADD COLUMN in_charge_approval jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE petition_case DROP COLUMN in_charge_approval`);
  }
}
