/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation ScheduleMeeting($i: ScheduleMeetingInput!) {\n    scheduleMeeting(input: $i) {\n      id\n      status\n      scheduledAt\n    }\n  }\n": typeof types.ScheduleMeetingDocument,
    "\n  mutation ReceivePetition($i: ReceivePetitionInput!) {\n    receivePetition(input: $i) {\n      id\n      number\n      dueOn\n    }\n  }\n": typeof types.ReceivePetitionDocument,
    "\n  query MemberUnitsOf($code: String!) {\n    tenant(code: $code) {\n      memberUnits {\n        id\n        name\n        kind\n      }\n    }\n  }\n": typeof types.MemberUnitsOfDocument,
    "\n  mutation AddMemberUnit($i: AddMemberUnitInput!) {\n    addMemberUnit(input: $i) {\n      id\n    }\n  }\n": typeof types.AddMemberUnitDocument,
    "\n  mutation CreateUser($i: CreateUserInput!) {\n    createUser(input: $i) {\n      id\n    }\n  }\n": typeof types.CreateUserDocument,
    "\n  mutation HoldMeeting($i: HoldMeetingInput!) {\n    holdMeeting(input: $i) {\n      id\n    }\n  }\n": typeof types.HoldMeetingDocument,
    "\n  mutation DraftMinutes($i: DraftMinutesInput!) {\n    draftMinutes(input: $i) {\n      id\n    }\n  }\n": typeof types.DraftMinutesDocument,
    "\n  mutation SubmitMinutes($id: ID!) {\n    submitMinutes(minutesId: $id) {\n      status\n    }\n  }\n": typeof types.SubmitMinutesDocument,
    "\n  mutation ApproveMinutes($i: MinutesDecisionInput!) {\n    approveMinutes(input: $i) {\n      status\n    }\n  }\n": typeof types.ApproveMinutesDocument,
};
const documents: Documents = {
    "\n  mutation ScheduleMeeting($i: ScheduleMeetingInput!) {\n    scheduleMeeting(input: $i) {\n      id\n      status\n      scheduledAt\n    }\n  }\n": types.ScheduleMeetingDocument,
    "\n  mutation ReceivePetition($i: ReceivePetitionInput!) {\n    receivePetition(input: $i) {\n      id\n      number\n      dueOn\n    }\n  }\n": types.ReceivePetitionDocument,
    "\n  query MemberUnitsOf($code: String!) {\n    tenant(code: $code) {\n      memberUnits {\n        id\n        name\n        kind\n      }\n    }\n  }\n": types.MemberUnitsOfDocument,
    "\n  mutation AddMemberUnit($i: AddMemberUnitInput!) {\n    addMemberUnit(input: $i) {\n      id\n    }\n  }\n": types.AddMemberUnitDocument,
    "\n  mutation CreateUser($i: CreateUserInput!) {\n    createUser(input: $i) {\n      id\n    }\n  }\n": types.CreateUserDocument,
    "\n  mutation HoldMeeting($i: HoldMeetingInput!) {\n    holdMeeting(input: $i) {\n      id\n    }\n  }\n": types.HoldMeetingDocument,
    "\n  mutation DraftMinutes($i: DraftMinutesInput!) {\n    draftMinutes(input: $i) {\n      id\n    }\n  }\n": types.DraftMinutesDocument,
    "\n  mutation SubmitMinutes($id: ID!) {\n    submitMinutes(minutesId: $id) {\n      status\n    }\n  }\n": types.SubmitMinutesDocument,
    "\n  mutation ApproveMinutes($i: MinutesDecisionInput!) {\n    approveMinutes(input: $i) {\n      status\n    }\n  }\n": types.ApproveMinutesDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ScheduleMeeting($i: ScheduleMeetingInput!) {\n    scheduleMeeting(input: $i) {\n      id\n      status\n      scheduledAt\n    }\n  }\n"): (typeof documents)["\n  mutation ScheduleMeeting($i: ScheduleMeetingInput!) {\n    scheduleMeeting(input: $i) {\n      id\n      status\n      scheduledAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReceivePetition($i: ReceivePetitionInput!) {\n    receivePetition(input: $i) {\n      id\n      number\n      dueOn\n    }\n  }\n"): (typeof documents)["\n  mutation ReceivePetition($i: ReceivePetitionInput!) {\n    receivePetition(input: $i) {\n      id\n      number\n      dueOn\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MemberUnitsOf($code: String!) {\n    tenant(code: $code) {\n      memberUnits {\n        id\n        name\n        kind\n      }\n    }\n  }\n"): (typeof documents)["\n  query MemberUnitsOf($code: String!) {\n    tenant(code: $code) {\n      memberUnits {\n        id\n        name\n        kind\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddMemberUnit($i: AddMemberUnitInput!) {\n    addMemberUnit(input: $i) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation AddMemberUnit($i: AddMemberUnitInput!) {\n    addMemberUnit(input: $i) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateUser($i: CreateUserInput!) {\n    createUser(input: $i) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CreateUser($i: CreateUserInput!) {\n    createUser(input: $i) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation HoldMeeting($i: HoldMeetingInput!) {\n    holdMeeting(input: $i) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation HoldMeeting($i: HoldMeetingInput!) {\n    holdMeeting(input: $i) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DraftMinutes($i: DraftMinutesInput!) {\n    draftMinutes(input: $i) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation DraftMinutes($i: DraftMinutesInput!) {\n    draftMinutes(input: $i) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitMinutes($id: ID!) {\n    submitMinutes(minutesId: $id) {\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation SubmitMinutes($id: ID!) {\n    submitMinutes(minutesId: $id) {\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApproveMinutes($i: MinutesDecisionInput!) {\n    approveMinutes(input: $i) {\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation ApproveMinutes($i: MinutesDecisionInput!) {\n    approveMinutes(input: $i) {\n      status\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;