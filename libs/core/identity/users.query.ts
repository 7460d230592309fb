import { Inject, Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { RequestContext } from '@engine/context';
import { Db } from '@engine/database';
import { User } from './user.entity';

/**
 * Accounts read by id, batched per request: the one `userById` DataLoader behind every field that
 * names a person (who filed a membership change, a case's first-inquiry user, who made a case step).
 * Row-level security decides what the caller sees; an account it cannot read loads as null.
 */
@Injectable()
export class UsersQuery {
  constructor(@Inject(Db) private readonly db: Db) {}

  async byIds(ctx: RequestContext, ids: readonly string[]): Promise<Map<string, User>> {
    const rows = await this.db.run(ctx, ({ em }) => em.find(User, { where: { id: In([...ids]) } }));
    return new Map(rows.map((u) => [u.id, u]));
  }

  /** One account through the request's `userById` batch. */
  byId(ctx: RequestContext, id: string): Promise<User | null> {
    return ctx.loader('userById', (ids) => this.byIds(ctx, ids)).load(id);
  }
}
