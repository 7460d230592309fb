import { User, UserCredential } from '@modules/identity/user.entity';
import { MemberUnit } from '@modules/joint-meeting/member-unit.entity';
import { MembershipChange } from '@modules/joint-meeting/membership-change.entity';
import { Notification } from '@modules/notifications/notification.entity';
import { Tenant } from '@modules/tenancy/tenant.entity';

/** Every TypeORM entity, for the data source. */
export const ENTITIES = [Tenant, User, UserCredential, MemberUnit, MembershipChange, Notification];
