import { Empty } from 'antd';

export default function MeetingPage() {
  return <Empty description="建设中" />;
}
