import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The superiors' evidence of proposed, confirmed and dismissed steps in words (issue 13): the function
 * behind `supervisionEvidence(PROPOSED_STEPS | CONFIRMED_STEPS | DISMISSED_STEPS)` also returns the
 * proposal's trigger as the source words it (`facts.summary`: 连续2次定期通报排名后3位, 经办公室认定：发生进京走访越级访),
 * so the view shows the rule's words and article instead of the rule id.
 */
export class ProposalEvidenceWords1764720001000 implements MigrationInterface {
  name = 'ProposalEvidenceWords1764720001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP FUNCTION IF EXISTS supervision_status_proposals(uuid, text, integer, integer);
      CREATE FUNCTION supervision_status_proposals(t uuid, proposal_status text, lim integer, skip integer)
      RETURNS TABLE (id uuid, rule_id text, rule_source text, step text, status text, proposed_at timestamptz, decided_at timestamptz,
                     decided_kind text, unit_name text, case_number text, action_number text, summary text)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT p.id, p.rule_id, p.rule_source, p.step, p.status, p.proposed_at, p.decided_at, p.decision ->> 'kind', u.name, c.number, a.number,
               p.facts ->> 'summary'
        FROM supervision_proposal p
        LEFT JOIN member_unit u ON u.id = p.target_unit_id
        LEFT JOIN petition_case c ON c.id = p.case_id
        LEFT JOIN supervision_action a ON a.tenant_id = p.tenant_id AND a.id = p.action_id
        WHERE t = ANY ((SELECT app_read_tenants())::uuid[])
          AND coalesce(p.target_tenant_id, p.tenant_id) = t AND p.status = proposal_status
        ORDER BY p.proposed_at DESC, p.id
        LIMIT lim OFFSET skip
      $$;
      REVOKE ALL ON FUNCTION supervision_status_proposals(uuid, text, integer, integer) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION supervision_status_proposals(uuid, text, integer, integer) TO jm_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP FUNCTION IF EXISTS supervision_status_proposals(uuid, text, integer, integer);
      CREATE FUNCTION supervision_status_proposals(t uuid, proposal_status text, lim integer, skip integer)
      RETURNS TABLE (id uuid, rule_id text, rule_source text, step text, status text, proposed_at timestamptz, decided_at timestamptz,
                     decided_kind text, unit_name text, case_number text, action_number text)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT p.id, p.rule_id, p.rule_source, p.step, p.status, p.proposed_at, p.decided_at, p.decision ->> 'kind', u.name, c.number, a.number
        FROM supervision_proposal p
        LEFT JOIN member_unit u ON u.id = p.target_unit_id
        LEFT JOIN petition_case c ON c.id = p.case_id
        LEFT JOIN supervision_action a ON a.tenant_id = p.tenant_id AND a.id = p.action_id
        WHERE t = ANY ((SELECT app_read_tenants())::uuid[])
          AND coalesce(p.target_tenant_id, p.tenant_id) = t AND p.status = proposal_status
        ORDER BY p.proposed_at DESC, p.id
        LIMIT lim OFFSET skip
      $$;
      REVOKE ALL ON FUNCTION supervision_status_proposals(uuid, text, integer, integer) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION supervision_status_proposals(uuid, text, integer, integer) TO jm_app;
    `);
  }
}
