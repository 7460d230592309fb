import { Empty } from 'antd';

export default function WorkbenchPage() {
  return <Empty description="建设中" />;
}
