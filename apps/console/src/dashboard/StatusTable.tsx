import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useQuery } from '@apollo/client/react';
import { Card, Checkbox, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { graphql } from '../gql';
import type { StatusRowsQuery, SupervisionStatusFilter, SupervisionStatusSortField, TenantLevel } from '../gql/graphql';
import { LEVEL, label } from '../labels';
import { percent } from '../format';
import { ErrorState } from '../components/QueryState';
import { CursorPager, type Cursors } from '../components/CursorPager';

export const StatusRowsDocument = graphql(`
  query StatusRows(
    $tenantCode: String!
    $filter: SupervisionStatusFilter
    $orderBy: SupervisionStatusOrder
    $limit: Int!
    $after: String
  ) {
    supervisionStatus(tenantCode: $tenantCode, filter: $filter, orderBy: $orderBy, limit: $limit, after: $after) {
      totalCount
      nextCursor
      items {
        tenantCode
        tenantName
        level
        parentCode
        openCases
        overdueCases
        listedCases
        interviewsAwaitingRectification
        latestRank
        rankedOf
        rankNoticeNumber
        cadenceMet
        cadenceDue
        cadenceRatio
        agreedItemsDone
        agreedItemsTotal
        agreedItemsRatio
        proposedSteps
        overdueAsOf
      }
    }
  }
`);

export type StatusRow = StatusRowsQuery['supervisionStatus']['items'][number];

const SORT_FIELD: Record<string, SupervisionStatusSortField> = {
  tenantName: 'NAME',
  openCases: 'OPEN_CASES',
  overdueCases: 'OVERDUE_CASES',
  listedCases: 'LISTED_CASES',
  interviewsAwaitingRectification: 'INTERVIEWS_AWAITING_RECTIFICATION',
  latestRank: 'LATEST_RANK',
  cadenceRatio: 'CADENCE_RATIO',
  agreedItemsRatio: 'AGREED_ITEMS_RATIO',
  proposedSteps: 'PROPOSED_STEPS',
};

const evidence = (row: StatusRow, metric: string, value: number) => (
  <Link to={`/dashboard/${row.tenantCode}/evidence/${metric}`} aria-label={`${row.tenantName} ${metric} 明细`}>
    {value}
  </Link>
);

const columns: TableProps<StatusRow>['columns'] = [
  {
    title: '单位',
    dataIndex: 'tenantName',
    key: 'tenantName',
    sorter: true,
    fixed: 'left',
    width: 150,
    render: (_: unknown, r) => (
      <Space size={4}>
        <Link to={`/dashboard/${r.tenantCode}/evidence/OPEN_CASES`}>{r.tenantName}</Link>
        <Tag>{label(LEVEL, r.level)}</Tag>
      </Space>
    ),
  },
  {
    title: '在办案件',
    dataIndex: 'openCases',
    key: 'openCases',
    sorter: true,
    align: 'right',
    render: (v: number, r) => evidence(r, 'OPEN_CASES', v),
  },
  {
    title: '超期案件',
    dataIndex: 'overdueCases',
    key: 'overdueCases',
    sorter: true,
    align: 'right',
    render: (v: number, r) => (
      <Typography.Text type={v > 0 ? 'danger' : undefined}>{evidence(r, 'OVERDUE_CASES', v)}</Typography.Text>
    ),
  },
  {
    title: '挂牌督办',
    dataIndex: 'listedCases',
    key: 'listedCases',
    sorter: true,
    align: 'right',
    render: (v: number, r) => evidence(r, 'LISTED_CASES', v),
  },
  {
    title: '约谈待整改',
    dataIndex: 'interviewsAwaitingRectification',
    key: 'interviewsAwaitingRectification',
    sorter: true,
    align: 'right',
    render: (v: number, r) => evidence(r, 'INTERVIEWS_AWAITING_RECTIFICATION', v),
  },
  {
    title: '最新排名',
    dataIndex: 'latestRank',
    key: 'latestRank',
    sorter: true,
    align: 'right',
    render: (v: number | null, r) =>
      v == null ? '—' : <span title={r.rankNoticeNumber ?? undefined}>{`${v}/${r.rankedOf ?? '—'}`}</span>,
  },
  {
    title: '会议按期率',
    dataIndex: 'cadenceRatio',
    key: 'cadenceRatio',
    sorter: true,
    align: 'right',
    render: (v: number | null, r) => (
      <Link
        to={`/dashboard/${r.tenantCode}/evidence/MISSED_CADENCE`}
      >{`${percent(v)}（${r.cadenceMet}/${r.cadenceDue}）`}</Link>
    ),
  },
  {
    title: '议定事项完成率',
    dataIndex: 'agreedItemsRatio',
    key: 'agreedItemsRatio',
    sorter: true,
    align: 'right',
    render: (v: number | null, r) => (
      <Link
        to={`/dashboard/${r.tenantCode}/evidence/OPEN_AGREED_ITEMS`}
      >{`${percent(v)}（${r.agreedItemsDone}/${r.agreedItemsTotal}）`}</Link>
    ),
  },
  {
    title: '待确认措施',
    dataIndex: 'proposedSteps',
    key: 'proposedSteps',
    sorter: true,
    align: 'right',
    render: (v: number, r) => (
      <Typography.Text type={v > 0 ? 'warning' : undefined}>{evidence(r, 'PROPOSED_STEPS', v)}</Typography.Text>
    ),
  },
];

/** supervisionStatus for every tenant of the subtree: sorted, filtered and paged by the API (keyset). */
export function StatusTable({ tenantCode }: { tenantCode: string }) {
  const [filter, setFilter] = useState<SupervisionStatusFilter>({});
  const [order, setOrder] = useState<{ field: SupervisionStatusSortField; direction: 'ASC' | 'DESC' }>({
    field: 'NAME',
    direction: 'ASC',
  });
  const [pageSize, setPageSize] = useState(20);
  const [cursors, setCursors] = useState<Cursors>([null]);
  const after = cursors[cursors.length - 1];
  const { data, previousData, loading, error, refetch } = useQuery(StatusRowsDocument, {
    variables: { tenantCode, filter, orderBy: order, limit: pageSize, after },
    fetchPolicy: 'cache-and-network',
  });
  const shown = data ?? previousData;
  const page = shown?.supervisionStatus;
  const reset = () => setCursors([null]);

  const onChange: TableProps<StatusRow>['onChange'] = (_p, _f, sorter) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const field = (s?.order && SORT_FIELD[String(s.columnKey)]) || 'NAME';
    setOrder({ field, direction: s?.order === 'descend' ? 'DESC' : 'ASC' });
    reset();
  };
  const setF = (patch: SupervisionStatusFilter) => {
    setFilter((f) => ({ ...f, ...patch }));
    reset();
  };

  return (
    <Card
      title="督导情况"
      size="small"
      extra={
        <Typography.Text type="secondary">
          {page ? `共 ${page.totalCount} 个单位 · 超期截至 ${page.items[0]?.overdueAsOf ?? '—'}` : null}
        </Typography.Text>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Select<TenantLevel | ''>
          aria-label="层级"
          style={{ width: 120 }}
          value={filter.level ?? ''}
          onChange={(v) => setF({ level: v || null })}
          options={[
            { value: '', label: '全部层级' },
            ...Object.entries(LEVEL).map(([value, l]) => ({ value: value as TenantLevel, label: l })),
          ]}
        />
        <InputNumber
          aria-label="超期案件不少于"
          min={0}
          placeholder="超期≥"
          value={filter.minOverdue ?? null}
          onChange={(v) => setF({ minOverdue: v ?? null })}
        />
        <Checkbox checked={Boolean(filter.hasListed)} onChange={(e) => setF({ hasListed: e.target.checked || null })}>
          有挂牌督办
        </Checkbox>
        <Checkbox
          checked={Boolean(filter.awaitingRectification)}
          onChange={(e) => setF({ awaitingRectification: e.target.checked || null })}
        >
          约谈待整改
        </Checkbox>
        <Checkbox
          checked={Boolean(filter.hasProposed)}
          onChange={(e) => setF({ hasProposed: e.target.checked || null })}
        >
          有待确认措施
        </Checkbox>
      </Space>
      {error ? <ErrorState error={error} action={refetch} /> : null}
      <Table<StatusRow>
        rowKey="tenantCode"
        size="small"
        loading={loading}
        columns={columns}
        dataSource={page?.items ?? []}
        onChange={onChange}
        pagination={false}
        scroll={{ x: 1080 }}
        locale={{ emptyText: '没有符合条件的单位' }}
        data-testid="status-table"
      />
      <Space style={{ marginTop: 12, justifyContent: 'flex-end', width: '100%' }}>
        <span>第 {cursors.length} 页</span>
        <CursorPager cursors={cursors} setCursors={setCursors} nextCursor={page?.nextCursor} />
        <Select
          aria-label="每页条数"
          value={pageSize}
          onChange={(v) => {
            setPageSize(v);
            reset();
          }}
          options={[10, 20, 50, 100, 200].map((n) => ({ value: n, label: `${n} 条/页` }))}
        />
      </Space>
    </Card>
  );
}
