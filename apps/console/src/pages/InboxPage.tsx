import { Empty } from 'antd';

export default function InboxPage() {
  return <Empty description="建设中" />;
}
