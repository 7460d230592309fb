import { Module } from '@nestjs/common';
import { TenancyModule } from '@core/tenancy';
import { NotificationsResolver } from './notifications.resolver';
import { NotificationsService } from './notifications.service';

/** Above tenancy, joint-meeting and identity: handles the report jobs they name, and sends tenancy's notices. */
@Module({
  imports: [TenancyModule],
  providers: [NotificationsService, NotificationsResolver],
  exports: [NotificationsService],
})
export class NotificationsModule {}
