import { lazy, Suspense, useState, type ComponentProps } from 'react';
import { useQuery } from '@apollo/client/react';
import { Card, Col, Empty, Row, Skeleton, Space } from 'antd';
import { graphql } from '../gql';
import { useMe } from '../auth';
import { ACTION_KIND, label } from '../labels';
import { QueryState } from '../components/QueryState';
import { TenantTree } from '../dashboard/TenantTree';
import { StatusTable } from '../dashboard/StatusTable';
import { NoticeCard, type NoticeView } from '../dashboard/NoticeCard';
import { casesByTown, rankOverMonths, stepsByKind } from '../dashboard/charts';
import { Proposals } from '../dashboard/Proposals';
import { NoticeDrafts } from '../dashboard/NoticeDrafts';
import { isOffice } from '../roles';
import { useAction } from '../useAction';

// ECharts is the largest part of the dashboard: loaded after the table, so the first screen stays small.
const LazyChart = lazy(() => import('../dashboard/Chart').then((m) => ({ default: m.Chart })));
const Chart = (props: ComponentProps<typeof LazyChart>) => (
  <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: 260 }} />}>
    <LazyChart {...props} />
  </Suspense>
);

const DashboardDocument = graphql(`
  query Dashboard($tenantCode: String!) {
    children: supervisionStatus(
      tenantCode: $tenantCode
      filter: { parentCode: $tenantCode }
      limit: 200
      orderBy: { field: NAME, direction: ASC }
    ) {
      items {
        tenantCode
        tenantName
        openCases
        overdueCases
        listedCases
      }
    }
    supervisionNotices(tenantCode: $tenantCode, kind: REGULAR, limit: 12) {
      id
      number
      title
      status
      period
      body
      periodStart
      periodEnd
      publishedAt
      rule
      entries {
        id
        targetUnitId
        listCode
        rank
        rankedOf
        unitName
        score
        bottom
        criticised
        readAt
      }
    }
    supervisionActions: supervisionActionsPage(tenantCode: $tenantCode, limit: 200) {
      items {
        id
        kind
        status
      }
    }
  }
`);

export default function DashboardPage() {
  const me = useMe();
  const root = me.tenant?.code ?? '';
  const [scope, setScope] = useState(root);
  const { data, loading, error, refetch } = useQuery(DashboardDocument, {
    variables: { tenantCode: scope },
    skip: !scope,
  });
  const { busy, run } = useAction();
  if (!root) return <Empty description="平台管理员请在“租户”中查看各单位" />;

  const published = (data?.supervisionNotices ?? []).filter((n) => n.status !== 'DRAFT') as NoticeView[];
  // Drafts reach only the office that issues them (the API answers them to nobody else).
  const drafts = (data?.supervisionNotices ?? []).filter((n) => n.status === 'DRAFT') as NoticeView[];
  const office = isOffice(me) && scope === root;
  const kinds = new Map<string, number>();
  for (const a of data?.supervisionActions?.items ?? []) kinds.set(a.kind, (kinds.get(a.kind) ?? 0) + 1);
  const steps = [...kinds].map(([k, value]) => ({ name: label(ACTION_KIND, k), value }));
  const towns = data?.children.items ?? [];

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={6} xl={5}>
        <TenantTree root={root} selected={scope} onSelect={setScope} />
      </Col>
      <Col xs={24} lg={18} xl={19}>
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <StatusTable tenantCode={scope} />
          <QueryState loading={loading && !data} error={error} refetch={refetch}>
            <Row gutter={[16, 16]}>
              <Col xs={24} xl={12}>
                <Card title="各乡镇在办、超期与挂牌督办案件" size="small">
                  {towns.length ? (
                    <Chart label="各乡镇案件柱状图" option={casesByTown(towns)} />
                  ) : (
                    <Empty description="没有下级单位" />
                  )}
                </Card>
              </Col>
              <Col xs={24} xl={12}>
                <Card title="近几期排名" size="small">
                  {published.length ? (
                    <Chart label="排名折线图" option={rankOverMonths(published)} />
                  ) : (
                    <Empty description="尚无排名通报" />
                  )}
                </Card>
              </Col>
              <Col xs={24} xl={12}>
                <Card title="督导措施（按类别）" size="small">
                  {steps.length ? (
                    <Chart label="督导措施饼图" option={stepsByKind(steps)} />
                  ) : (
                    <Empty description="尚无督导措施" />
                  )}
                </Card>
              </Col>
              <Col xs={24} xl={12}>
                <NoticeCard notice={published[0]} />
              </Col>
            </Row>
          </QueryState>
          {office && data ? (
            <NoticeDrafts drafts={drafts} run={run} busy={busy} onPublished={() => void refetch()} />
          ) : null}
          <Proposals tenantCode={root} />
        </Space>
      </Col>
    </Row>
  );
}
