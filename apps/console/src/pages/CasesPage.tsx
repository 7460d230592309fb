import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useQuery } from '@apollo/client/react';
import { Card, Checkbox, Select, Space, Table, Tag } from 'antd';
import { useMe } from '../auth';
import type { CaseStatus } from '../gql/graphql';
import { CASE_STATUS, CHANNEL, label } from '../labels';
import { ErrorState } from '../components/QueryState';
import { CursorPager, type Cursors } from '../components/CursorPager';
import { CasesDocument } from '../cases/documents';
import { Petitioners } from '../cases/Petitioners';

export default function CasesPage() {
  const me = useMe();
  const [status, setStatus] = useState<CaseStatus | ''>('');
  const [openOnly, setOpenOnly] = useState(false);
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [cursors, setCursors] = useState<Cursors>([null]);
  const { data, previousData, loading, error, refetch } = useQuery(CasesDocument, {
    variables: {
      tenantCode: me.tenant?.code ?? null,
      status: status || null,
      openOnly,
      overdueOnly,
      limit: 50,
      after: cursors[cursors.length - 1],
    },
  });
  const page = (data ?? previousData)?.cases;
  const reset = () => setCursors([null]);
  return (
    <Card title="信访台账">
      <Space wrap style={{ marginBottom: 12 }}>
        <Select<CaseStatus | ''>
          aria-label="状态"
          style={{ width: 140 }}
          value={status}
          onChange={(v) => {
            setStatus(v);
            reset();
          }}
          options={[
            { value: '', label: '全部状态' },
            ...Object.entries(CASE_STATUS).map(([value, l]) => ({ value: value as CaseStatus, label: l })),
          ]}
        />
        <Checkbox checked={openOnly} onChange={(e) => (setOpenOnly(e.target.checked), reset())}>
          只看在办
        </Checkbox>
        <Checkbox checked={overdueOnly} onChange={(e) => (setOverdueOnly(e.target.checked), reset())}>
          只看超期
        </Checkbox>
      </Space>
      {error ? <ErrorState error={error} action={refetch} /> : null}
      <Table
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={page?.items ?? []}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: '没有符合条件的案件' }}
        columns={[
          { title: '编号', dataIndex: 'number', render: (v: string, c) => <Link to={`/cases/${c.id}`}>{v}</Link> },
          { title: '诉求', dataIndex: 'matter', ellipsis: true },
          {
            title: '信访人',
            key: 'petitioners',
            render: (_: unknown, c) => <Petitioners rows={c.petitioners} compact />,
          },
          { title: '渠道', dataIndex: 'channel', render: (v: string) => label(CHANNEL, v) },
          { title: '登记日期', dataIndex: 'receivedOn' },
          {
            title: '责任单位',
            key: 'unit',
            render: (_: unknown, c) => c.responsibleUnit?.name ?? <Tag color="orange">未交办</Tag>,
          },
          {
            title: '期限',
            dataIndex: 'dueOn',
            render: (v: string | null, c) => (c.overdue ? <Tag color="red">{v} 已超期</Tag> : (v ?? '—')),
          },
          { title: '状态', dataIndex: 'status', render: (v: string) => <Tag>{label(CASE_STATUS, v)}</Tag> },
        ]}
      />
      <Space style={{ marginTop: 12 }}>
        <CursorPager cursors={cursors} setCursors={setCursors} nextCursor={page?.nextCursor} />
      </Space>
    </Card>
  );
}
