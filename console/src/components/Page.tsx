// A page's frame: its heading (focused when the page opens, so keyboard and screen-reader users
// start there), an optional line under it, and its content.
import type { ReactNode } from 'react';

export function Page({ title, intro, actions, children }: { title: string; intro?: ReactNode; actions?: ReactNode; children: ReactNode }) {
  return (
    <div className="page">
      <div className="page__head">
        <h1 id="page-heading" tabIndex={-1}>
          {title}
        </h1>
        {actions && <div className="page__actions">{actions}</div>}
      </div>
      {intro && <p className="page__intro">{intro}</p>}
      {children}
    </div>
  );
}
