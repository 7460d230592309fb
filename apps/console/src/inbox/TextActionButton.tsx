import { useState } from 'react';
import { Button, Input, Modal } from 'antd';
import { useAction } from '../useAction';

/** A button that asks for one text and sends it: the inbox's one-or-two-click actions. */
export function TextActionButton({
  text,
  title,
  field,
  done,
  send,
  onDone,
  testId,
}: {
  text: string;
  title: string;
  field: string;
  done: string;
  send: (value: string) => Promise<unknown>;
  onDone: () => void;
  testId?: string;
}) {
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState('');
  const { busy, run } = useAction();
  return (
    <>
      <Button size="small" type="primary" onClick={() => setOpen(true)} data-testid={testId}>
        {text}
      </Button>
      <Modal
        title={title}
        open={open}
        okText="报送"
        confirmLoading={busy}
        okButtonProps={{ disabled: !value.trim() }}
        onCancel={() => setOpen(false)}
        onOk={() =>
          void run(() => send(value), done).then((ok) => {
            if (!ok) return;
            setOpen(false);
            setValue('');
            onDone();
          })
        }
      >
        <Input.TextArea
          aria-label={field}
          placeholder={field}
          autoSize={{ minRows: 3 }}
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
      </Modal>
    </>
  );
}
