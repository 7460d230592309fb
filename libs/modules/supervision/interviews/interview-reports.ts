import type { Tenant } from '@core/tenancy/entities';
import type { SupervisionAction } from '../ladder/action.entity';
import type { DeadlineBasis } from '../deadline-basis';
import { OutboxChannel } from '../enums';
import type { OutboxDraft } from '../outbox/outbox.service';

export interface AfterInterview {
  reportTo: readonly string[];
  notify: readonly string[];
  source: string;
}

/**
 * What follows a held interview where the plugin says so (003 §六: 约谈情况报告县委、县政府主要领导，并向县目标
 * 绩效、组织人事、纪检监察部门通报): one report per interview — a group interview is reported once, naming
 * every unit — to each leader (`leader:<title>`) and one notice to each department (`department:<name>`),
 * by e-mail through the outbox, with the rectification deadline and where its figure comes from.
 */
export function afterInterviewDrafts(
  tenant: Tenant,
  held: readonly SupervisionAction[],
  after: AfterInterview,
  facts: {
    key: string;
    form: string;
    heldOn: string;
    reason: string;
    targets: readonly string[];
    dueOn: string;
    basis: DeadlineBasis;
  },
): OutboxDraft[] {
  const units = held.map((a) => `${a.unitName}（${a.number}）`).join('、');
  const form = facts.form === 'GROUP' ? '集中约谈' : '个别约谈';
  const body =
    `${tenant.name}信访工作联席会议于${facts.heldOn}对${units}进行${form}（${after.source}）。` +
    `事由：${facts.reason}。约谈对象：${facts.targets.join('、')}。被约谈对象须于${facts.dueOn}前书面报告整改落实情况（${facts.basis.words}）。`;
  const refId = held[0].id;
  return [
    ...after.reportTo.map((title) => ({
      channel: OutboxChannel.EMAIL,
      recipient: `leader:${title}`,
      subject: `约谈情况报告：${held.map((a) => a.number).join('、')}`,
      body,
      dedupeKey: `interview:${facts.key}:report:${title}`,
      refId,
    })),
    ...after.notify.map((name) => ({
      channel: OutboxChannel.EMAIL,
      recipient: `department:${name}`,
      subject: `约谈情况通报：${held.map((a) => a.number).join('、')}`,
      body,
      dedupeKey: `interview:${facts.key}:notify:${name}`,
      refId,
    })),
  ];
}
