import { defineContext } from '@engine/manifest';
import { MEETINGS_KEYED_LISTS } from './keyed-lists';
import { MeetingsModule } from './meetings.module';
import { Meeting, MeetingUnit } from './meeting.entity';
import { MeetingTopic } from './meeting-topic.entity';
import { Minutes, MinutesRecipient } from './minutes.entity';
import { AgreedItem, AgreedItemOwner, ImplementationReport } from './agreed-item.entity';
import { KeyPeriod, CadenceObligation } from './cadence.entity';
import { meetingsRules } from './meetings.abilities';
export * from './meetings.module';
export * from './meetings.abilities';
export * from './meeting.entity';
export * from './minutes.entity';
export * from './agreed-item.entity';
export * from './cadence.entity';
export * from './cadence.service';

/** The meetings context's manifest, listed in apps/api/contexts.ts. */
export const meetingsContext = defineContext({
  name: 'meetings',
  module: MeetingsModule,
  entities: [
    Meeting,
    MeetingUnit,
    MeetingTopic,
    Minutes,
    MinutesRecipient,
    AgreedItem,
    AgreedItemOwner,
    ImplementationReport,
    KeyPeriod,
    CadenceObligation,
  ],
  rules: [meetingsRules],
  keyedLists: MEETINGS_KEYED_LISTS,
});
