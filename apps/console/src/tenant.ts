import { useQuery } from '@apollo/client/react';
import { graphql } from './gql';

export const TenantSetupDocument = graphql(`
  query TenantSetup($code: String!) {
    tenant(code: $code) {
      id
      code
      name
      level
      jointMeeting {
        name
        meetingTypes {
          code
          name
          chairRole
          minutesApprovedBy
          attendees
          distribution
        }
      }
      memberUnits {
        id
        name
        kind
        active
      }
    }
  }
`);

/** The tenant's joint meeting (meeting types) and active member units, for forms. */
export function useTenantSetup(code: string | undefined) {
  const { data, loading, error } = useQuery(TenantSetupDocument, {
    variables: { code: code ?? '' },
    skip: !code,
    fetchPolicy: 'cache-first',
  });
  return { tenant: data?.tenant ?? null, loading, error };
}
