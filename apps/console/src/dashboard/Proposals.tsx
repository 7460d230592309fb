import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Badge, Button, Card, Form, Input, Modal, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { graphql } from '../gql';
import type { OutboxChannel, ProposalsQuery, SupervisionActionKind } from '../gql/graphql';
import { useMe } from '../auth';
import { isOffice } from '../roles';
import { ACTION_KIND, label } from '../labels';
import { dateTime } from '../format';
import { ErrorState } from '../components/QueryState';
import { useAction } from '../useAction';

export const ProposalsDocument = graphql(`
  query Proposals($tenantCode: String!, $status: String) {
    supervisionProposals(tenantCode: $tenantCode, status: $status, limit: 50) {
      id
      ruleId
      ruleName
      ruleSource
      step
      options
      status
      unitName
      targetTenantCode
      severity
      facts
      proposedAt
      decidedAt
      decision
      automatic
      caseId
      actionId
    }
  }
`);
const ConfirmDocument = graphql(`
  mutation ConfirmSupervisionProposal($input: ConfirmSupervisionProposalInput!) {
    confirmSupervisionProposal(input: $input) {
      id
      status
      actionId
    }
  }
`);
const DismissDocument = graphql(`
  mutation DismissSupervisionProposal($input: DismissSupervisionProposalInput!) {
    dismissSupervisionProposal(input: $input) {
      id
      status
    }
  }
`);

type Proposal = ProposalsQuery['supervisionProposals'][number];
interface Facts {
  evidence?: {
    kind: string;
    id: string;
    number?: string;
    rank?: number;
    rankedOf?: number;
    note?: string;
    reasonName?: string;
  }[];
}

export const STEP: Record<string, string> = {
  REMINDER: '提醒',
  REMINDER_OR_INTERVIEW: '提醒或约谈',
  INTERVIEW: '约谈',
  LISTED_SUPERVISION: '挂牌督办',
  LISTING: '挂牌督办',
  ACCOUNTABILITY: '问责',
  NAMED_CRITICISM: '点名批评',
};
const PROPOSAL_STATUS: Record<string, string> = { PROPOSED: '待确认', CONFIRMED: '已确认', DISMISSED: '已不予采纳' };
const EVIDENCE: Record<string, string> = {
  NOTICE: '通报',
  FLAG: '情况报告',
  REMINDER: '提醒',
  INTERVIEW: '约谈',
  ASSESSMENT: '考核',
  CASE: '案件',
  LISTING: '挂牌督办',
};
// Severities as the API names them for each kind (ConfirmSupervisionProposalInput.severity).
const SEVERITY: Record<string, { value: string; label: string }[]> = {
  REMINDER: [
    { value: 'GENERAL', label: '一般问题' },
    { value: 'KEY', label: '重点问题' },
  ],
  INTERVIEW: [
    { value: 'GENERAL', label: '一般约谈' },
    { value: 'SERIOUS', label: '严重问题约谈' },
  ],
};
const CHANNEL: Record<OutboxChannel, string> = {
  LETTER: '提醒函（文书）',
  SMS: '短信',
  IN_APP: '站内消息',
  EMAIL: '电子邮件',
};

const factsOf = (p: Proposal): Facts => (p.facts && typeof p.facts === 'object' ? (p.facts as Facts) : {});

function Evidence({ p }: { p: Proposal }) {
  const f = factsOf(p);
  return (
    <Space orientation="vertical" size={2}>
      {(f.evidence ?? []).map((e) => (
        <Typography.Text key={`${e.kind}-${e.id}`} type="secondary">
          {`${EVIDENCE[e.kind] ?? e.kind}${e.number ? ` ${e.number}` : ''}${e.reasonName ? `：${e.reasonName}` : ''}${e.rank ? `：第 ${e.rank}/${e.rankedOf ?? '?'} 名` : ''}${e.note ? `：${e.note}` : ''}`}
        </Typography.Text>
      ))}
    </Space>
  );
}

interface ConfirmValues {
  kind?: SupervisionActionKind;
  severity?: string;
  channel?: OutboxChannel;
  note?: string;
}

