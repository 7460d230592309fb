import { Empty } from 'antd';

export default function CasesPage() {
  return <Empty description="建设中" />;
}
