import { Empty } from 'antd';

export default function UnitsPage() {
  return <Empty description="建设中" />;
}
