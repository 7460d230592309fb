import { useState } from 'react';
import { App } from 'antd';
import { errorText } from './errors';

/** Runs a mutation with a busy flag and a Chinese success or error message. */
export function useAction() {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<unknown>, done?: string): Promise<boolean> => {
    setBusy(true);
    try {
      await work();
      if (done) void message.success(done);
      return true;
    } catch (err) {
      void message.error({ content: errorText(err), duration: 6 });
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, run };
}
