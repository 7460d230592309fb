import { Module } from '@nestjs/common';
import { UsersQuery } from './users.query';

/**
 * Reading accounts by id (the request's `userById` DataLoader), apart from IdentityModule so that a workflow
 * naming a person imports no more than this.
 */
@Module({ providers: [UsersQuery], exports: [UsersQuery] })
export class UsersModule {}
