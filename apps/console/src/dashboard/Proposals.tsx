// The ladder's proposed steps awaiting the office's confirmation (supervisionProposals, issue 13).
export function Proposals(_: { tenantCode: string }) {
  return null;
}
