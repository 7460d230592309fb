import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { Button, Form, Input, Modal, Switch } from 'antd';
import { VerifySensitiveDocument } from './documents';
import { useAction } from '../useAction';

interface Values {
  verification: string;
  handling: string;
  verifiedOnSite: boolean;
}

/** The responsible unit reports its on-site verification (核查) and handling (处理). */
export function VerifyButton({ reportId, onDone }: { reportId: string; onDone: () => void }) {
  const [open, setOpen] = useState(false);
  const [verify] = useMutation(VerifySensitiveDocument);
  const { busy, run } = useAction();
  const [form] = Form.useForm<Values>();
  return (
    <>
      <Button size="small" type="primary" onClick={() => setOpen(true)}>
        报告核查
      </Button>
      <Modal
        title="核查情况"
        open={open}
        okText="报送"
        confirmLoading={busy}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ verifiedOnSite: true }}
          onFinish={(v) =>
            void run(() => verify({ variables: { input: { reportId, ...v } } }), '核查情况已报送').then((ok) => {
              if (!ok) return;
              setOpen(false);
              onDone();
            })
          }
        >
          <Form.Item label="核查情况" name="verification" rules={[{ required: true, message: '请填写核查情况' }]}>
            <Input.TextArea autoSize={{ minRows: 2 }} />
          </Form.Item>
          <Form.Item label="处理情况" name="handling" rules={[{ required: true, message: '请填写处理情况' }]}>
            <Input.TextArea autoSize={{ minRows: 2 }} />
          </Form.Item>
          <Form.Item label="已现场核实" name="verifiedOnSite" valuePropName="checked">
            <Switch />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
