import { graphql } from '../gql';
import type { WorkbenchQuery, WorkbenchSensitiveQuery } from '../gql/graphql';

// The API has no single to-do query: the workbench reads each list the API offers and the office's
// duties are picked from them here (what each status means is the API's; which role acts is the plugin's).
export const WorkbenchDocument = graphql(`
  query Workbench($tenantCode: String!) {
    meetings: meetingsPage(tenantCode: $tenantCode, limit: 100) {
      items {
        id
        title
        typeCode
        status
        scheduledAt
        minutes {
          id
          status
          number
          notAcknowledged {
            id
            name
          }
        }
      }
    }
    overdueItems: agreedItemsPage(tenantCode: $tenantCode, overdue: true, limit: 200) {
      items {
        id
        content
        dueOn
        owners {
          name
        }
      }
    }
    openItems: agreedItemsPage(tenantCode: $tenantCode, status: OPEN, limit: 200) {
      items {
        id
        content
        owners {
          name
        }
        reports {
          id
          status
          createdAt
        }
      }
    }
    overdueCases: cases(tenantCode: $tenantCode, overdueOnly: true, limit: 100) {
      items {
        id
        number
        matter
        dueOn
        responsibleUnit {
          name
        }
      }
    }
    newCases: cases(tenantCode: $tenantCode, status: RECEIVED, limit: 100) {
      items {
        id
        number
        matter
        receivedOn
      }
    }
  }
`);

// Apart: a tenant whose plugin has no rule for sensitive information answers BAD_USER_INPUT for it,
// which would null the whole to-do query.
export const WorkbenchSensitiveDocument = graphql(`
  query WorkbenchSensitive($tenantCode: String!) {
    sensitiveReports: sensitiveReportsPage(tenantCode: $tenantCode, limit: 100) {
      items {
        id
        content
        status
        verifyDueOn
        verificationOverdue
        responsibleUnit {
          name
        }
      }
    }
  }
`);

export type TodoKind =
  | 'DRAFT_MINUTES'
  | 'SUBMIT_MINUTES'
  | 'APPROVE_MINUTES'
  | 'ISSUE_MINUTES'
  | 'RECEIPTS'
  | 'ITEM_OVERDUE'
  | 'REVIEW_REPORT'
  | 'CASE_OVERDUE'
  | 'CASE_UNASSIGNED'
  | 'SENSITIVE_NOTIFY'
  | 'SENSITIVE_OVERDUE'
  | 'SENSITIVE_CLOSE'
  | 'PROPOSED_STEP';

export const TODO_KIND: Record<TodoKind, string> = {
  DRAFT_MINUTES: '待起草纪要',
  SUBMIT_MINUTES: '纪要待提交',
  APPROVE_MINUTES: '纪要待审批',
  ISSUE_MINUTES: '纪要待印发',
  RECEIPTS: '回执未签收',
  ITEM_OVERDUE: '议定事项超期',
  REVIEW_REPORT: '落实报告待审核',
  CASE_OVERDUE: '案件超期',
  CASE_UNASSIGNED: '案件待交办',
  SENSITIVE_NOTIFY: '敏感信息待通知核查',
  SENSITIVE_OVERDUE: '敏感信息核查超期',
  SENSITIVE_CLOSE: '核查结果待办结',
  PROPOSED_STEP: '督导措施待确认',
};

export interface Todo {
  key: string;
  kind: TodoKind;
  title: string;
  detail: string;
  /** Where to act (null: the API offers the action, the console has no screen for it yet). */
  link: string | null;
  due: string | null;
  urgent: boolean;
}

/** A proposed ladder step awaiting the office (supervisionProposals with status PROPOSED). */
export interface ProposedStep {
  id: string;
  unitName: string;
  step: string;
  ruleSource: string;
  proposedAt: string;
}

interface Duties {
  office: boolean;
  /** The ladder's proposals awaiting the office, and what a step is called. */
  proposals?: { items: ProposedStep[]; stepName: (step: string) => string; link: string | null };
  /** Meeting type code → the caller approves that type's minutes (the plugin's approver role). */
  approves: (typeCode: string) => boolean;
}