/**
 * The ladder's proposed steps (supervisionProposals): a step is taken only when a person decides. The
 * office confirms one (choosing the kind where the rule leaves the choice, the severity and, for a
 * reminder, the channel) or dismisses it with a reason; superiors and conveners read them.
 */
export function Proposals({ tenantCode }: { tenantCode: string }) {
  const me = useMe();
  const office = isOffice(me) && me.tenant?.code === tenantCode;
  const [tab, setTab] = useState<'PROPOSED' | 'ALL'>('PROPOSED');
  const { data, loading, error, refetch } = useQuery(ProposalsDocument, {
    variables: { tenantCode, status: tab === 'PROPOSED' ? 'PROPOSED' : null },
    skip: !tenantCode,
  });
  const pending = useQuery(ProposalsDocument, {
    variables: { tenantCode, status: 'PROPOSED' },
    skip: !tenantCode || tab === 'PROPOSED',
  });
  const [confirm] = useMutation(ConfirmDocument);
  const [dismiss] = useMutation(DismissDocument);
  const { busy, run } = useAction();
  const [dialog, setDialog] = useState<{ mode: 'confirm' | 'dismiss'; p: Proposal } | null>(null);
  const [form] = Form.useForm<ConfirmValues & { reason?: string }>();
  const kind = Form.useWatch('kind', form);

  const rows = data?.supervisionProposals ?? [];
  const count = (tab === 'PROPOSED' ? rows : (pending.data?.supervisionProposals ?? [])).length;
  const chosenKind = dialog ? (kind ?? (dialog.p.options.length === 1 ? dialog.p.options[0] : undefined)) : undefined;

  const submit = (v: ConfirmValues & { reason?: string }) => {
    if (!dialog) return;
    const p = dialog.p;
    void run(
      () =>
        dialog.mode === 'dismiss'
          ? dismiss({ variables: { input: { proposalId: p.id, reason: (v.reason ?? '').trim() } } })
          : confirm({
              variables: {
                input: {
                  proposalId: p.id,
                  kind: v.kind ?? null,
                  severity: v.severity ?? null,
                  channel: v.channel ?? null,
                  note: v.note?.trim() || null,
                },
              },
            }),
      dialog.mode === 'dismiss' ? '已不予采纳，理由已记录' : '已确认，督导措施已下达并备案',
    ).then((ok) => {
      if (!ok) return;
      setDialog(null);
      void refetch();
      void pending.refetch();
    });
  };

  const columns = [
    {
      title: '对象',
      dataIndex: 'unitName',
      width: 120,
      render: (v: string, p: Proposal) =>
        p.targetTenantCode ? <Link to={`/dashboard/${p.targetTenantCode}/evidence/PROPOSED_STEPS`}>{v}</Link> : v,
    },
    {
      title: '建议措施',
      dataIndex: 'step',
      width: 110,
      render: (v: string) => <Tag color="volcano">{label(STEP, v)}</Tag>,
    },
    {
      title: '依据',
      dataIndex: 'ruleSource',
      width: 200,
      // The rule in the source's words and its article (never the rule id or a reason code).
      render: (v: string, p: Proposal) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text>{p.ruleName}</Typography.Text>
          <Typography.Text type="secondary">{v}</Typography.Text>
        </Space>
      ),
    },
    { title: '事实与证据', key: 'facts', render: (_: unknown, p: Proposal) => <Evidence p={p} /> },
    { title: '提出', dataIndex: 'proposedAt', width: 140, render: (v: string) => dateTime(v) },
    ...(tab === 'ALL'
      ? [
          {
            title: '状态',
            dataIndex: 'status',
            width: 110,
            render: (v: string, p: Proposal) => (
              <Tag
                color={v === 'CONFIRMED' ? 'green' : v === 'DISMISSED' ? 'default' : 'orange'}
              >{`${label(PROPOSAL_STATUS, v)}${p.automatic ? '（自动）' : ''}`}</Tag>
            ),
          },
        ]
      : []),
    ...(office && tab === 'PROPOSED'
      ? [
          {
            title: '处理',
            key: 'a',
            width: 150,
            render: (_: unknown, p: Proposal) => (
              <Space size={4}>
                <Button
                  size="small"
                  type="primary"
                  onClick={() => setDialog({ mode: 'confirm', p })}
                  data-testid="proposal-confirm"
                  aria-label={`确认：${p.unitName}${label(STEP, p.step)}`}
                >
                  确认
                </Button>
                <Button
                  size="small"
                  onClick={() => setDialog({ mode: 'dismiss', p })}
                  data-testid="proposal-dismiss"
                  aria-label={`不予采纳：${p.unitName}${label(STEP, p.step)}`}
                >
                  不予采纳
                </Button>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card
      size="small"
      data-testid="proposals"
      title={
        <Space>
          待确认的督导措施建议
          <Badge count={count} showZero color={count ? '#b71c1c' : '#bbb'} />
        </Space>
      }
    >
      <Tabs
        size="small"
        activeKey={tab}
        onChange={(k) => setTab(k as 'PROPOSED' | 'ALL')}
        items={[
          { key: 'PROPOSED', label: '待确认' },
          { key: 'ALL', label: '全部' },
        ]}
      />
      {error && !data ? (
        <ErrorState error={error} action={refetch} />
      ) : (
        <Table<Proposal>
          rowKey="id"
          size="small"
          loading={loading}
          dataSource={rows}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          scroll={{ x: 760 }}
          locale={{ emptyText: tab === 'PROPOSED' ? '没有待确认的建议' : '暂无建议' }}
          columns={columns}
        />
      )}
      <Modal
        title={
          dialog
            ? `${dialog.mode === 'confirm' ? '确认' : '不予采纳'}：${dialog.p.unitName} · ${label(STEP, dialog.p.step)}`
            : ''
        }
        open={Boolean(dialog)}
        okText={dialog?.mode === 'dismiss' ? '不予采纳' : '确认并下达'}
        confirmLoading={busy}
        okButtonProps={{ ...{ 'data-testid': 'proposal-ok' } }}
        onCancel={() => setDialog(null)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        {dialog ? (
          <Form
            key={`${dialog.mode}-${dialog.p.id}`}
            form={form}
            layout="vertical"
            onFinish={submit}
            preserve={false}
            initialValues={{
              kind: dialog.p.options.length === 1 ? dialog.p.options[0] : undefined,
              severity: dialog.p.severity ?? undefined,
            }}
          >
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              title={`依据 ${dialog.p.ruleSource}：${dialog.p.ruleName}`}
              description={<Evidence p={dialog.p} />}
            />
            {dialog.mode === 'dismiss' ? (
              <Form.Item
                label="不予采纳的理由"
                name="reason"
                rules={[{ required: true, whitespace: true, message: '请写明理由（随建议留存）' }]}
              >
                <Input.TextArea id="proposalReason" autoSize={{ minRows: 2 }} />
              </Form.Item>
            ) : (
              <>
                <Form.Item label="措施" name="kind" rules={[{ required: true, message: '请选择措施' }]}>
                  <Select
                    id="proposalKind"
                    options={dialog.p.options.map((o) => ({ value: o, label: label(ACTION_KIND, o) }))}
                  />
                </Form.Item>
                {chosenKind && SEVERITY[chosenKind] ? (
                  <Form.Item
                    label="问题性质"
                    name="severity"
                    extra={
                      dialog.p.severity
                        ? '规则建议的性质，可调整'
                        : chosenKind === 'REMINDER'
                          ? '提醒须选择一般或重点问题'
                          : '默认一般约谈'
                    }
                  >
                    <Select id="proposalSeverity" allowClear options={SEVERITY[chosenKind]} />
                  </Form.Item>
                ) : null}
                {chosenKind === 'REMINDER' ? (
                  <Form.Item label="发送渠道" name="channel" extra="不选则按本地规定的渠道（按问题性质）">
                    <Select
                      id="proposalChannel"
                      allowClear
                      options={Object.entries(CHANNEL).map(([value, l]) => ({ value, label: l }))}
                    />
                  </Form.Item>
                ) : null}
                <Form.Item label="备注" name="note">
                  <Input.TextArea id="proposalNote" autoSize={{ minRows: 2 }} />
                </Form.Item>
              </>
            )}
          </Form>
        ) : null}
      </Modal>
    </Card>
  );
}
