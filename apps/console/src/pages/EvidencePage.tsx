import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useQuery } from '@apollo/client/react';
import { Alert, Card, Table, Tabs, Tag } from 'antd';
import { graphql } from '../gql';
import type { SupervisionMetric } from '../gql/graphql';
import { EVIDENCE_KIND, METRIC, label } from '../labels';
import { ErrorState } from '../components/QueryState';

const EvidenceDocument = graphql(`
  query Evidence($tenantCode: String!, $metric: SupervisionMetric!, $limit: Int!, $offset: Int!) {
    tenant(code: $tenantCode) {
      code
      name
    }
    supervisionEvidence(tenantCode: $tenantCode, metric: $metric, limit: $limit, offset: $offset) {
      asOf
      count
      nextOffset
      items {
        id
        kind
        reference
        label
        status
        unitName
        dueOn
        periodStart
        periodEnd
        rule
      }
    }
  }
`);

const METRICS: SupervisionMetric[] = [
  'OPEN_CASES',
  'OVERDUE_CASES',
  'LISTED_CASES',
  'INTERVIEWS_AWAITING_RECTIFICATION',
  'MISSED_CADENCE',
  'OPEN_AGREED_ITEMS',
];

/** Read-only drill-down: the rows behind one number of one town's status (no personal data). */
export default function EvidencePage() {
  const { tenantCode = '', metric = 'OPEN_CASES' } = useParams();
  const navigate = useNavigate();
  const [page, setPage] = useState({ current: 1, size: 20 });
  const { data, loading, error, refetch } = useQuery(EvidenceDocument, {
    variables: {
      tenantCode,
      metric: metric as SupervisionMetric,
      limit: page.size,
      offset: (page.current - 1) * page.size,
    },
  });
  const ev = data?.supervisionEvidence;
  return (
    <Card
      title={`${data?.tenant?.name ?? tenantCode} · 督导明细`}
      extra={<Link to="/dashboard">返回看板</Link>}
      data-testid="evidence"
    >
      <Alert
        type="info"
        showIcon
        title="只读：以下为统计数字背后的事实，不含信访人个人信息。"
        style={{ marginBottom: 12 }}
      />
      <Tabs
        activeKey={metric}
        onChange={(m) => {
          setPage((p) => ({ ...p, current: 1 }));
          void navigate(`/dashboard/${tenantCode}/evidence/${m}`);
        }}
        items={METRICS.map((m) => ({ key: m, label: label(METRIC, m) }))}
      />
      {error ? <ErrorState error={error} action={refetch} /> : null}
      <Table
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={ev?.items ?? []}
        scroll={{ x: 900 }}
        locale={{ emptyText: `${label(METRIC, metric)}：无` }}
        pagination={{
          current: page.current,
          pageSize: page.size,
          total: ev?.count ?? 0,
          showTotal: (t) => `共 ${t} 条${ev ? `（截至 ${ev.asOf}）` : ''}`,
          onChange: (current, size) => setPage({ current, size }),
        }}
        columns={[
          { title: '类别', dataIndex: 'kind', render: (v: string) => <Tag>{label(EVIDENCE_KIND, v)}</Tag> },
          { title: '编号', dataIndex: 'reference', render: (v: string | null) => v ?? '—' },
          { title: '内容', dataIndex: 'label', render: (v: string | null) => v ?? '—' },
          { title: '状态', dataIndex: 'status' },
          { title: '责任单位', dataIndex: 'unitName', render: (v: string | null) => v ?? '—' },
          {
            title: '期限',
            dataIndex: 'dueOn',
            render: (v: string | null, r) => v ?? (r.periodStart ? `${r.periodStart} 至 ${r.periodEnd ?? ''}` : '—'),
          },
          { title: '依据', dataIndex: 'rule', ellipsis: true, render: (v: string | null) => v ?? '—' },
        ]}
      />
    </Card>
  );
}
