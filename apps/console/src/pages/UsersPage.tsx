import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { Role, UsersQuery } from '../gql/graphql';
import { useMe } from '../auth';
import { useTenantSetup } from '../tenant';
import { ROLE, label } from '../labels';
import { dateTime } from '../format';
import { administersAccounts, grantableRoles, mayAdminister } from '../roles';
import { ErrorState } from '../components/QueryState';
import { CursorPager, type Cursors } from '../components/CursorPager';
import { CreateUserForm } from '../admin/CreateUserForm';
import {
  ChangeUserRolesDocument,
  ChangeUserUnitDocument,
  DeactivateUserDocument,
  ReactivateUserDocument,
  RequirePasswordChangeDocument,
  ResetUserPasswordDocument,
  UsersDocument,
} from '../admin/documents';
import { useAction } from '../useAction';

type User = UsersQuery['users']['items'][number];
type Kind = 'roles' | 'unit' | 'deactivate' | 'reactivate' | 'reset' | 'require';
const ACTION: Record<Kind, { title: string; ok: string; done: string }> = {
  roles: { title: '调整角色', ok: '保存并备案', done: '角色已调整并备案' },
  unit: { title: '调整所属单位', ok: '保存并备案', done: '所属单位已调整并备案' },
  deactivate: { title: '停用账号', ok: '停用', done: '账号已停用，其登录已失效' },
  reactivate: { title: '启用账号', ok: '启用', done: '账号已启用' },
  reset: { title: '重置密码', ok: '发放临时密码', done: '临时密码已发放' },
  require: { title: '要求修改密码', ok: '确定', done: '该账号下次登录须修改密码' },
};
const UNIT_ROLES: string[] = ['MEMBER_UNIT', 'VILLAGE_SECRETARY'];
const PAGE = 20;

interface Values {
  roles?: Role[];
  memberUnitId?: string | null;
  reason: string;
}

/**
 * Users and roles: the tenant's directory (users, keyset-paged), and the account administration the API
 * offers — roles, unit, deactivation, a one-time temporary password shown once, a forced change — each
 * with a reason, filed (备案) by the API. Only what the grant matrix lets the caller grant is offered.
 */
