import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { Button, Input, Modal } from 'antd';
import { ReportProgressDocument } from './documents';
import { useAction } from '../useAction';

/** One click to open, one to send: a progress report on a case (进展报告). */
export function ProgressButton({ caseId, onDone }: { caseId: string; onDone?: () => void }) {
  const [open, setOpen] = useState(false);
  const [content, setContent] = useState('');
  const [report] = useMutation(ReportProgressDocument);
  const { busy, run } = useAction();
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>
        报告进展
      </Button>
      <Modal
        title="报告办理进展"
        open={open}
        okText="报送"
        confirmLoading={busy}
        okButtonProps={{ disabled: !content.trim() }}
        onCancel={() => setOpen(false)}
        onOk={() =>
          void run(() => report({ variables: { input: { caseId, content } } }), '进展已报送').then((ok) => {
            if (!ok) return;
            setOpen(false);
            setContent('');
            onDone?.();
          })
        }
      >
        <Input.TextArea
          aria-label="办理进展"
          autoSize={{ minRows: 3 }}
          value={content}
          onChange={(e) => setContent(e.target.value)}
        />
      </Modal>
    </>
  );
}
