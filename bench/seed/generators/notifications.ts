import { addDays } from '@engine/calendar';
import type { Column } from '../loader';
import type { Generator, SeedContext } from '../province';

const NOTIFICATION: Column[] =
  'id:uuid tenant_id:uuid user_id:uuid kind:text title:text body:text dedupe_key:text created_at:timestamptz read_at:timestamptz'
    .split(' ')
    .map((s) => {
      const [name, type] = s.split(':');
      return { name, type: type as Column['type'] };
    });

/** In-app notifications: each user's welcome note (most read), and a week of unread overdue digests to each office. */
export const notificationsGenerator: Generator = {
  name: 'notifications',
  async run(ctx: SeedContext): Promise<void> {
    const rng = ctx.rng.fork('notifications');
    for (const t of ctx.all) {
      for (const u of t.users) {
        await ctx.load.add('notification', NOTIFICATION, {
          id: rng.uuid(),
          tenant_id: t.id,
          user_id: u.id,
          kind: 'WELCOME',
          title: `欢迎使用${t.name}信访工作联席会议平台`,
          body: `${t.name} ${u.username}，您的账号 ${u.username} 已开通，角色：${u.roles.join('、')}。`,
          dedupe_key: `welcome:${u.id}`,
          created_at: t.createdAt,
          read_at: rng.chance(0.7) ? new Date(t.createdAt.getTime() + 86_400_000) : null,
        });
      }
      for (let d = 1; d <= 7; d += 1) {
        const day = addDays(ctx.asOf, -d);
        await ctx.load.add('notification', NOTIFICATION, {
          id: rng.uuid(),
          tenant_id: t.id,
          user_id: t.office!.id,
          kind: 'AGREED_ITEMS_DIGEST',
          title: '议定事项督办提示',
          body: `截至${day}，${t.name}有议定事项超过完成时限未办结。`,
          dedupe_key: `digest:${day}`,
          created_at: new Date(`${day}T01:00:00Z`),
          read_at: d > 2 ? new Date(`${day}T03:00:00Z`) : null,
        });
      }
    }
    await ctx.load.flush();
    ctx.log(`notifications: ${ctx.load.counts.notification ?? 0}`);
  },
};
