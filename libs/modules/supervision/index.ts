import { defineContext } from '@engine/manifest';
import { SupervisionModule } from './supervision.module';
import { SupervisionNotice, SupervisionNoticeEntry } from './notice.entity';
import { SupervisionAction } from './action.entity';
import { SupervisionFlag } from './flag.entity';
import { SupervisionProposal } from './proposal.entity';
import { OutboxMessage } from './outbox-message.entity';
import { Assessment } from './assessment.entity';
import { supervisionRules } from './supervision.abilities';
export * from './supervision.module';
export * from './supervision.abilities';
export * from './notice.entity';
export * from './action.entity';
export * from './outbox-message.entity';
export * from './assessment.entity';
export * from './flag.entity';
export * from './ladder.service';
export * from './notices.service';
export * from './outbox.service';
export * from './channels';

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
});
