import { useQuery } from '@apollo/client/react';
import { Card, Tree } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { graphql } from '../gql';
import { LEVEL, label } from '../labels';
import { QueryState } from '../components/QueryState';

const TenantTreeDocument = graphql(`
  query TenantTree($code: String!) {
    tenant(code: $code) {
      code
      name
      level
      children {
        code
        name
        level
        children {
          code
          name
          level
          children {
            code
            name
            level
          }
        }
      }
    }
  }
`);

interface Node {
  code: string;
  name: string;
  level: string;
  children?: Node[];
}

const toTree = (n: Node): DataNode => ({
  key: n.code,
  title: `${n.name}（${label(LEVEL, n.level)}）`,
  children: n.children?.map(toTree),
});

/** The tenant tree below the user's tenant; choosing a node scopes the dashboard to its subtree. */
export function TenantTree({
  root,
  selected,
  onSelect,
}: {
  root: string;
  selected: string;
  onSelect: (code: string) => void;
}) {
  const { data, loading, error, refetch } = useQuery(TenantTreeDocument, { variables: { code: root } });
  const tenant = data?.tenant;
  return (
    <Card title="辖区" size="small">
      <QueryState loading={loading && !data} error={error} empty={!tenant} refetch={refetch}>
        {tenant ? (
          <Tree
            treeData={[toTree(tenant as Node)]}
            defaultExpandAll
            selectedKeys={[selected]}
            onSelect={(keys) => keys[0] && onSelect(String(keys[0]))}
          />
        ) : null}
      </QueryState>
    </Card>
  );
}
