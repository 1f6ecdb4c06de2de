// One button's request: busy while it runs, then a sentence saying how it went (the registry's
// refusal in the reader's language). Pages show `notice` next to the button.
import { useCallback, useState } from 'react';
import { errorText } from '../api/client';

export interface Action {
  busy: boolean;
  notice: { kind: 'ok' | 'error'; text: string } | null;
  run: <T>(fn: () => Promise<T>, ok?: (r: T) => string) => Promise<T | undefined>;
  clear: () => void;
}

export function useAction(): Action {
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Action['notice']>(null);
  const run = useCallback(async <T,>(fn: () => Promise<T>, ok?: (r: T) => string) => {
    setBusy(true);
    setNotice(null);
    try {
      const r = await fn();
      if (ok) setNotice({ kind: 'ok', text: ok(r) });
      return r;
    } catch (err) {
      setNotice({ kind: 'error', text: errorText(err) });
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, notice, run, clear: useCallback(() => setNotice(null), []) };
}
