import { Empty } from 'antd';

export default function EvidencePage() {
  return <Empty description="建设中" />;
}
