import { registerEnumType } from '@nestjs/graphql';

export enum NoticeKind {
  REGULAR = 'REGULAR',
  SPECIAL = 'SPECIAL',
}
registerEnumType(NoticeKind, {
  name: 'NoticeKind',
  description: 'Regular notices (定期通报, ranked) or special notices (专项通报, naming units).',
});

export enum NoticePeriod {
  MONTHLY = 'MONTHLY',
  QUARTERLY = 'QUARTERLY',
  HALF_YEARLY = 'HALF_YEARLY',
  ANNUAL = 'ANNUAL',
}
registerEnumType(NoticePeriod, { name: 'NoticePeriod' });

export enum AssessmentPeriod {
  QUARTERLY = 'QUARTERLY',
  HALF_YEARLY = 'HALF_YEARLY',
  ANNUAL = 'ANNUAL',
}
registerEnumType(AssessmentPeriod, { name: 'AssessmentPeriod' });

export enum SupervisionActionKind {
  REMINDER = 'REMINDER',
  LISTING = 'LISTING',
  INTERVIEW = 'INTERVIEW',
  ACCOUNTABILITY = 'ACCOUNTABILITY',
  NAMED_CRITICISM = 'NAMED_CRITICISM',
}
registerEnumType(SupervisionActionKind, {
  name: 'SupervisionActionKind',
  description: '提醒, 挂牌督办, 约谈, 问责, 点名批评.',
});

/** 一般问题 by SMS, 重点问题 by a numbered reminder letter (the plugin's `reminders.channels`). */
export enum ReminderSeverity {
  GENERAL = 'GENERAL',
  KEY = 'KEY',
}
registerEnumType(ReminderSeverity, { name: 'ReminderSeverity' });

/** Decides who conducts the interview (the plugin's `interviews.conductedBy`). */
export enum InterviewSeverity {
  GENERAL = 'GENERAL',
  SERIOUS = 'SERIOUS',
}
registerEnumType(InterviewSeverity, { name: 'InterviewSeverity' });

export enum OutboxChannel {
  IN_APP = 'IN_APP',
  SMS = 'SMS',
  EMAIL = 'EMAIL',
  LETTER = 'LETTER',
}
registerEnumType(OutboxChannel, { name: 'OutboxChannel' });

export enum OutboxStatus {
  PENDING = 'PENDING',
  SENT = 'SENT',
  FAILED = 'FAILED',
}
registerEnumType(OutboxStatus, { name: 'OutboxStatus' });

/** Statuses of supervision actions, per kind (see migrations/1764100000000-Supervision.ts). */
export const ActionStatus = {
  ISSUED: 'ISSUED',
  RESPONDED: 'RESPONDED',
  ACTIVE: 'ACTIVE',
  DELISTED: 'DELISTED',
  PLANNED: 'PLANNED',
  AWAITING_RECTIFICATION: 'AWAITING_RECTIFICATION',
  RECTIFIED: 'RECTIFIED',
  OVERDUE: 'OVERDUE',
  OPEN: 'OPEN',
  DECIDED: 'DECIDED',
} as const;
registerEnumType(ActionStatus, {
  name: 'SupervisionActionStatus',
  description: 'The status of a supervision action; which ones a kind goes through is per kind.',
});
