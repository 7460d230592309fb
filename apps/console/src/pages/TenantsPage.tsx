import { Empty } from 'antd';

export default function TenantsPage() {
  return <Empty description="建设中" />;
}
