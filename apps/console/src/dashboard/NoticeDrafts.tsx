import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { Alert, Button, Card, Form, Input, Modal, Select, Table, Tag } from 'antd';
import { graphql } from '../gql';
import { rankingColumns, type NoticeView } from './NoticeCard';

const PublishNoticeDocument = graphql(`
  mutation PublishSupervisionNotice($input: PublishSupervisionNoticeInput!) {
    publishSupervisionNotice(input: $input) {
      id
      status
      publishedAt
    }
  }
`);

const PERIOD: Record<string, string> = { MONTHLY: '月度', QUARTERLY: '季度', HALF_YEARLY: '半年', ANNUAL: '年度' };

interface Values {
  title: string;
  body?: string;
  criticised?: string[];
  criticism?: string;
}

/**
 * Regular notices the sweep drafted (月度、半年、年度通报): sent to nobody and counted by nothing until the
 * office reviews and publishes one, with its text and named criticism (点名批评) where the plugin provides it.
 */
export function NoticeDrafts({
  drafts,
  run,
  busy,
  onPublished,
}: {
  drafts: NoticeView[];
  run: (work: () => Promise<unknown>, done?: string) => Promise<boolean>;
  busy: boolean;
  onPublished: () => void;
}) {
  const [publish] = useMutation(PublishNoticeDocument);
  const [notice, setNotice] = useState<NoticeView | null>(null);
  const [form] = Form.useForm<Values>();
  const criticised = Form.useWatch('criticised', form) ?? [];
  const submit = (v: Values) => {
    if (!notice) return;
    const criticisms = (v.criticised ?? []).map((unitId) => ({ unitId, text: (v.criticism ?? '').trim() }));
    void run(
      () =>
        publish({
          variables: {
            input: {
              noticeId: notice.id,
              title: v.title.trim() === notice.title ? null : v.title.trim(),
              body: v.body?.trim() || null,
              criticisms: criticisms.length ? criticisms : null,
            },
          },
        }),
      '通报已发布',
    ).then((ok) => {
      if (!ok) return;
      setNotice(null);
      onPublished();
    });
  };
  return (
    <Card title="待发布的通报（草稿）" size="small" data-testid="notice-drafts">
      <Table<NoticeView>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={drafts}
        locale={{ emptyText: '没有待发布的通报' }}
        columns={[
          {
            title: '期间',
            key: 'p',
            render: (_: unknown, n) => `${PERIOD[n.period ?? ''] ?? ''} ${n.periodStart} 至 ${n.periodEnd}`,
          },
          { title: '标题', dataIndex: 'title', ellipsis: true },
          { title: '排名单位', key: 'e', width: 90, render: (_: unknown, n) => n.entries.length },
          {
            title: '',
            key: 'a',
            width: 90,
            render: (_: unknown, n) => (
              <Button
                size="small"
                type="primary"
                onClick={() => setNotice(n)}
                data-testid="notice-publish"
                aria-label={`审核发布：${n.title}`}
              >
                审核发布
              </Button>
            ),
          },
        ]}
      />
      <Modal
        title={notice ? `发布通报：${notice.title}` : ''}
        open={Boolean(notice)}
        okText="发布"
        okButtonProps={{ ...{ 'data-testid': 'notice-publish-ok' } }}
        confirmLoading={busy}
        onCancel={() => setNotice(null)}
        onOk={() => form.submit()}
        width={720}
        destroyOnHidden
      >
        {notice ? (
          <Form<Values>
            key={notice.id}
            form={form}
            layout="vertical"
            onFinish={submit}
            preserve={false}
            initialValues={{ title: notice.title, body: notice.body ?? '' }}
          >
            <Alert type="info" showIcon style={{ marginBottom: 12 }} title={`依据：${notice.rule}`} />
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              style={{ marginBottom: 12 }}
              dataSource={notice.entries}
              columns={[
                ...rankingColumns(60),
                { title: '', key: 'b', render: (_: unknown, e) => (e.bottom ? <Tag color="red">排名靠后</Tag> : null) },
              ]}
            />
            <Form.Item label="标题" name="title" rules={[{ required: true, whitespace: true, message: '请输入标题' }]}>
              <Input id="noticeTitle" />
            </Form.Item>
            <Form.Item label="通报正文（分析原因、查找薄弱环节）" name="body">
              <Input.TextArea id="noticeBody" autoSize={{ minRows: 3 }} />
            </Form.Item>
            <Form.Item label="点名批评（本地规定提供时）" name="criticised">
              <Select
                id="noticeCriticised"
                mode="multiple"
                optionFilterProp="label"
                allowClear
                options={notice.entries.map((e) => ({ value: e.targetUnitId, label: e.unitName }))}
              />
            </Form.Item>
            {criticised.length ? (
              <Form.Item
                label="批评内容"
                name="criticism"
                rules={[{ required: true, whitespace: true, message: '请写明批评内容' }]}
              >
                <Input.TextArea id="noticeCriticism" autoSize={{ minRows: 2 }} />
              </Form.Item>
            ) : null}
          </Form>
        ) : null}
      </Modal>
    </Card>
  );
}
