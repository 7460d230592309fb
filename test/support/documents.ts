import { graphql } from './gql';

/**
 * The GraphQL documents test factories and specs share, typed from schema.graphql: `t.request(doc, vars)`
 * checks the variables and types the result. After adding or changing one: `node scripts/test-codegen.mjs`.
 */
export const ScheduleMeeting = graphql(`
  mutation ScheduleMeeting($i: ScheduleMeetingInput!) {
    scheduleMeeting(input: $i) {
      id
      status
      scheduledAt
    }
  }
`);

export const ReceivePetition = graphql(`
  mutation ReceivePetition($i: ReceivePetitionInput!) {
    receivePetition(input: $i) {
      id
      number
      dueOn
    }
  }
`);

export const MemberUnitsOf = graphql(`
  query MemberUnitsOf($code: String!) {
    tenant(code: $code) {
      memberUnits {
        id
        name
        kind
      }
    }
  }
`);

export const AddMemberUnit = graphql(`
  mutation AddMemberUnit($i: AddMemberUnitInput!) {
    addMemberUnit(input: $i) {
      id
    }
  }
`);

export const CreateUser = graphql(`
  mutation CreateUser($i: CreateUserInput!) {
    createUser(input: $i) {
      id
    }
  }
`);

export const HoldMeeting = graphql(`
  mutation HoldMeeting($i: HoldMeetingInput!) {
    holdMeeting(input: $i) {
      id
    }
  }
`);

export const DraftMinutes = graphql(`
  mutation DraftMinutes($i: DraftMinutesInput!) {
    draftMinutes(input: $i) {
      id
    }
  }
`);

export const SubmitMinutes = graphql(`
  mutation SubmitMinutes($id: ID!) {
    submitMinutes(minutesId: $id) {
      status
    }
  }
`);

export const ApproveMinutes = graphql(`
  mutation ApproveMinutes($i: MinutesDecisionInput!) {
    approveMinutes(input: $i) {
      status
    }
  }
`);
