import { Link } from 'react-router-dom';
import { useMutation, useQuery } from '@apollo/client/react';
import { Badge, Button, Card, Space, Table, Tag } from 'antd';
import { useMe } from '../auth';
import { dateTime } from '../format';
import { REPORT_STATUS, label } from '../labels';
import { QueryState } from '../components/QueryState';
import { InboxDocument } from '../inbox/documents';
import { AcknowledgeMinutesDocument, ReportImplementationDocument } from '../meetings/documents';
import { ReportProgressDocument } from '../cases/documents';
import { Petitioners } from '../cases/Petitioners';
import { TextActionButton } from '../inbox/TextActionButton';
import { VerifyButton } from '../inbox/VerifyButton';
import { useAction } from '../useAction';

const title = (text: string, count: number) => (
  <Space>
    {text}
    <Badge count={count} showZero color={count ? '#b71c1c' : '#bbb'} />
  </Space>
);

/** What is addressed to a member unit or village secretary, each done in one or two clicks. */
export default function InboxPage() {
  const me = useMe();
  const unitId = me.memberUnit?.id ?? null;
  const { data, loading, error, refetch } = useQuery(InboxDocument, {
    variables: { tenantCode: me.tenant?.code ?? '' },
    skip: !me.tenant,
  });
  const [ack] = useMutation(AcknowledgeMinutesDocument);
  const [reportItem] = useMutation(ReportImplementationDocument);
  const [reportProgress] = useMutation(ReportProgressDocument);
  const { busy, run } = useAction();
  const reload = () => void refetch();

  const toAcknowledge = (data?.meetings?.items ?? []).filter(
    (m) =>
      m.minutes?.status === 'ISSUED' && m.minutes.receipts.some((r) => r.memberUnit.id === unitId && !r.acknowledgedAt),
  );
  // Earliest due first, as the ledger reads (the page comes latest created first).
  const items = (data?.agreedItems.items ?? [])
    .filter((i) => !unitId || i.owners.some((o) => o.id === unitId))
    .sort((a, b) => (a.dueOn ?? '9').localeCompare(b.dueOn ?? '9'));
  const cases = data?.cases.items ?? [];
  const sensitive = (data?.sensitiveReports.items ?? []).filter((r) => !unitId || r.responsibleUnit?.id === unitId);

  return (
    <QueryState loading={loading && !data} error={error} refetch={refetch}>
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card size="small" title={title('待签收纪要', toAcknowledge.length)} data-testid="inbox-minutes">
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={toAcknowledge}
            locale={{ emptyText: '没有待签收的纪要' }}
            columns={[
              {
                title: '纪要',
                key: 'n',
                render: (_: unknown, m) => <Link to={`/meetings/${m.id}`}>{m.minutes?.number ?? m.title}</Link>,
              },
              { title: '会议', dataIndex: 'title' },
              { title: '印发', key: 'i', render: (_: unknown, m) => dateTime(m.minutes?.issuedAt) },
              {
                title: '',
                key: 'a',
                render: (_: unknown, m) => (
                  <Button
                    size="small"
                    type="primary"
                    loading={busy}
                    data-testid="acknowledge"
                    onClick={() =>
                      void run(() => ack({ variables: { id: m.minutes?.id ?? '' } }), '已签收').then(reload)
                    }
                  >
                    签收
                  </Button>
                ),
              },
            ]}
          />
        </Card>
        <Card size="small" title={title('待报告的议定事项', items.length)} data-testid="inbox-items">
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={items}
            scroll={{ x: 700 }}
            locale={{ emptyText: '没有需要报告的议定事项' }}
            columns={[
              { title: '事项', dataIndex: 'content' },
              {
                title: '期限',
                dataIndex: 'dueOn',
                render: (v: string | null, i) => (i.overdue ? <Tag color="red">{v} 已超期</Tag> : (v ?? '—')),
              },
              {
                title: '最近报告',
                key: 'r',
                render: (_: unknown, i) => {
                  const last = i.reports[i.reports.length - 1];
                  return last
                    ? `${label(REPORT_STATUS, last.status)}${last.reviewComment ? `：${last.reviewComment}` : ''}`
                    : '未报告';
                },
              },
              {
                title: '',
                key: 'a',
                render: (_: unknown, i) => (
                  <TextActionButton
                    text="报告落实"
                    title="报告落实情况"
                    field="落实情况"
                    done="落实情况已报送"
                    testId="report-item"
                    send={(body) => reportItem({ variables: { input: { agreedItemId: i.id, body } } })}
                    onDone={reload}
                  />
                ),
              },
            ]}
          />
        </Card>
        <Card size="small" title={title('承办案件', cases.length)} data-testid="inbox-cases">
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={cases}
            scroll={{ x: 800 }}
            locale={{ emptyText: '没有承办中的案件' }}
            columns={[
              { title: '编号', dataIndex: 'number', render: (v: string, c) => <Link to={`/cases/${c.id}`}>{v}</Link> },
              { title: '诉求', dataIndex: 'matter', ellipsis: true },
              { title: '信访人', key: 'p', render: (_: unknown, c) => <Petitioners rows={c.petitioners} compact /> },
              {
                title: '期限',
                dataIndex: 'dueOn',
                render: (v: string | null, c) => (c.overdue ? <Tag color="red">{v} 已超期</Tag> : (v ?? '—')),
              },
              {
                title: '',
                key: 'a',
                render: (_: unknown, c) =>
                  c.ownerLeader ? (
                    <TextActionButton
                      text="报告进展"
                      title="报告办理进展"
                      field="办理进展"
                      done="进展已报送"
                      send={(content) => reportProgress({ variables: { input: { caseId: c.id, content } } })}
                      onDone={reload}
                    />
                  ) : (
                    <Tag>待确定包案领导</Tag>
                  ),
              },
            ]}
          />
        </Card>
        <Card size="small" title={title('待核查的敏感信息', sensitive.length)} data-testid="inbox-sensitive">
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={sensitive}
            locale={{ emptyText: '没有待核查的信息' }}
            columns={[
              { title: '内容', dataIndex: 'content', ellipsis: true },
              { title: '发生', dataIndex: 'occurredAt', render: (v: string) => dateTime(v) },
              {
                title: '核查期限',
                dataIndex: 'verifyDueOn',
                render: (v: string | null, r) =>
                  r.verificationOverdue ? <Tag color="red">{v} 已超期</Tag> : (v ?? '—'),
              },
              { title: '要求', key: 'i', render: (_: unknown, r) => r.returnComment ?? r.instructions ?? '—' },
              { title: '', key: 'a', render: (_: unknown, r) => <VerifyButton reportId={r.id} onDone={reload} /> },
            ]}
          />
        </Card>
      </Space>
    </QueryState>
  );
}
