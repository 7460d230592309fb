import { Module } from '@nestjs/common';
import { SupervisionEvidenceQuery } from './supervision-evidence.query';
import { SupervisionStatusQuery } from './supervision-status.query';
import { SupervisionStatusResolver } from './supervision-status.resolver';
import { SupervisionStatusService } from './supervision-status.service';

/** The superiors' view (issue 6 item 5): per-tenant maintained aggregates, their daily refresh, and the drill-down. */
@Module({
  providers: [SupervisionStatusQuery, SupervisionEvidenceQuery, SupervisionStatusService, SupervisionStatusResolver],
  exports: [SupervisionStatusQuery, SupervisionEvidenceQuery, SupervisionStatusService],
})
export class SupervisionStatusModule {}
