import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Card, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { graphql } from '../gql';
import type { MemberUnitKind } from '../gql/graphql';
import { useMe } from '../auth';
import { isOffice } from '../roles';
import { UNIT_KIND, label } from '../labels';
import { dateTime } from '../format';
import { QueryState } from '../components/QueryState';
import { useAction } from '../useAction';

const UnitsDocument = graphql(`
  query Units($code: String!) {
    tenant(code: $code) {
      id
      code
      memberUnits {
        id
        name
        kind
        active
      }
      membershipChanges {
        id
        kind
        reason
        filedAt
        memberUnit {
          id
          name
        }
        filedBy {
          displayName
        }
      }
    }
  }
`);

const AddUnitDocument = graphql(`
  mutation AddMemberUnit($input: AddMemberUnitInput!) {
    addMemberUnit(input: $input) {
      id
    }
  }
`);
const DeactivateUnitDocument = graphql(`
  mutation DeactivateMemberUnit($input: DeactivateMemberUnitInput!) {
    deactivateMemberUnit(input: $input) {
      id
      active
    }
  }
`);

const CHANGE: Record<string, string> = { ADDED: '增加', DEACTIVATED: '撤销', RENAMED: '更名' };

type Dialog = { mode: 'add' } | { mode: 'deactivate'; unit: { id: string; name: string } } | null;

/** Member units and the filing record (备案); the office adds or deactivates a unit with a reason. */
export default function UnitsPage() {
  const me = useMe();
  const code = me.tenant?.code ?? '';
  const { data, loading, error, refetch } = useQuery(UnitsDocument, { variables: { code }, skip: !code });
  const [add] = useMutation(AddUnitDocument);
  const [deactivate] = useMutation(DeactivateUnitDocument);
  const { busy, run } = useAction();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [form] = Form.useForm<{ name: string; kind: MemberUnitKind; reason: string }>();
  const office = isOffice(me);
  const t = data?.tenant;

  const submit = (v: { name: string; kind: MemberUnitKind; reason: string }) =>
    void run(
      () =>
        dialog?.mode === 'deactivate'
          ? deactivate({ variables: { input: { memberUnitId: dialog.unit.id, reason: v.reason } } })
          : add({ variables: { input: { tenantCode: code, name: v.name, kind: v.kind, reason: v.reason } } }),
      '已备案',
    ).then((ok) => {
      if (!ok) return;
      setDialog(null);
      form.resetFields();
      void refetch();
    });

  return (
    <QueryState loading={loading && !data} error={error} refetch={refetch} empty={!t} emptyText="未找到本单位">
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card
          title="成员单位"
          size="small"
          extra={
            office ? (
              <Button type="primary" onClick={() => setDialog({ mode: 'add' })}>
                增加成员单位
              </Button>
            ) : null
          }
        >
          <Table
            rowKey="id"
            size="small"
            dataSource={t?.memberUnits ?? []}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            locale={{ emptyText: '暂无成员单位' }}
            columns={[
              { title: '名称', dataIndex: 'name' },
              { title: '类别', dataIndex: 'kind', render: (v: string) => label(UNIT_KIND, v) },
              {
                title: '状态',
                dataIndex: 'active',
                render: (v: boolean) => (v ? <Tag color="green">在册</Tag> : <Tag>已撤销</Tag>),
              },
              {
                title: '',
                key: 'a',
                render: (_: unknown, u) =>
                  office && u.active ? (
                    <Button size="small" danger onClick={() => setDialog({ mode: 'deactivate', unit: u })}>
                      撤销
                    </Button>
                  ) : null,
              },
            ]}
          />
        </Card>
        <Card title="备案记录" size="small">
          <Table
            rowKey="id"
            size="small"
            dataSource={t?.membershipChanges ?? []}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            locale={{ emptyText: '暂无备案记录' }}
            columns={[
              { title: '时间', dataIndex: 'filedAt', render: (v: string) => dateTime(v) },
              { title: '变更', dataIndex: 'kind', render: (v: string) => <Tag>{CHANGE[v] ?? v}</Tag> },
              { title: '成员单位', key: 'u', render: (_: unknown, c) => c.memberUnit.name },
              { title: '理由', dataIndex: 'reason' },
              { title: '经办人', key: 'by', render: (_: unknown, c) => c.filedBy.displayName },
            ]}
          />
        </Card>
      </Space>
      <Modal
        title={dialog?.mode === 'deactivate' ? `撤销成员单位：${dialog.unit.name}` : '增加成员单位'}
        open={Boolean(dialog)}
        okText="备案"
        confirmLoading={busy}
        onCancel={() => setDialog(null)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={submit}>
          {dialog?.mode === 'add' ? (
            <>
              <Form.Item label="名称" name="name" rules={[{ required: true, whitespace: true, message: '请输入名称' }]}>
                <Input />
              </Form.Item>
              <Form.Item label="类别" name="kind" rules={[{ required: true, message: '请选择类别' }]}>
                <Select options={Object.entries(UNIT_KIND).map(([value, l]) => ({ value, label: l }))} />
              </Form.Item>
            </>
          ) : null}
          <Form.Item
            label="理由"
            name="reason"
            rules={[{ required: true, whitespace: true, message: '请写明理由（将备案并报召集人）' }]}
          >
            <Input.TextArea autoSize={{ minRows: 2 }} />
          </Form.Item>
        </Form>
      </Modal>
    </QueryState>
  );
}