/** The caller's to-do list from what the API returned (missing lists, e.g. FORBIDDEN ones, are skipped). */
export function todosOf(data: Partial<WorkbenchQuery & WorkbenchSensitiveQuery> | undefined, duties: Duties): Todo[] {
  const out: Todo[] = [];
  const push = (t: Todo) => out.push(t);
  for (const m of data?.meetings?.items ?? []) {
    const link = `/meetings/${m.id}`;
    const s = m.minutes?.status;
    if (duties.office && m.status === 'HELD' && !m.minutes)
      push({
        key: `d${m.id}`,
        kind: 'DRAFT_MINUTES',
        title: m.title,
        detail: '会议已召开，尚无纪要',
        link,
        due: null,
        urgent: false,
      });
    if (duties.office && (s === 'DRAFT' || s === 'RETURNED'))
      push({
        key: `s${m.id}`,
        kind: 'SUBMIT_MINUTES',
        title: m.title,
        detail: s === 'RETURNED' ? '已退回，修改后重新提交' : '草稿未提交审批',
        link,
        due: null,
        urgent: s === 'RETURNED',
      });
    if (s === 'SUBMITTED' && duties.approves(m.typeCode))
      push({
        key: `a${m.id}`,
        kind: 'APPROVE_MINUTES',
        title: m.title,
        detail: '等待您审批',
        link,
        due: null,
        urgent: true,
      });
    if (duties.office && s === 'APPROVED')
      push({
        key: `i${m.id}`,
        kind: 'ISSUE_MINUTES',
        title: m.title,
        detail: '已审批，待印发',
        link,
        due: null,
        urgent: true,
      });
    if (duties.office && s === 'ISSUED' && m.minutes?.notAcknowledged.length)
      push({
        key: `r${m.id}`,
        kind: 'RECEIPTS',
        title: m.minutes.number ?? m.title,
        detail: `未签收：${m.minutes.notAcknowledged.map((u) => u.name).join('、')}`,
        link,
        due: null,
        urgent: false,
      });
  }
  if (duties.office) {
    for (const i of data?.overdueItems?.items ?? [])
      push({
        key: `o${i.id}`,
        kind: 'ITEM_OVERDUE',
        title: i.content,
        detail: i.owners.map((o) => o.name).join('、'),
        link: '/meetings',
        due: i.dueOn ?? null,
        urgent: true,
      });
    for (const i of data?.openItems?.items ?? [])
      for (const r of i.reports.filter((x) => x.status === 'SUBMITTED'))
        push({
          key: `p${r.id}`,
          kind: 'REVIEW_REPORT',
          title: i.content,
          detail: i.owners.map((o) => o.name).join('、'),
          link: '/meetings',
          due: null,
          urgent: false,
        });
    for (const c of data?.overdueCases?.items ?? [])
      push({
        key: `c${c.id}`,
        kind: 'CASE_OVERDUE',
        title: `${c.number} ${c.matter}`,
        detail: c.responsibleUnit?.name ?? '未交办',
        link: `/cases/${c.id}`,
        due: c.dueOn ?? null,
        urgent: true,
      });
    for (const c of data?.newCases?.items ?? [])
      push({
        key: `n${c.id}`,
        kind: 'CASE_UNASSIGNED',
        title: `${c.number} ${c.matter}`,
        detail: `登记于 ${c.receivedOn}`,
        link: `/cases/${c.id}`,
        due: null,
        urgent: false,
      });
    for (const r of data?.sensitiveReports?.items ?? []) {
      const base = { title: r.content, detail: r.responsibleUnit?.name ?? '—', link: null, due: r.verifyDueOn ?? null };
      if (r.status === 'REPORTED') push({ ...base, key: `sr${r.id}`, kind: 'SENSITIVE_NOTIFY', urgent: false });
      if (r.status === 'NOTIFIED' && r.verificationOverdue)
        push({ ...base, key: `so${r.id}`, kind: 'SENSITIVE_OVERDUE', urgent: true });
      if (r.status === 'VERIFIED') push({ ...base, key: `sv${r.id}`, kind: 'SENSITIVE_CLOSE', urgent: false });
    }
  }
  if (duties.office && duties.proposals) {
    const { items, stepName, link } = duties.proposals;
    for (const p of items)
      push({
        key: `ps${p.id}`,
        kind: 'PROPOSED_STEP',
        title: `${p.unitName}：建议${stepName(p.step)}`,
        detail: `依据 ${p.ruleSource}，请确认或不予采纳`,
        link,
        due: null,
        urgent: true,
      });
  }
  return out.sort((a, b) => Number(b.urgent) - Number(a.urgent) || (a.due ?? '9').localeCompare(b.due ?? '9'));
}
