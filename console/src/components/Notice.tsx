// A sentence about what just happened: a calm status for success and progress, an alert for a
// problem (screen readers announce both; an alert interrupts).
import type { ReactNode } from 'react';

export function Notice({ kind, children, testId }: { kind: 'ok' | 'error' | 'info'; children: ReactNode; testId?: string }) {
  return (
    <p className={`notice notice--${kind}`} role={kind === 'error' ? 'alert' : 'status'} data-testid={testId}>
      {children}
    </p>
  );
}
