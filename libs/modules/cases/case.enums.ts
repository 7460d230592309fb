import { registerEnumType } from '@nestjs/graphql';

// The cases context's vocabularies: the enums and JSON records a petition case carries (re-exported by case.entity.ts).

/** An urgent petition's record (002 §三 协调处理紧急信访问题); the deadline's basis says where its figure comes from. */
export interface UrgencyRecord {
  reason: string;
  rule: string;
  markedAt: string;
  markedById: string;
  coordinateBy: string;
  dueProvisional: boolean;
  deadline: { amount: number; unit: string; source: string | null; platformDefault: boolean; words: string };
  coordinatedAt: string | null;
  coordinatedById: string | null;
  measures: string | null;
}

/** 004 首问责任制度 3: the leader in charge's approval (分管领导审批) of a matter within the remit. */
export interface InChargeApprovalRecord {
  status: 'PENDING' | 'DONE';
  leader: string;
  leaderUserId: string | null;
  rule: string;
  requestedAt: string;
  requestedById: string;
  instruction: string | null;
  approvedAt: string | null;
  recordedById: string | null;
}

/** How a petition came in (信访形式). ASSIGNED: handed down by a higher level (上级交办). */
export enum CaseChannel {
  LETTER = 'LETTER',
  VISIT = 'VISIT',
  PHONE = 'PHONE',
  ONLINE = 'ONLINE',
  ASSIGNED = 'ASSIGNED',
  GRID_REPORT = 'GRID_REPORT',
}
registerEnumType(CaseChannel, { name: 'CaseChannel', description: '来信 / 来访 / 电话 / 网上 / 上级交办 / 网格上报' });

/** The level that assigned a case (交办层级). */
export enum AssigningLevel {
  PROVINCE = 'PROVINCE',
  CITY = 'CITY',
  COUNTY = 'COUNTY',
  DISTRICT = 'DISTRICT',
  TOWN = 'TOWN',
}
registerEnumType(AssigningLevel, { name: 'AssigningLevel' });

/** Where a case stands for ownership tiers (003 §二); the plugin's tiers map these to a leader tier. */
export enum CaseSource {
  LISTED_BY_PROVINCE_OR_ABOVE = 'LISTED_BY_PROVINCE_OR_ABOVE',
  BEIJING_PETITION = 'BEIJING_PETITION',
  GROUP_TO_PROVINCE = 'GROUP_TO_PROVINCE',
  LISTED_BY_CITY = 'LISTED_BY_CITY',
  PROVINCIAL_PETITION = 'PROVINCIAL_PETITION',
  COUNTY_SCREENED_KEY = 'COUNTY_SCREENED_KEY',
  ASSIGNED_FROM_ABOVE = 'ASSIGNED_FROM_ABOVE',
  LOCAL = 'LOCAL',
}
registerEnumType(CaseSource, {
  name: 'CaseSource',
  description: 'Source and severity of a case, as ownership tiers name them (003 §二).',
});

/**
 * RECEIVED (登记) → ASSIGNED (归口交办) → RESOLVED (化解) → CLOSED (结案销号); or, outside the tenant's
 * remit, TRANSFERRED (转送) or GUIDED (引导到有权处理的部门).
 */
export enum CaseStatus {
  RECEIVED = 'RECEIVED',
  ASSIGNED = 'ASSIGNED',
  RESOLVED = 'RESOLVED',
  CLOSED = 'CLOSED',
  TRANSFERRED = 'TRANSFERRED',
  GUIDED = 'GUIDED',
}
registerEnumType(CaseStatus, {
  name: 'CaseStatus',
  description: 'RECEIVED → ASSIGNED → RESOLVED → CLOSED; TRANSFERRED or GUIDED when outside the remit.',
});

/** Open statuses: the case still runs its clocks. */
export const OPEN_CASE_STATUSES: readonly CaseStatus[] = [CaseStatus.RECEIVED, CaseStatus.ASSIGNED];

export enum LeaderTier {
  PRINCIPAL = 'PRINCIPAL',
  IN_CHARGE = 'IN_CHARGE',
}
registerEnumType(LeaderTier, { name: 'LeaderTier', description: 'PRINCIPAL: 主要领导; IN_CHARGE: 分管领导.' });

export enum Roadmap {
  RESOLVE = 'RESOLVE',
  STABILISE = 'STABILISE',
  STRIKE = 'STRIKE',
}
registerEnumType(Roadmap, { name: 'Roadmap', description: 'Work roadmap (工作路线图): 化解 / 稳控 / 打击.' });

export enum KeyCaseBasis {
  RULE = 'RULE',
  OFFICE = 'OFFICE',
}
registerEnumType(KeyCaseBasis, {
  name: 'KeyCaseBasis',
  description:
    "RULE: the plugin's keyCases rule (003 §二: the cases leaders own are 重点案件); OFFICE: marked or unmarked by the office with a reason.",
});

/** Tiered handling levels (002 §五(二)(三)): grid → community → street/town. */
export enum HandlingLevel {
  GRID = 'GRID',
  COMMUNITY = 'COMMUNITY',
  TOWN = 'TOWN',
}
registerEnumType(HandlingLevel, {
  name: 'HandlingLevel',
  description: 'Where a case is handled: 网格 / 社区 / 街道(镇).',
});
