import { useMutation } from '@apollo/client/react';
import { Button, Form, Input, Select } from 'antd';
import { graphql } from '../gql';
import type { Role } from '../gql/graphql';
import { ROLE } from '../labels';
import { useAction } from '../useAction';

const CreateUserDocument = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      id
      username
      displayName
      roles
      memberUnit {
        id
        name
      }
    }
  }
`);

// Roles an office may ask for; the API decides who may grant what (and refuses the rest with its reason).
const GRANTABLE: Role[] = [
  'OFFICE_DIRECTOR',
  'CONVENER',
  'CHIEF_CONVENER',
  'MEMBER_UNIT',
  'VILLAGE_SECRETARY',
  'SUPERIOR',
];
const UNIT_ROLES: Role[] = ['MEMBER_UNIT', 'VILLAGE_SECRETARY'];

interface Values {
  username: string;
  displayName: string;
  password: string;
  roles: Role[];
  memberUnitId?: string;
}

/** createUser for a tenant: member-unit roles need the unit the user belongs to. */
export function CreateUserForm({
  tenantCode,
  units,
  roles = GRANTABLE,
  onDone,
}: {
  tenantCode: string;
  units: { id: string; name: string }[];
  roles?: Role[];
  onDone?: (user: { username: string; displayName: string }) => void;
}) {
  const [create] = useMutation(CreateUserDocument);
  const { busy, run } = useAction();
  const [form] = Form.useForm<Values>();
  const chosen = Form.useWatch('roles', form) ?? [];
  const needsUnit = chosen.some((r) => UNIT_ROLES.includes(r));
  const submit = (v: Values) =>
    void run(async () => {
      const res = await create({
        variables: {
          input: {
            tenantCode,
            username: v.username.trim(),
            displayName: v.displayName.trim(),
            password: v.password,
            roles: v.roles,
            memberUnitId: needsUnit ? (v.memberUnitId ?? null) : null,
          },
        },
      });
      if (res.data) onDone?.(res.data.createUser);
      form.resetFields();
    }, '账号已创建');
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={submit}
      initialValues={{ roles: roles.length === 1 ? roles : [] }}
      style={{ maxWidth: 480 }}
    >
      <Form.Item label="用户名" name="username" rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}>
        <Input id="newUsername" autoComplete="off" />
      </Form.Item>
      <Form.Item label="姓名" name="displayName" rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}>
        <Input id="newDisplayName" />
      </Form.Item>
      <Form.Item
        label="初始密码"
        name="password"
        rules={[{ required: true, message: '请输入初始密码' }]}
        extra="请当面或另行告知本人"
      >
        <Input.Password id="newPassword" autoComplete="new-password" />
      </Form.Item>
      <Form.Item label="角色" name="roles" rules={[{ required: true, message: '请选择角色' }]}>
        <Select
          id="newRoles"
          mode="multiple"
          optionFilterProp="label"
          options={roles.map((r) => ({ value: r, label: ROLE[r] ?? r }))}
        />
      </Form.Item>
      {needsUnit ? (
        <Form.Item
          label="所属成员单位"
          name="memberUnitId"
          rules={[{ required: true, message: '成员单位账号须选择所属单位' }]}
        >
          <Select
            id="newMemberUnit"
            showSearch
            optionFilterProp="label"
            options={units.map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
      ) : null}
      <Button type="primary" htmlType="submit" loading={busy}>
        创建账号
      </Button>
    </Form>
  );
}
