import { useState } from 'react';
import { Alert, Card, Col, List, Row } from 'antd';
import { useMe } from '../auth';
import { useTenantSetup } from '../tenant';
import { CreateUserForm } from '../admin/CreateUserForm';

/**
 * Users and roles. The API offers createUser only (no list of a tenant's users, no deactivation, role
 * change or password reset yet): the screen creates accounts and says what it cannot show.
 */
export default function UsersPage() {
  const me = useMe();
  const code = me.tenant?.code ?? '';
  const { tenant } = useTenantSetup(code);
  const [created, setCreated] = useState<{ username: string; displayName: string }[]>([]);
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <Card title="新建账号" size="small">
          <CreateUserForm tenantCode={code} units={(tenant?.memberUnits ?? []).filter((u) => u.active)} onDone={(u) => setCreated((c) => [u, ...c])} />
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card title="本次新建" size="small">
          <Alert type="info" showIcon style={{ marginBottom: 12 }} title="账号列表、停用、角色调整和重置密码需要平台接口支持，接口提供后在此显示。" />
          <List size="small" dataSource={created} locale={{ emptyText: '尚未新建账号' }} renderItem={(u) => <List.Item>{`${u.displayName}（${u.username}）`}</List.Item>} />
        </Card>
      </Col>
    </Row>
  );
}
