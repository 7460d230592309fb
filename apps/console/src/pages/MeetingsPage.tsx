import { Empty } from 'antd';

export default function MeetingsPage() {
  return <Empty description="建设中" />;
}
