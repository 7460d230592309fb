import { useMutation } from '@apollo/client/react';
import { Button, Card, DatePicker, Form, Input, InputNumber, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { DraftMinutesDocument } from './documents';
import { useAction } from '../useAction';

interface ItemValues {
  content: string;
  ownerUnitIds: string[];
  dueDate?: Dayjs | null;
  amount?: number | null;
  unit?: 'WORKING_DAYS' | 'CALENDAR_DAYS';
}

interface Values {
  body: string;
  agreedItems: ItemValues[];
}

interface Existing {
  body: string;
  agreedItems: { content: string; dueOn?: string | null; owners: { id: string }[] }[];
}

/** Drafts (or redrafts after a return) the minutes with their agreed items (议定事项). */
export function MinutesDraft({
  meetingId,
  existing,
  units,
  onDone,
}: {
  meetingId: string;
  existing: Existing | null;
  units: { id: string; name: string }[];
  onDone: () => void;
}) {
  const [draft] = useMutation(DraftMinutesDocument);
  const { busy, run } = useAction();
  const initial: Values = {
    body: existing?.body ?? '',
    agreedItems: (existing?.agreedItems ?? []).map((i) => ({
      content: i.content,
      ownerUnitIds: i.owners.map((o) => o.id),
      dueDate: i.dueOn ? dayjs(i.dueOn) : null,
      unit: 'WORKING_DAYS',
    })),
  };
  const submit = (v: Values) =>
    run(
      () =>
        draft({
          variables: {
            input: {
              meetingId,
              body: v.body,
              agreedItems: (v.agreedItems ?? []).map((i) => ({
                content: i.content,
                ownerUnitIds: i.ownerUnitIds,
                due: i.dueDate
                  ? { date: i.dueDate.format('YYYY-MM-DD') }
                  : { amount: i.amount ?? null, unit: i.unit ?? 'WORKING_DAYS' },
              })),
            },
          },
        }),
      '纪要草稿已保存',
    ).then((ok) => ok && onDone());

  return (
    <Card title={existing ? '修改纪要' : '起草纪要'} size="small">
      <Form<Values> layout="vertical" initialValues={initial} onFinish={(v) => void submit(v)}>
        <Form.Item
          label="纪要正文"
          name="body"
          rules={[
            { required: true, message: '请填写纪要正文' },
            { min: 10, message: '纪要正文至少 10 个字' },
          ]}
        >
          <Input.TextArea id="minutesBody" autoSize={{ minRows: 4, maxRows: 16 }} />
        </Form.Item>
        <Form.List name="agreedItems">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, n) => (
                <Card
                  key={field.key}
                  size="small"
                  type="inner"
                  title={`议定事项 ${n + 1}`}
                  extra={<MinusCircleOutlined aria-label="删除此项" onClick={() => remove(field.name)} />}
                  style={{ marginBottom: 12 }}
                >
                  <Form.Item
                    label="内容"
                    name={[field.name, 'content']}
                    rules={[{ required: true, message: '请填写事项内容' }]}
                  >
                    <Input.TextArea id={`item-${n}-content`} autoSize={{ minRows: 1 }} />
                  </Form.Item>
                  <Form.Item
                    label="责任单位"
                    name={[field.name, 'ownerUnitIds']}
                    rules={[{ required: true, message: '请选择责任单位' }]}
                  >
                    <Select
                      id={`item-${n}-owners`}
                      mode="multiple"
                      showSearch
                      optionFilterProp="label"
                      options={units.map((u) => ({ value: u.id, label: u.name }))}
                    />
                  </Form.Item>
                  <Space wrap align="start">
                    <Form.Item label="办结期限（日期）" name={[field.name, 'dueDate']}>
                      <DatePicker id={`item-${n}-due`} />
                    </Form.Item>
                    <Form.Item label="或：印发后" name={[field.name, 'amount']}>
                      <InputNumber id={`item-${n}-amount`} min={1} max={365} />
                    </Form.Item>
                    <Form.Item label="单位" name={[field.name, 'unit']} initialValue="WORKING_DAYS">
                      <Select
                        style={{ width: 120 }}
                        options={[
                          { value: 'WORKING_DAYS', label: '个工作日' },
                          { value: 'CALENDAR_DAYS', label: '个自然日' },
                        ]}
                      />
                    </Form.Item>
                  </Space>
                </Card>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ unit: 'WORKING_DAYS' })}
                style={{ marginBottom: 12 }}
                data-testid="add-item"
              >
                添加议定事项
              </Button>
            </>
          )}
        </Form.List>
        <div>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="save-draft">
            保存草稿
          </Button>
        </div>
      </Form>
    </Card>
  );
}
