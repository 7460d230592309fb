import { graphql } from '../gql';

export const InboxDocument = graphql(`
  query Inbox($tenantCode: String!) {
    meetings: meetingsPage(tenantCode: $tenantCode, limit: 100) {
      items {
        id
        title
        scheduledAt
        minutes {
          id
          status
          number
          issuedAt
          receipts {
            acknowledgedAt
            memberUnit {
              id
            }
          }
        }
      }
    }
    agreedItems: agreedItemsPage(tenantCode: $tenantCode, status: OPEN, limit: 200) {
      items {
        id
        content
        dueOn
        overdue
        status
        owners {
          id
          name
        }
        reports {
          id
          status
          createdAt
          reviewComment
        }
      }
    }
    cases(tenantCode: $tenantCode, openOnly: true, limit: 100) {
      items {
        id
        number
        matter
        status
        dueOn
        overdue
        ownerLeader
        responsibleUnit {
          id
          name
        }
        petitioners {
          position
          name
          phone
          idNumber
          address
          masked
        }
      }
    }
    sensitiveReports: sensitiveReportsPage(tenantCode: $tenantCode, status: NOTIFIED, limit: 100) {
      items {
        id
        content
        occurredAt
        verifyDueOn
        verificationOverdue
        returnComment
        instructions
        responsibleUnit {
          id
          name
        }
      }
    }
  }
`);

export const VerifySensitiveDocument = graphql(`
  mutation VerifySensitive($input: VerifySensitiveInformationInput!) {
    verifySensitiveInformation(input: $input) {
      id
      status
    }
  }
`);
