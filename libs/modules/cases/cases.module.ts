import { Module } from '@nestjs/common';
import { JointMeetingModule } from '@modules/joint-meeting/joint-meeting.module';
import { CaseSweepService } from './case-sweep.service';
import { CasesQuery } from './cases.query';
import { CasesResolver } from './cases.resolver';
import { CasesService } from './cases.service';
import { OwnershipService } from './ownership.service';
import { ReceptionService } from './reception.service';

/** The petition ledger (台账): intake, reception duty, assignment, leader ownership, progress, closing. */
@Module({
  imports: [JointMeetingModule],
  providers: [CasesService, OwnershipService, ReceptionService, CasesQuery, CaseSweepService, CasesResolver],
  exports: [CasesService, CasesQuery, CaseSweepService],
})
export class CasesModule {}
