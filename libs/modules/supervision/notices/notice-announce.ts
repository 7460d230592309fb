import type { EntityManager } from 'typeorm';
import { OutboxChannel } from '../enums';
import type { SupervisionNotice, SupervisionNoticeEntry } from './notice.entity';
import type { OutboxDraft, OutboxService } from '../outbox/outbox.service';
import { roleRecipients, unitRecipients, type SupervisedUnit, type SupervisionRules } from '../supervision-rules';

/**
 * A published notice reaches the units it ranks or names (a township's leaders; a unit's own users) and
 * is reported to the roles the plugin names (003 §三: 并报信访工作联席会议各召集人), through the outbox.
 */
export async function announceNotice(
  em: EntityManager,
  outbox: OutboxService,
  rules: SupervisionRules,
  notice: SupervisionNotice,
  entries: SupervisionNoticeEntry[],
  units: SupervisedUnit[],
  reportedTo: readonly string[],
): Promise<void> {
  const recipients = await unitRecipients(
    em,
    units.map((u) => u.id),
  );
  const name = new Map(units.map((u) => [u.id, u.name]));
  const drafts: OutboxDraft[] = [];
  for (const e of entries) {
    const place = e.rank
      ? `本期排名${(e.tiedWith ?? 1) > 1 ? '并列' : ''}第${e.rank}位（共${e.rankedOf}个单位）`
      : '被通报';
    const body = `${notice.title}（${notice.number}）已印发。${name.get(e.targetUnitId)}${place}${e.criticised ? `，被点名批评：${e.criticism}` : ''}。`;
    for (const user of recipients.get(e.targetUnitId) ?? []) {
      drafts.push({
        channel: OutboxChannel.IN_APP,
        recipient: `user:${user}`,
        subject: `通报：${notice.number}`,
        body,
        dedupeKey: `notice:${notice.id}:${user}`,
        refId: notice.id,
      });
    }
  }
  // 003 §三: 并报信访工作联席会议各召集人.
  for (const user of await roleRecipients(em, rules.tenant.id, reportedTo)) {
    drafts.push({
      channel: OutboxChannel.IN_APP,
      recipient: `user:${user}`,
      subject: `通报报告：${notice.number}`,
      body: `${notice.title}（${notice.number}）已印发，涉及${units.length}个单位。`,
      dedupeKey: `notice:${notice.id}:reported:${user}`,
      refId: notice.id,
    });
  }
  await outbox.write(em, rules.tenant.id, drafts);
}
