/**
 * One request to the background at a time from a panel: busy while it runs, its refusal
 * (or a lost background) kept as the message to show, `after` run only when it succeeded.
 */
import { useState } from 'react';

export const NO_BACKGROUND = 'Creator Lens could not reach its background; reload the page and try again.';

export function useAction() {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const run = async <T extends { ok: true }>(f: () => Promise<T | { ok: false; reason: string }>, after: (r: T) => void) => {
    setBusy(true);
    setMessage(null);
    try {
      const r = await f();
      if (r.ok) after(r as T);
      else setMessage((r as { reason: string }).reason);
    } catch {
      setMessage(NO_BACKGROUND);
    } finally {
      setBusy(false);
    }
  };
  return { busy, message, run };
}

export type Run = ReturnType<typeof useAction>['run'];
