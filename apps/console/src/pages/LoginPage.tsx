import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { graphql } from '../gql';
import { useAuth } from '../auth';
import { errorText } from '../errors';

const LoginDocument = graphql(`
  mutation Login($input: LoginInput!) {
    login(input: $input) { accessToken expiresAt }
  }
`);

interface Values {
  tenantCode?: string;
  username: string;
  password: string;
}

export function LoginPage() {
  const { signIn } = useAuth();
  const [login, { loading }] = useMutation(LoginDocument);
  const [error, setError] = useState<unknown>(null);

  const submit = async (v: Values) => {
    setError(null);
    try {
      const { data } = await login({ variables: { input: { tenantCode: v.tenantCode?.trim() || null, username: v.username.trim(), password: v.password } } });
      if (data) signIn(data.login.accessToken);
    } catch (err) {
      setError(err);
    }
  };

  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#f0f2f5', padding: 16 }}>
      <Card style={{ width: 400, maxWidth: '100%' }}>
        <Typography.Title level={3} style={{ textAlign: 'center' }}>
          信访工作联席会议平台
        </Typography.Title>
        <Form<Values> layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false}>
          <Form.Item label="单位代码" name="tenantCode" extra="平台管理员留空">
            <Input id="tenantCode" autoComplete="organization" autoFocus />
          </Form.Item>
          <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请输入用户名' }]}>
            <Input id="username" autoComplete="username" />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password id="password" autoComplete="current-password" />
          </Form.Item>
          {error ? <Alert type="error" showIcon role="alert" title={errorText(error)} style={{ marginBottom: 16 }} /> : null}
          <Button type="primary" htmlType="submit" block loading={loading}>
            登录
          </Button>
        </Form>
      </Card>
    </div>
  );
}
