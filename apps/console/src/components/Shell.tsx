import { useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { App as AntApp, Button, Layout, Menu, Modal, Space, Tag, Typography, type MenuProps } from 'antd';
import {
  ApartmentOutlined,
  BarChartOutlined,
  CalendarOutlined,
  FileSearchOutlined,
  InboxOutlined,
  KeyOutlined,
  LogoutOutlined,
  PlusSquareOutlined,
  ProfileOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { useAuth, useMe } from '../auth';
import { ROLE, label } from '../labels';
import { PasswordChangeForm } from '../account/PasswordChangeForm';
import { canOnboard, isConvener, isMember, isOffice, seesDashboard, seesWorkbench } from '../roles';

export function Shell() {
  const me = useMe();
  const { signIn, signOut } = useAuth();
  const { message } = AntApp.useApp();
  const [changing, setChanging] = useState(false);
  const navigate = useNavigate();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);

  const items: MenuProps['items'] = [
    seesDashboard(me) && { key: '/dashboard', icon: <BarChartOutlined />, label: '督导看板' },
    seesWorkbench(me) && { key: '/workbench', icon: <ProfileOutlined />, label: '工作台' },
    isMember(me) && { key: '/inbox', icon: <InboxOutlined />, label: '我的待办' },
    (seesWorkbench(me) || isMember(me)) && { key: '/meetings', icon: <CalendarOutlined />, label: '会议与纪要' },
    (seesWorkbench(me) || isMember(me)) && { key: '/cases', icon: <FileSearchOutlined />, label: '信访台账' },
    seesWorkbench(me) && { key: '/units', icon: <TeamOutlined />, label: '成员单位' },
    (isOffice(me) || isConvener(me)) && { key: '/users', icon: <UserOutlined />, label: '用户与角色' },
    canOnboard(me) && { key: '/onboard', icon: <PlusSquareOutlined />, label: '接入乡镇' },
    !me.tenant && { key: '/tenants', icon: <ApartmentOutlined />, label: '租户' },
  ].filter((i) => Boolean(i)) as MenuProps['items'];
  const selected = '/' + (location.pathname.split('/')[1] ?? '');

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        breakpoint="lg"
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        width={200}
        theme="dark"
      >
        <div style={{ color: '#fff', padding: '16px 12px', fontWeight: 600, whiteSpace: 'nowrap', overflow: 'hidden' }}>
          {collapsed ? '联席' : '信访工作联席会议'}
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[selected]}
          items={items}
          onClick={({ key }) => void navigate(key)}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            padding: '0 16px',
            display: 'flex',
            justifyContent: 'space-between',
            alignItems: 'center',
          }}
        >
          <Typography.Text strong ellipsis>
            {me.tenant ? `${me.tenant.name}` : '平台管理'}
            {me.memberUnit ? ` · ${me.memberUnit.name}` : ''}
          </Typography.Text>
          <Space wrap={false}>
            <span data-testid="whoami">{me.displayName}</span>
            {me.roles.map((r) => (
              <Tag key={r}>{label(ROLE, r)}</Tag>
            ))}
            <Button icon={<KeyOutlined />} onClick={() => setChanging(true)} data-testid="change-password">
              修改密码
            </Button>
            <Button icon={<LogoutOutlined />} onClick={signOut} data-testid="sign-out">
              退出
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ margin: 16, minWidth: 0 }}>
          <Outlet />
        </Layout.Content>
        <Modal title="修改我的密码" open={changing} footer={null} onCancel={() => setChanging(false)} destroyOnHidden>
          <PasswordChangeForm
            onDone={(token) => {
              // The API ends every session of the account and answers a new one: continue in it.
              signIn(token);
              setChanging(false);
              void message.success('密码已修改，其他设备上的登录已退出');
            }}
          />
        </Modal>
      </Layout>
    </Layout>
  );
}
