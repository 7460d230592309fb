import { defineContext } from '@engine/manifest';
import { SUPERVISION_KEYED_LISTS } from './keyed-lists';
import { SupervisionModule } from './supervision.module';
import { SupervisionNotice, SupervisionNoticeEntry } from './notices/notice.entity';
import { SupervisionAction } from './ladder/action.entity';
import { SupervisionFlag } from './ladder/flag.entity';
import { SupervisionProposal } from './ladder/proposal.entity';
import { OutboxMessage } from './outbox/outbox-message.entity';
import { Assessment } from './assessment/assessment.entity';
import { supervisionRules } from './supervision.abilities';
export * from './supervision.module';
export * from './supervision.abilities';
export * from './notices/notice.entity';
export * from './ladder/action.entity';
export * from './outbox/outbox-message.entity';
export * from './assessment/assessment.entity';
export * from './ladder/flag.entity';
export * from './ladder/ladder.service';
export * from './notices/notices.service';
export * from './outbox/outbox.service';
export * from './outbox/channels';

/** The supervision context's manifest, listed in apps/api/contexts.ts. */
export const supervisionContext = defineContext({
  name: 'supervision',
  module: SupervisionModule,
  entities: [
    SupervisionNotice,
    SupervisionNoticeEntry,
    SupervisionAction,
    SupervisionFlag,
    SupervisionProposal,
    OutboxMessage,
    Assessment,
  ],
  rules: [supervisionRules],
  keyedLists: SUPERVISION_KEYED_LISTS,
});
