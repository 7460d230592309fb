/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type AddMemberUnitInput = {
  kind: MemberUnitKind;
  name: string;
  reason: string;
  tenantCode: string;
};

export type AgreedItemInput = {
  content: string;
  due: DueInput;
  ownerUnitIds: Array<string | number>;
};

export type AssigningLevel =
  | 'CITY'
  | 'COUNTY'
  | 'DISTRICT'
  | 'PROVINCE'
  | 'TOWN';

export type Attendance =
  | 'ABSENT'
  | 'PRESENT';

export type AttendanceInput = {
  absenceReason?: string | null | undefined;
  attendance: Attendance;
  memberUnitId: string | number;
};

export type CaseAttachmentInput = {
  kind?: string | null | undefined;
  name: string;
  reference?: string | null | undefined;
};

/** 来信 / 来访 / 电话 / 网上 / 上级交办 / 网格上报 */
export type CaseChannel =
  | 'ASSIGNED'
  | 'GRID_REPORT'
  | 'LETTER'
  | 'ONLINE'
  | 'PHONE'
  | 'VISIT';

/** Source and severity of a case, as ownership tiers name them (003 §二). */
export type CaseSource =
  | 'ASSIGNED_FROM_ABOVE'
  | 'BEIJING_PETITION'
  | 'COUNTY_SCREENED_KEY'
  | 'GROUP_TO_PROVINCE'
  | 'LISTED_BY_CITY'
  | 'LISTED_BY_PROVINCE_OR_ABOVE'
  | 'LOCAL'
  | 'PROVINCIAL_PETITION';

export type CreateUserInput = {
  displayName: string;
  memberUnitId?: string | number | null | undefined;
  password: string;
  reason?: string | null | undefined;
  roles: Array<Role>;
  tenantCode: string;
  username: string;
};

export type DraftMinutesInput = {
  agreedItems?: Array<AgreedItemInput>;
  body: string;
  meetingId: string | number;
};

export type DueInput = {
  amount?: number | null | undefined;
  /** YYYY-MM-DD (Beijing time). */
  date?: string | null | undefined;
  /** WORKING_DAYS or CALENDAR_DAYS */
  unit?: string | null | undefined;
};

export type GuestInput = {
  name: string;
  organisation?: string | null | undefined;
};

export type HoldMeetingInput = {
  attendance: Array<AttendanceInput>;
  chairName?: string | null | undefined;
  chairPost?: string | null | undefined;
  heldAt: string;
  meetingId: string | number;
};

export type MeetingStatus =
  | 'CANCELLED'
  | 'HELD'
  | 'SCHEDULED';

/** TOWNSHIP: a child tenant sitting in its parent's joint meeting. */
export type MemberUnitKind =
  | 'COMMUNITY'
  | 'DEPARTMENT'
  | 'TOWNSHIP'
  | 'VILLAGE';

export type MinutesDecisionInput = {
  comment?: string | null | undefined;
  minutesId: string | number;
};

export type MinutesStatus =
  | 'APPROVED'
  | 'DRAFT'
  | 'ISSUED'
  | 'RETURNED'
  | 'SUBMITTED';

export type PetitionerInput = {
  address?: string | null | undefined;
  /** Resident identity number; validated, stored encrypted, matched by keyed hash. */
  idNumber?: string | null | undefined;
  name: string;
  /** Organiser of a group petition (组织、策划集体上访的关键人物, 004). */
  organiser?: boolean | null | undefined;
  phone?: string | null | undefined;
};

export type ReceivePetitionInput = {
  /** Required for ASSIGNED cases. */
  assignedByLevel?: AssigningLevel | null | undefined;
  attachments?: Array<CaseAttachmentInput> | null | undefined;
  /** A category code; one of the plugin's categories when it lists any. */
  category?: string | null | undefined;
  channel: CaseChannel;
  /** For visits: why the leader on reception duty must recuse (与信访事项或信访人有直接利害关系, 004 領導接待日制度 7). */
  dutyLeaderConflict?: string | null | undefined;
  grid?: string | null | undefined;
  /** Signed jointly (联名). */
  jointSigned?: boolean | null | undefined;
  location?: string | null | undefined;
  /** The village or community (a member unit) the matter belongs to. */
  locationUnitId?: string | null | undefined;
  /** What the petitioner asks (诉求内容). */
  matter: string;
  /** How many people came or signed; default the number of petitioners. */
  peopleCount?: number | null | undefined;
  petitioners: Array<PetitionerInput>;
  /** Signed with the petitioner's name (署名). */
  signed?: boolean | null | undefined;
  /** Petitioned above the competent level (越级访). */
  skipLevel?: boolean | null | undefined;
  /** Source and severity for ownership tiers; default LOCAL (ASSIGNED_FROM_ABOVE for assigned cases). */
  source?: CaseSource | null | undefined;
  tenantCode: string;
};

