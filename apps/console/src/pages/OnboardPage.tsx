import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Col, Form, Input, Row, Select, Steps } from 'antd';
import { graphql } from '../gql';
import { useMe } from '../auth';
import { LEVEL, label } from '../labels';
import { QueryState } from '../components/QueryState';
import { useAction } from '../useAction';
import { CreateUserForm } from '../admin/CreateUserForm';

const PluginsDocument = graphql(`
  query OnboardPlugins {
    jurisdictionPlugins {
      id
      version
      name
      level
      available
      onboardable
    }
  }
`);

const OnboardDocument = graphql(`
  mutation OnboardTenant($input: OnboardTenantInput!) {
    onboardTenant(input: $input) {
      id
      code
      name
      level
      plugin {
        id
        version
        name
      }
      memberUnits {
        id
        name
      }
    }
  }
`);

interface Values {
  pluginId: string;
  code: string;
  name: string;
}

/** The county office onboards a township under its tenant from a plugin (the platform admin: at the top), then creates its office director. */
export default function OnboardPage() {
  const me = useMe();
  const parentCode = me.tenant?.code ?? null;
  const { data, loading, error, refetch } = useQuery(PluginsDocument);
  const [onboard] = useMutation(OnboardDocument);
  const { busy, run } = useAction();
  const [tenant, setTenant] = useState<{ code: string; name: string; units: { id: string; name: string }[] } | null>(
    null,
  );
  const [director, setDirector] = useState<string | null>(null);
  const plugins = (data?.jurisdictionPlugins ?? []).filter(
    (p) => p.available && p.onboardable && (!parentCode || p.level !== 'COUNTY'),
  );

  const submit = (v: Values) =>
    void run(async () => {
      const res = await onboard({
        variables: { input: { pluginId: v.pluginId, code: v.code.trim(), name: v.name.trim(), parentCode } },
      });
      const t = res.data?.onboardTenant;
      if (t) setTenant({ code: t.code, name: t.name, units: t.memberUnits });
    }, '已接入');

  return (
    <Card title="接入乡镇（街道）">
      <Steps
        current={director ? 2 : tenant ? 1 : 0}
        style={{ marginBottom: 24, maxWidth: 720 }}
        items={[{ title: '选择规则并接入' }, { title: '创建联席办主任账号' }, { title: '完成' }]}
      />
      <QueryState
        loading={loading && !data}
        error={error}
        refetch={refetch}
        empty={!plugins.length}
        emptyText="没有可接入的规则包"
      >
        <Row gutter={[24, 16]}>
          <Col xs={24} xl={12}>
            {!tenant ? (
              <Form<Values> layout="vertical" onFinish={submit} style={{ maxWidth: 480 }}>
                <Form.Item label="规则包（插件）" name="pluginId" rules={[{ required: true, message: '请选择规则包' }]}>
                  <Select
                    id="pluginId"
                    options={plugins.map((p) => ({
                      value: p.id,
                      label: `${p.name}（${label(LEVEL, p.level)} · ${p.id}@${p.version}）`,
                    }))}
                  />
                </Form.Item>
                <Form.Item
                  label="单位代码"
                  name="code"
                  rules={[{ required: true, whitespace: true, message: '请输入单位代码' }]}
                  extra="登录时填写，建议用拼音，如 shizi"
                >
                  <Input id="code" />
                </Form.Item>
                <Form.Item
                  label="单位名称"
                  name="name"
                  rules={[{ required: true, whitespace: true, message: '请输入单位名称' }]}
                >
                  <Input id="name" />
                </Form.Item>
                <Button type="primary" htmlType="submit" loading={busy}>
                  接入
                </Button>
              </Form>
            ) : director ? (
              <Alert
                type="success"
                showIcon
                title={`${tenant.name}（${tenant.code}）已接入，联席办主任账号 ${director} 已创建`}
                description="请将单位代码、用户名和初始密码告知对方。"
              />
            ) : (
              <>
                <Alert
                  type="success"
                  showIcon
                  title={`${tenant.name}（${tenant.code}）已接入，成员单位 ${tenant.units.length} 个`}
                  style={{ marginBottom: 16 }}
                />
                <CreateUserForm
                  tenantCode={tenant.code}
                  units={tenant.units}
                  roles={['OFFICE_DIRECTOR']}
                  onDone={(u) => setDirector(u.username)}
                />
              </>
            )}
          </Col>
        </Row>
      </QueryState>
    </Card>
  );
}
