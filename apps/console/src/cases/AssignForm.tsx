import { useMutation } from '@apollo/client/react';
import { Button, Form, Input, Select, Space } from 'antd';
import { AssignCaseDocument } from './documents';
import { useAction } from '../useAction';

/** The office assigns the responsible unit and person (归口); the time limit follows the plugin. */
export function AssignForm({
  caseId,
  units,
  onDone,
}: {
  caseId: string;
  units: { id: string; name: string }[];
  onDone: () => void;
}) {
  const [assign] = useMutation(AssignCaseDocument);
  const { busy, run } = useAction();
  return (
    <Form
      layout="inline"
      onFinish={(v: { responsibleUnitId: string; responsiblePerson: string }) =>
        void run(() => assign({ variables: { input: { caseId, ...v } } }), '已交办').then((ok) => ok && onDone())
      }
    >
      <Space wrap>
        <Form.Item name="responsibleUnitId" rules={[{ required: true, message: '请选择责任单位' }]}>
          <Select
            aria-label="责任单位"
            placeholder="责任单位"
            style={{ width: 220 }}
            showSearch
            optionFilterProp="label"
            options={units.map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
        <Form.Item name="responsiblePerson" rules={[{ required: true, message: '请填写责任人' }]}>
          <Input aria-label="责任人" placeholder="责任人" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          交办
        </Button>
      </Space>
    </Form>
  );
}
