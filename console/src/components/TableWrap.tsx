// A wide table that scrolls sideways inside its card on a phone: a named region that takes the
// keyboard focus, so the columns out of view can be reached with the arrow keys.
import type { ReactNode } from 'react';

export function TableWrap({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
