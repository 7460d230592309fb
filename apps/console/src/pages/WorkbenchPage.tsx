import { Link } from 'react-router-dom';
import { useQuery } from '@apollo/client/react';
import { Alert, Card, Col, Row, Statistic, Table, Tag } from 'antd';
import { useMe } from '../auth';
import { isOffice, seesDashboard } from '../roles';
import { errorText } from '../errors';
import { QueryState } from '../components/QueryState';
import { useTenantSetup } from '../tenant';
import { Proposals, ProposalsDocument, STEP } from '../dashboard/Proposals';
import { label } from '../labels';
import { TODO_KIND, WorkbenchDocument, WorkbenchSensitiveDocument, todosOf, type Todo } from '../workbench/todos';
import { CombinedGraphQLErrors } from '@apollo/client/errors';

/** The office's and conveners' to-do list, from the API's lists (partial when some are not theirs to read). */
export default function WorkbenchPage() {
  const me = useMe();
  const code = me.tenant?.code ?? '';
  const { tenant } = useTenantSetup(code);
  const {
    data,
    loading,
    error: listsError,
    refetch,
  } = useQuery(WorkbenchDocument, { variables: { tenantCode: code }, skip: !code, errorPolicy: 'all' });
  const sensitive = useQuery(WorkbenchSensitiveDocument, {
    variables: { tenantCode: code },
    skip: !code || !isOffice(me),
    errorPolicy: 'all',
  });
  // No rule for sensitive information in this tenant's plugin (BAD_USER_INPUT): nothing to do there.
  const sensitiveError =
    CombinedGraphQLErrors.is(sensitive.error) &&
    sensitive.error.errors.every((e) => e.extensions?.code === 'BAD_USER_INPUT')
      ? undefined
      : sensitive.error;
  const error = listsError ?? sensitiveError;
  // The same query as the proposals panel below (one request, shared through the cache).
  const proposals = useQuery(ProposalsDocument, { variables: { tenantCode: code, status: 'PROPOSED' }, skip: !code });
  const types = tenant?.jointMeeting.meetingTypes ?? [];
  const todos = todosOf(
    data ? { ...data, sensitiveReports: sensitive.data?.sensitiveReports ?? { items: [] } } : undefined,
    {
      office: isOffice(me),
      proposals: {
        items: proposals.data?.supervisionProposals ?? [],
        stepName: (s) => label(STEP, s),
        link: seesDashboard(me) ? '/dashboard' : null,
      },
      approves: (typeCode) => {
        const by = types.find((t) => t.code === typeCode)?.minutesApprovedBy;
        return Boolean(by && me.roles.includes(by));
      },
    },
  );
  const urgent = todos.filter((t) => t.urgent).length;
  return (
    <QueryState loading={loading && !data} error={data ? undefined : error} refetch={refetch}>
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title="待办事项" value={todos.length} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title="紧急（超期或待审批、印发）"
              value={urgent}
              styles={{ content: { color: urgent ? '#b71c1c' : undefined } }}
            />
          </Card>
        </Col>
        <Col span={24}>
          {data && error ? (
            <Alert
              type="warning"
              showIcon
              title={`部分清单未能读取：${errorText(error)}`}
              style={{ marginBottom: 12 }}
            />
          ) : null}
          <Card title="待办事项" size="small" data-testid="todos">
            <Table<Todo>
              rowKey="key"
              size="small"
              dataSource={todos}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              scroll={{ x: 800 }}
              locale={{ emptyText: '暂无待办事项' }}
              columns={[
                {
                  title: '类别',
                  dataIndex: 'kind',
                  width: 150,
                  render: (k: Todo['kind'], t) => <Tag color={t.urgent ? 'red' : 'blue'}>{TODO_KIND[k]}</Tag>,
                },
                {
                  title: '事项',
                  dataIndex: 'title',
                  ellipsis: true,
                  render: (v: string, t) => (t.link ? <Link to={t.link}>{v}</Link> : v),
                },
                { title: '说明', dataIndex: 'detail', ellipsis: true },
                { title: '期限', dataIndex: 'due', width: 120, render: (v: string | null) => v ?? '—' },
              ]}
            />
          </Card>
        </Col>
        <Col span={24}>
          <Proposals tenantCode={code} />
        </Col>
      </Row>
    </QueryState>
  );
}