export default function UsersPage() {
  const me = useMe();
  const code = me.tenant?.code ?? '';
  const { tenant } = useTenantSetup(code);
  const units = (tenant?.memberUnits ?? []).filter((u) => u.active);
  const grantable = grantableRoles(me);
  const admin = administersAccounts(me);

  const [search, setSearch] = useState('');
  const [role, setRole] = useState<Role | undefined>();
  const [active, setActive] = useState<boolean | undefined>();
  const [cursors, setCursors] = useState<Cursors>([null]);
  const after = cursors[cursors.length - 1];
  const { data, loading, error, refetch } = useQuery(UsersDocument, {
    variables: {
      tenantCode: code,
      search: search || null,
      role: role ?? null,
      active: active ?? null,
      after,
      limit: PAGE,
    },
    skip: !code,
  });
  const filter = (change: () => void) => {
    change();
    setCursors([null]);
  };

  const [dialog, setDialog] = useState<{ kind: Kind; user: User } | null>(null);
  const [creating, setCreating] = useState(false);
  const [reset, setReset] = useState<{
    username: string;
    displayName: string;
    temporaryPassword: string;
    expiresAt: string;
  } | null>(null);
  const [form] = Form.useForm<Values>();
  const chosen = Form.useWatch('roles', form) ?? [];
  const { busy, run } = useAction();
  const [deactivate] = useMutation(DeactivateUserDocument);
  const [reactivate] = useMutation(ReactivateUserDocument);
  const [changeRoles] = useMutation(ChangeUserRolesDocument);
  const [changeUnit] = useMutation(ChangeUserUnitDocument);
  const [resetPassword] = useMutation(ResetUserPasswordDocument);
  const [requireChange] = useMutation(RequirePasswordChangeDocument);

  const open = (kind: Kind, user: User) => {
    setDialog({ kind, user });
  };
  const submit = (v: Values) => {
    if (!dialog) return;
    const { kind, user } = dialog;
    const base = { userId: user.id, reason: v.reason.trim() };
    const needsUnit = (v.roles ?? []).some((r) => UNIT_ROLES.includes(r));
    void run(async () => {
      if (kind === 'roles')
        await changeRoles({
          variables: {
            input: { ...base, roles: v.roles ?? [], memberUnitId: needsUnit ? (v.memberUnitId ?? null) : null },
          },
        });
      else if (kind === 'unit')
        await changeUnit({ variables: { input: { ...base, memberUnitId: v.memberUnitId ?? null } } });
      else if (kind === 'deactivate') await deactivate({ variables: { input: base } });
      else if (kind === 'reactivate') await reactivate({ variables: { input: base } });
      else if (kind === 'require') await requireChange({ variables: { input: base } });
      else {
        const res = await resetPassword({ variables: { input: base } });
        const r = res.data?.resetUserPassword;
        if (r)
          setReset({
            username: r.user.username,
            displayName: r.user.displayName,
            temporaryPassword: r.temporaryPassword,
            expiresAt: r.expiresAt,
          });
      }
    }, ACTION[kind].done).then((ok) => {
      if (!ok) return;
      setDialog(null);
      form.resetFields();
      void refetch();
    });
  };

  const actions = (u: User) => {
    if (u.id === me.id) return <Typography.Text type="secondary">本人（请用右上角“修改密码”）</Typography.Text>;
    if (!mayAdminister(me, u.roles)) {
      return (
        <Tooltip title="该账号的角色超出您可授予的范围，由有权限的人员管理">
          <Typography.Text type="secondary">无权管理</Typography.Text>
        </Tooltip>
      );
    }
    const b = (kind: Kind, text: string, danger = false) => (
      <Button
        size="small"
        type="link"
        danger={danger}
        onClick={() => open(kind, u)}
        data-testid={`${kind}-${u.username}`}
        aria-label={`${text}：${u.displayName}`}
      >
        {text}
      </Button>
    );
    return (
      <Space size={0} wrap>
        {u.active ? (
          <>
            {b('roles', '角色')}
            {b('unit', '单位')}
            {b('reset', '重置密码')}
            {b('require', '要求改密')}
            {b('deactivate', '停用', true)}
          </>
        ) : (
          b('reactivate', '启用')
        )}
      </Space>
    );
  };

  const page = data?.users;
  const kind = dialog?.kind;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title="用户与角色"
        size="small"
        extra={
          admin ? (
            <Button type="primary" onClick={() => setCreating(true)} data-testid="create-user">
              新建账号
            </Button>
          ) : null
        }
      >
        <Space wrap style={{ marginBottom: 12 }}>
          <Input.Search
            id="userSearch"
            aria-label="搜索用户名或姓名"
            placeholder="用户名或姓名"
            allowClear
            onSearch={(v) => filter(() => setSearch(v.trim()))}
            style={{ width: 220 }}
          />
          <Select<Role>
            id="userRole"
            aria-label="按角色筛选"
            placeholder="全部角色"
            allowClear
            style={{ width: 160 }}
            value={role}
            onChange={(v) => filter(() => setRole(v))}
            options={Object.keys(ROLE)
              .filter((r) => r !== 'PLATFORM_ADMIN' && r !== 'OFFICE_STAFF')
              .map((r) => ({ value: r as Role, label: ROLE[r] }))}
          />
          <Select<string>
            id="userActive"
            aria-label="按状态筛选"
            placeholder="全部状态"
            allowClear
            style={{ width: 120 }}
            value={active === undefined ? undefined : String(active)}
            onChange={(v) => filter(() => setActive(v === undefined ? undefined : v === 'true'))}
            options={[
              { value: 'true', label: '启用' },
              { value: 'false', label: '已停用' },
            ]}
          />
        </Space>
        {error && !data ? (
          <ErrorState error={error} action={refetch} />
        ) : (
          <>
            <Table<User>
              rowKey="id"
              size="small"
              data-testid="users-table"
              loading={loading}
              dataSource={page?.items ?? []}
              pagination={false}
              scroll={{ x: 1000 }}
              locale={{ emptyText: search || role || active !== undefined ? '没有符合条件的账号' : '暂无账号' }}
              columns={[
                { title: '用户名', dataIndex: 'username', width: 130 },
                { title: '姓名', dataIndex: 'displayName', width: 150, ellipsis: true },
                {
                  title: '角色',
                  dataIndex: 'roles',
                  width: 190,
                  render: (rs: string[]) => rs.map((r) => <Tag key={r}>{label(ROLE, r)}</Tag>),
                },
                {
                  title: '所属单位',
                  key: 'unit',
                  width: 140,
                  ellipsis: true,
                  render: (_: unknown, u) => u.memberUnit?.name ?? '—',
                },
                {
                  title: '状态',
                  key: 'state',
                  width: 130,
                  render: (_: unknown, u) => (
                    <>
                      {u.active ? <Tag color="green">启用</Tag> : <Tag color="default">已停用</Tag>}
                      {u.mustChangePassword ? <Tag color="orange">须改密</Tag> : null}
                    </>
                  ),
                },
                { title: '最近登录', dataIndex: 'lastSignInAt', width: 140, render: (v: string | null) => dateTime(v) },
                ...(admin ? [{ title: '管理', key: 'actions', render: (_: unknown, u: User) => actions(u) }] : []),
              ]}
            />
            <Space style={{ marginTop: 12 }}>
              <CursorPager cursors={cursors} setCursors={setCursors} nextCursor={page?.nextCursor} size="small" />
            </Space>
          </>
        )}
      </Card>

      <Modal title="新建账号" open={creating} footer={null} onCancel={() => setCreating(false)} destroyOnHidden>
        <CreateUserForm
          tenantCode={code}
          units={units}
          roles={grantable}
          onDone={() => {
            setCreating(false);
            void refetch();
          }}
        />
      </Modal>

      <Modal
        title={dialog ? `${ACTION[dialog.kind].title}：${dialog.user.displayName}（${dialog.user.username}）` : ''}
        open={Boolean(dialog)}
        okText={kind ? ACTION[kind].ok : '确定'}
        okButtonProps={{ danger: kind === 'deactivate', ...{ 'data-testid': 'user-action-ok' } }}
        confirmLoading={busy}
        onCancel={() => setDialog(null)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form<Values>
          key={dialog ? `${dialog.kind}-${dialog.user.id}` : 'none'}
          form={form}
          layout="vertical"
          onFinish={submit}
          preserve={false}
          initialValues={{
            roles: dialog?.user.roles.filter((r) => (grantable as string[]).includes(r)),
            memberUnitId: dialog?.user.memberUnit?.id ?? undefined,
          }}
        >
          {kind === 'roles' ? (
            <Form.Item
              label="角色"
              name="roles"
              rules={[{ required: true, message: '请选择角色' }]}
              extra="只列出您有权授予的角色"
            >
              <Select
                id="userRoles"
                mode="multiple"
                optionFilterProp="label"
                options={grantable.map((r) => ({ value: r, label: ROLE[r] ?? r }))}
              />
            </Form.Item>
          ) : null}
          {kind === 'unit' || (kind === 'roles' && chosen.some((r) => UNIT_ROLES.includes(r))) ? (
            <Form.Item
              label="所属成员单位"
              name="memberUnitId"
              rules={kind === 'roles' ? [{ required: true, message: '成员单位账号须选择所属单位' }] : []}
            >
              <Select
                id="userUnit"
                allowClear
                showSearch
                optionFilterProp="label"
                placeholder="无"
                options={units.map((u) => ({ value: u.id, label: u.name }))}
              />
            </Form.Item>
          ) : null}
          {kind === 'reset' ? (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              title="将生成一次性临时密码，只显示一次；该账号其他登录随即失效，用临时密码登录后须设置新密码。"
            />
          ) : null}
          {kind === 'deactivate' ? (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title="停用后该账号立即无法登录，已登录的会话随即失效。"
            />
          ) : null}
          <Form.Item
            label="理由"
            name="reason"
            rules={[{ required: true, whitespace: true, message: '请写明理由（将备案并报召集人和联席办）' }]}
          >
            <Input.TextArea id="userReason" autoSize={{ minRows: 2 }} />
          </Form.Item>
        </Form>
      </Modal>

      <Modal
        title="临时密码（只显示这一次）"
        open={Boolean(reset)}
        onCancel={() => setReset(null)}
        footer={
          <Button type="primary" onClick={() => setReset(null)} data-testid="reset-close">
            我已记下，关闭
          </Button>
        }
        destroyOnHidden
      >
        {reset ? (
          <div data-testid="temporary-password">
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title="请当面或通过安全渠道交给本人。关闭后无法再次查看，如遗失需重新发放。"
            />
            <Descriptions size="small" column={1} bordered>
              <Descriptions.Item label="账号">{`${reset.displayName}（${reset.username}）`}</Descriptions.Item>
              <Descriptions.Item label="临时密码">
                <Typography.Text code copyable data-testid="temporary-password-value">
                  {reset.temporaryPassword}
                </Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label="有效期至">{dateTime(reset.expiresAt)}</Descriptions.Item>
            </Descriptions>
          </div>
        ) : null}
      </Modal>
    </Space>
  );
}
