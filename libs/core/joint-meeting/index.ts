export * from './joint-meeting.module';
export * from './joint-meeting.service';
export * from './joint-meeting.abilities';
export * from './member-unit.entity';
export * from './membership-change.entity';
export * from './members.service';
export * from './member-person.entity';
export * from './principle';