/** Platform roles (see the README, "Roles") */
export type Role =
  | 'CHIEF_CONVENER'
  | 'CONVENER'
  | 'MEMBER_UNIT'
  | 'OFFICE_DIRECTOR'
  | 'PLATFORM_ADMIN'
  | 'SUPERIOR'
  | 'VILLAGE_SECRETARY';

export type ScheduleMeetingInput = {
  adHoc?: boolean;
  escalatedFromMeetingId?: string | number | null | undefined;
  guests?: Array<GuestInput>;
  invitedUnitIds?: Array<string | number> | null | undefined;
  location?: string | null | undefined;
  scheduledAt: string;
  tenantCode: string;
  title: string;
  topics?: Array<string>;
  typeCode: string;
};

export type ScheduleMeetingMutationVariables = Exact<{
  i: ScheduleMeetingInput;
}>;


export type ScheduleMeetingMutation = { scheduleMeeting: { id: string, status: MeetingStatus, scheduledAt: string } };

export type ReceivePetitionMutationVariables = Exact<{
  i: ReceivePetitionInput;
}>;


export type ReceivePetitionMutation = { receivePetition: { id: string, number: string, dueOn: string | null } };

export type MemberUnitsOfQueryVariables = Exact<{
  code: string;
}>;


export type MemberUnitsOfQuery = { tenant: { memberUnits: Array<{ id: string, name: string, kind: MemberUnitKind }> } | null };

export type AddMemberUnitMutationVariables = Exact<{
  i: AddMemberUnitInput;
}>;


export type AddMemberUnitMutation = { addMemberUnit: { id: string } };

export type CreateUserMutationVariables = Exact<{
  i: CreateUserInput;
}>;


export type CreateUserMutation = { createUser: { id: string } };

export type HoldMeetingMutationVariables = Exact<{
  i: HoldMeetingInput;
}>;


export type HoldMeetingMutation = { holdMeeting: { id: string } };

export type DraftMinutesMutationVariables = Exact<{
  i: DraftMinutesInput;
}>;


export type DraftMinutesMutation = { draftMinutes: { id: string } };

export type SubmitMinutesMutationVariables = Exact<{
  id: string | number;
}>;


export type SubmitMinutesMutation = { submitMinutes: { status: MinutesStatus } };

export type ApproveMinutesMutationVariables = Exact<{
  i: MinutesDecisionInput;
}>;


export type ApproveMinutesMutation = { approveMinutes: { status: MinutesStatus } };


export const ScheduleMeetingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ScheduleMeeting"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"i"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ScheduleMeetingInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scheduleMeeting"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"i"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"scheduledAt"}}]}}]}}]} as unknown as DocumentNode<ScheduleMeetingMutation, ScheduleMeetingMutationVariables>;
export const ReceivePetitionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReceivePetition"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"i"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReceivePetitionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"receivePetition"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"i"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"dueOn"}}]}}]}}]} as unknown as DocumentNode<ReceivePetitionMutation, ReceivePetitionMutationVariables>;
export const MemberUnitsOfDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MemberUnitsOf"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tenant"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"memberUnits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}}]}}]} as unknown as DocumentNode<MemberUnitsOfQuery, MemberUnitsOfQueryVariables>;
export const AddMemberUnitDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddMemberUnit"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"i"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddMemberUnitInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addMemberUnit"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"i"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<AddMemberUnitMutation, AddMemberUnitMutationVariables>;
export const CreateUserDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateUser"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"i"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateUserInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createUser"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"i"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<CreateUserMutation, CreateUserMutationVariables>;
export const HoldMeetingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"HoldMeeting"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"i"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"HoldMeetingInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"holdMeeting"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"i"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<HoldMeetingMutation, HoldMeetingMutationVariables>;
export const DraftMinutesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DraftMinutes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"i"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DraftMinutesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"draftMinutes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"i"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<DraftMinutesMutation, DraftMinutesMutationVariables>;
export const SubmitMinutesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SubmitMinutes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitMinutes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"minutesId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<SubmitMinutesMutation, SubmitMinutesMutationVariables>;
export const ApproveMinutesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ApproveMinutes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"i"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MinutesDecisionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"approveMinutes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"i"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<ApproveMinutesMutation, ApproveMinutesMutationVariables>;