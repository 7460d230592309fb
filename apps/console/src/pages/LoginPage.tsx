import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { graphql } from '../gql';
import { useAuth } from '../auth';
import { errorText } from '../errors';
import { PasswordChangeForm } from '../account/PasswordChangeForm';

const LoginDocument = graphql(`
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      accessToken
      expiresAt
      mustChangePassword
      user {
        displayName
      }
    }
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
  // A temporary password, or an account that must choose its own: the token allows only changePassword.
  const [forced, setForced] = useState<{ token: string; password: string; displayName: string } | null>(null);

  const submit = async (v: Values) => {
    setError(null);
    try {
      const { data } = await login({
        variables: {
          input: { tenantCode: v.tenantCode?.trim() || null, username: v.username.trim(), password: v.password },
        },
      });
      if (!data) return;
      if (data.login.mustChangePassword)
        setForced({ token: data.login.accessToken, password: v.password, displayName: data.login.user.displayName });
      else signIn(data.login.accessToken);
    } catch (err) {
      setError(err);
    }
  };

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        background: '#f0f2f5',
        padding: 16,
      }}
    >
      <Card style={{ width: 400, maxWidth: '100%' }}>
        <Typography.Title level={3} style={{ textAlign: 'center' }}>
          信访工作联席会议平台
        </Typography.Title>
        {forced ? (
          <div data-testid="forced-password-change">
            <Alert
              type="warning"
              showIcon
              title={`${forced.displayName}，请先设置新密码`}
              description="您使用的是临时密码，或管理员要求您修改密码。设置新密码后即可进入系统。"
              style={{ marginBottom: 16 }}
            />
            <PasswordChangeForm
              currentPassword={forced.password}
              token={forced.token}
              submitText="设置新密码并登录"
              onDone={signIn}
            />
            <Button type="link" block onClick={() => setForced(null)} style={{ marginTop: 8 }}>
              返回登录
            </Button>
          </div>
        ) : (
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
            {error ? (
              <Alert type="error" showIcon role="alert" title={errorText(error)} style={{ marginBottom: 16 }} />
            ) : null}
            <Button type="primary" htmlType="submit" block loading={loading}>
              登录
            </Button>
          </Form>
        )}
      </Card>
    </div>
  );
}
