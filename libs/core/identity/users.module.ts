import { Module } from '@nestjs/common';
import { UsersQuery } from './users.query';

/**
 * Reading accounts by id, apart from IdentityModule so that the contexts IdentityModule itself imports
 * (joint-meeting) can name a person without a cycle.
 */
@Module({ providers: [UsersQuery], exports: [UsersQuery] })
export class UsersModule {}
