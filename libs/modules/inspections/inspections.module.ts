import { Module } from '@nestjs/common';
import { JointMeetingModule } from '@core/joint-meeting';
import { InspectionFindingResolver, InspectionsResolver } from './inspections.resolver';
import { InspectionsQuery } from './inspections.query';
import { InspectionsService } from './inspections.service';
import { RandomInspectionsService } from './random-inspections.service';
import { RegularInspectionsService } from './regular-inspections.service';

/** Inspections (督查): proposed, approved, carried out with findings, reported upward; random draws (002); scheduled and pre-event (004). */
@Module({
  imports: [JointMeetingModule],
  providers: [
    InspectionsService,
    RandomInspectionsService,
    RegularInspectionsService,
    InspectionsQuery,
    InspectionsResolver,
    InspectionFindingResolver,
  ],
  exports: [InspectionsService, RandomInspectionsService, RegularInspectionsService, InspectionsQuery],
})
export class InspectionsModule {}
