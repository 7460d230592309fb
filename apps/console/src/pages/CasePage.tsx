import { Empty } from 'antd';

export default function CasePage() {
  return <Empty description="建设中" />;
}
