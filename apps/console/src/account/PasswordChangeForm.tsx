import { useMutation } from '@apollo/client/react';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { errorText } from '../errors';
import { ChangePasswordDocument } from './documents';

interface Values {
  currentPassword?: string;
  newPassword: string;
  confirm: string;
}

/** The API's floor (ChangePasswordInput.newPassword); the API checks it again and names the field when it refuses. */
const MIN_LENGTH = 10;

/**
 * changePassword: with `currentPassword` given (the forced change right after sign-in, where it was just
 * typed) only the new one is asked for. `token` sends the mutation with a password-change-only token that
 * is not (yet) the console's session. Answers the new session's access token.
 */
export function PasswordChangeForm({
  currentPassword,
  token,
  submitText = '修改密码',
  onDone,
}: {
  currentPassword?: string;
  token?: string;
  submitText?: string;
  onDone: (accessToken: string) => void;
}) {
  const [change, { loading }] = useMutation(ChangePasswordDocument);
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm<Values>();
  const submit = async (v: Values) => {
    setError(null);
    try {
      const { data } = await change({
        variables: {
          input: { currentPassword: currentPassword ?? v.currentPassword ?? '', newPassword: v.newPassword },
        },
        context: token ? { headers: { authorization: `Bearer ${token}` } } : undefined,
      });
      if (data) onDone(data.changePassword.accessToken);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false}>
      {currentPassword === undefined ? (
        <Form.Item label="当前密码" name="currentPassword" rules={[{ required: true, message: '请输入当前密码' }]}>
          <Input.Password id="currentPassword" autoComplete="current-password" autoFocus />
        </Form.Item>
      ) : null}
      <Form.Item
        label="新密码"
        name="newPassword"
        extra={`至少 ${MIN_LENGTH} 位，不能与当前密码相同`}
        rules={[
          { required: true, message: '请输入新密码' },
          { min: MIN_LENGTH, message: `新密码至少 ${MIN_LENGTH} 位` },
        ]}
      >
        <Input.Password id="newPassword" autoComplete="new-password" autoFocus={currentPassword !== undefined} />
      </Form.Item>
      <Form.Item
        label="确认新密码"
        name="confirm"
        dependencies={['newPassword']}
        rules={[
          { required: true, message: '请再次输入新密码' },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              !value || getFieldValue('newPassword') === value
                ? Promise.resolve()
                : Promise.reject(new Error('两次输入的新密码不一致')),
          }),
        ]}
      >
        <Input.Password id="confirmPassword" autoComplete="new-password" />
      </Form.Item>
      {error ? (
        <Alert type="error" showIcon role="alert" title={errorText(error)} style={{ marginBottom: 16 }} />
      ) : null}
      <Button type="primary" htmlType="submit" block loading={loading} data-testid="change-password-submit">
        {submitText}
      </Button>
    </Form>
  );
}
