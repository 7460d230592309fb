import { Empty } from 'antd';

export default function UsersPage() {
  return <Empty description="建设中" />;
}
