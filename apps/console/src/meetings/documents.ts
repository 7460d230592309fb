import { graphql } from '../gql';

export const MeetingDocument = graphql(`
  query Meeting($id: ID!) {
    meeting(id: $id) {
      id
      title
      typeCode
      scheduledAt
      heldAt
      status
      location
      chairName
      topics
      adHoc
      attendees {
        attendance
        absenceReason
        memberUnit {
          id
          name
        }
      }
      minutes {
        id
        status
        number
        body
        kind
        returnComment
        approvedAt
        issuedAt
        receipts {
          acknowledgedAt
          memberUnit {
            id
            name
          }
        }
        agreedItems {
          id
          content
          dueOn
          dueProvisional
          status
          overdue
          doneAt
          owners {
            id
            name
          }
          reports {
            id
            body
            status
            createdAt
            reviewComment
          }
        }
      }
    }
  }
`);

export const HoldMeetingDocument = graphql(`
  mutation HoldMeeting($input: HoldMeetingInput!) {
    holdMeeting(input: $input) {
      id
      status
      heldAt
    }
  }
`);

export const DraftMinutesDocument = graphql(`
  mutation DraftMinutes($input: DraftMinutesInput!) {
    draftMinutes(input: $input) {
      id
      status
    }
  }
`);

export const SubmitMinutesDocument = graphql(`
  mutation SubmitMinutes($id: ID!) {
    submitMinutes(minutesId: $id) {
      id
      status
    }
  }
`);

export const ApproveMinutesDocument = graphql(`
  mutation ApproveMinutes($input: MinutesDecisionInput!) {
    approveMinutes(input: $input) {
      id
      status
    }
  }
`);

export const ReturnMinutesDocument = graphql(`
  mutation ReturnMinutes($input: MinutesDecisionInput!) {
    returnMinutes(input: $input) {
      id
      status
      returnComment
    }
  }
`);

export const IssueMinutesDocument = graphql(`
  mutation IssueMinutes($id: ID!) {
    issueMinutes(minutesId: $id) {
      id
      status
      number
    }
  }
`);

export const AcknowledgeMinutesDocument = graphql(`
  mutation AcknowledgeMinutes($id: ID!) {
    acknowledgeMinutes(minutesId: $id) {
      id
      receipts {
        acknowledgedAt
        memberUnit {
          id
        }
      }
    }
  }
`);

export const AcceptReportDocument = graphql(`
  mutation AcceptReport($input: ReviewReportInput!) {
    acceptReport(input: $input) {
      id
      status
    }
  }
`);

export const SendBackReportDocument = graphql(`
  mutation SendBackReport($input: ReviewReportInput!) {
    sendBackReport(input: $input) {
      id
      status
    }
  }
`);

export const ReportImplementationDocument = graphql(`
  mutation ReportImplementation($input: ReportInput!) {
    reportImplementation(input: $input) {
      id
      status
    }
  }
`);
