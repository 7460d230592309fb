import { useQuery } from '@apollo/client/react';
import { Card, Table, Tag } from 'antd';
import { graphql } from '../gql';
import { LEVEL, label } from '../labels';
import { QueryState } from '../components/QueryState';

const TenantsDocument = graphql(`
  query Tenants {
    tenants {
      id
      code
      name
      level
      parent {
        code
        name
      }
      plugin {
        id
        version
      }
    }
  }
`);

/** The platform administrator's view: every tenant and the rules it runs (no petition data). */
export default function TenantsPage() {
  const { data, loading, error, refetch } = useQuery(TenantsDocument);
  return (
    <Card title="租户">
      <QueryState loading={loading && !data} error={error} refetch={refetch}>
        <Table
          rowKey="id"
          size="small"
          dataSource={data?.tenants ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          locale={{ emptyText: '尚无租户' }}
          columns={[
            { title: '代码', dataIndex: 'code' },
            { title: '名称', dataIndex: 'name' },
            { title: '层级', dataIndex: 'level', render: (v: string) => <Tag>{label(LEVEL, v)}</Tag> },
            { title: '上级', key: 'p', render: (_: unknown, t) => t.parent?.name ?? '—' },
            { title: '规则包', key: 'r', render: (_: unknown, t) => `${t.plugin.id}@${t.plugin.version}` },
          ]}
        />
      </QueryState>
    </Card>
  );
}
