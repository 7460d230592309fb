import { graphql } from '../gql';

export const CasesDocument = graphql(`
  query Cases(
    $tenantCode: String
    $status: CaseStatus
    $openOnly: Boolean
    $overdueOnly: Boolean
    $limit: Int!
    $after: String
  ) {
    cases(
      tenantCode: $tenantCode
      status: $status
      openOnly: $openOnly
      overdueOnly: $overdueOnly
      limit: $limit
      after: $after
    ) {
      nextCursor
      items {
        id
        number
        matter
        status
        channel
        receivedOn
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
  }
`);

export const CaseDocument = graphql(`
  query Case($id: ID!) {
    petitionCase(id: $id) {
      id
      number
      matter
      status
      channel
      category
      location
      receivedAt
      receivedOn
      dueOn
      dueRule
      dueProvisional
      overdue
      repeat
      repeatCount
      groupPetition
      peopleCount
      responsibleUnit {
        id
        name
      }
      responsiblePerson
      ownerLeader
      ownerTier
      ownerRule
      ownedOn
      team
      plan
      resolution
      resolvedAt
      closedAt
      petitioners {
        position
        name
        phone
        idNumber
        address
        masked
        organiser
      }
      history {
        id
        at
        kind
        note
        rule
      }
      progressReports {
        id
        content
        periodStart
        periodEnd
        reportedAt
      }
      reviews {
        id
        status
        acceptedOn
        dueOn
        opinion
        overdue
      }
    }
  }
`);

export const ReportProgressDocument = graphql(`
  mutation ReportCaseProgress($input: ReportCaseProgressInput!) {
    reportCaseProgress(input: $input) {
      id
    }
  }
`);

export const ResolveCaseDocument = graphql(`
  mutation ResolveCase($input: ResolveCaseInput!) {
    resolveCase(input: $input) {
      id
      status
    }
  }
`);

export const AssignCaseDocument = graphql(`
  mutation AssignCase($input: AssignCaseInput!) {
    assignCase(input: $input) {
      id
      status
    }
  }
`);
