import { Empty } from 'antd';

export default function OnboardPage() {
  return <Empty description="建设中" />;
}
