import {
  AddMemberUnit,
  ApproveMinutes,
  CreateUser,
  DraftMinutes,
  HoldMeeting,
  MemberUnitsOf,
  ReceivePetition,
  ScheduleMeeting,
  SubmitMinutes,
} from './documents';
import type {
  AddMemberUnitInput,
  CreateUserInput,
  DraftMinutesInput,
  MemberUnitsOfQuery,
  ReceivePetitionInput,
  ReceivePetitionMutation,
  ScheduleMeetingInput,
  ScheduleMeetingMutation,
} from './gql/graphql';
import type { GqlResult, TestApp } from './test-app';

/**
 * Factories over the API (docs/architecture.md, "Tests"): test data is made the way a user makes it,
 * through the GraphQL operation and its rules, with defaults for what a test does not care about.
 * Each returns the created object and throws with the server's errors when the API refuses, so a
 * spec asserts on what it is about, not on set-up.
 */
function created<T>(res: GqlResult<T>, what: string): T {
  if (!res.data || res.errors?.length) throw new Error(`${what} refused: ${JSON.stringify(res.errors)}`);
  return res.data;
}

/** A scheduled meeting of `typeCode` in `tenantCode` (the caller's role must allow it). */
export async function aMeeting(
  t: TestApp,
  token: string,
  input: Pick<ScheduleMeetingInput, 'tenantCode' | 'typeCode'> & Partial<ScheduleMeetingInput>,
): Promise<ScheduleMeetingMutation['scheduleMeeting']> {
  const i: ScheduleMeetingInput = {
    title: `${input.typeCode} 会议`,
    scheduledAt: '2026-10-12T09:00:00+08:00',
    topics: ['研判信访形势'],
    ...input,
  };
  return created(await t.request(ScheduleMeeting, { i }, token), 'scheduleMeeting').scheduleMeeting;
}

/** A petition received in `tenantCode` (a visit by one petitioner unless the input says otherwise). */
export async function aCase(
  t: TestApp,
  token: string,
  input: Pick<ReceivePetitionInput, 'tenantCode'> & Partial<ReceivePetitionInput>,
): Promise<ReceivePetitionMutation['receivePetition']> {
  const i: ReceivePetitionInput = {
    channel: 'VISIT',
    matter: '反映小区道路破损，要求尽快修复。',
    petitioners: [{ name: '张某', phone: '13800000000' }],
    ...input,
  };
  return created(await t.request(ReceivePetition, { i }, token), 'receivePetition').receivePetition;
}

/** The member units of a tenant, as the caller sees them. */
export async function memberUnitsOf(
  t: TestApp,
  token: string,
  code: string,
): Promise<NonNullable<MemberUnitsOfQuery['tenant']>['memberUnits']> {
  const tenant = created(await t.request(MemberUnitsOf, { code }, token), 'tenant').tenant;
  if (!tenant) throw new Error(`tenant ${code} not visible`);
  return tenant.memberUnits;
}

/**
 * 镇司法所 added to `tenantCode` by its office, with its MEMBER_UNIT user `justice`, signed in (the demo
 * towns have no member units). Returns the unit's id and the user's token.
 */
export async function aMemberUnitWithUser(
  t: TestApp,
  office: string,
  tenantCode: string,
): Promise<{ unitId: string; token: string }> {
  const unit: AddMemberUnitInput = { tenantCode, name: '镇司法所', kind: 'DEPARTMENT', reason: '负责矛盾纠纷调处' };
  const unitId = created(await t.request(AddMemberUnit, { i: unit }, office), 'addMemberUnit').addMemberUnit.id;
  const user: CreateUserInput = {
    tenantCode,
    username: 'justice',
    password: 'justice-password-1',
    displayName: '司法所',
    roles: ['MEMBER_UNIT'],
    memberUnitId: unitId,
  };
  created(await t.request(CreateUser, { i: user }, office), 'createUser');
  return { unitId, token: await t.login(tenantCode, user.username, user.password) };
}

/**
 * Minutes approved by the convener, of a meeting `office` scheduled with `unitId` invited and held with
 * it present at the scheduled time; returns the minutes' id (still to be issued).
 */
export async function approvedMinutes(
  t: TestApp,
  office: string,
  convener: string,
  meeting: Pick<ScheduleMeetingInput, 'tenantCode' | 'typeCode' | 'title' | 'scheduledAt' | 'topics'> & {
    unitId: string;
  },
  minutes: Pick<DraftMinutesInput, 'body' | 'agreedItems'>,
): Promise<string> {
  const { unitId, ...input } = meeting;
  const { id: meetingId } = await aMeeting(t, office, { ...input, invitedUnitIds: [unitId] });
  const hold = {
    meetingId,
    heldAt: meeting.scheduledAt,
    attendance: [{ memberUnitId: unitId, attendance: 'PRESENT' as const }],
  };
  created(await t.request(HoldMeeting, { i: hold }, office), 'holdMeeting');
  const { id } = created(
    await t.request(DraftMinutes, { i: { meetingId, ...minutes } }, office),
    'draftMinutes',
  ).draftMinutes;
  created(await t.request(SubmitMinutes, { id }, office), 'submitMinutes');
  created(await t.request(ApproveMinutes, { i: { minutesId: id } }, convener), 'approveMinutes');
  return id;
}
