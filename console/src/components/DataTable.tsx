// Every list the console shows as a table: a caption (hidden unless asked for) that also names the
// scrolling region, column headers, one row a record with its first cell as the row's header, and
// a sentence instead of an empty table. On a phone the table scrolls sideways inside its own
// region (which takes the keyboard focus, so the columns out of view are reached with the arrow
// keys), never the page. Pages say what their columns are; this says how a table is drawn.
import type { ReactNode } from 'react';

export interface Column<R> {
  /** The column's heading. */
  header: ReactNode;
  /** What this column shows for a row. */
  cell: (row: R) => ReactNode;
  /** A number: aligned right, in tabular figures. */
  num?: boolean;
  /** A class for this column's cells (a function when it depends on the row). */
  className?: string | ((row: R) => string | undefined);
  /** data-testid on this column's cells. */
  testId?: string;
}

export interface DataTableProps<R> {
  /** What the table lists: its caption and the name of its scrolling region. */
  caption: string;
  /** Show the caption above the table (otherwise only assistive technology reads it). */
  showCaption?: boolean;
  /** The records; `null`/`undefined` while they load (the headers show, no sentence yet). */
  rows: readonly R[] | null | undefined;
  /** The columns; `false` leaves one out (`edit && {…}`). */
  columns: readonly (Column<R> | false | null | undefined)[];
  rowKey: (row: R, index: number) => string | number;
  /** The sentence shown instead of a table with no rows; without one the empty table stays. */
  empty?: ReactNode;
  /** The first column heads its row (`<th scope="row">`); off for tables of plain values. */
  rowHeaders?: boolean;
  compact?: boolean;
  testId?: string;
  rowTestId?: (row: R) => string;
  rowClassName?: (row: R) => string | undefined;
  /** Below the table, inside the region (e.g. "and 12 more"). */
  footer?: ReactNode;
}

export function DataTable<R>(p: DataTableProps<R>) {
  const columns = p.columns.filter((c): c is Column<R> => !!c);
  if (p.rows && p.rows.length === 0 && p.empty !== undefined) {
    return (
      <p className="muted" data-testid={p.testId ? `${p.testId}-empty` : undefined}>
        {p.empty}
      </p>
    );
  }
  const rowHeaders = p.rowHeaders ?? true;
  const classOf = (c: Column<R>, r: R): string | undefined => {
    const own = typeof c.className === 'function' ? c.className(r) : c.className;
    return [c.num ? 'num' : undefined, own].filter(Boolean).join(' ') || undefined;
  };
  return (
    <div className="table-wrap" role="region" aria-label={p.caption} tabIndex={0}>
      <table className={p.compact ? 'table table--compact' : 'table'} data-testid={p.testId}>
        <caption className={p.showCaption ? undefined : 'visually-hidden'}>{p.caption}</caption>
        <thead>
          <tr>
            {columns.map((c, i) => (
              <th key={i} scope="col" className={c.num ? 'num' : undefined}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {(p.rows ?? []).map((r, i) => (
            <tr key={p.rowKey(r, i)} className={p.rowClassName?.(r)} data-testid={p.rowTestId?.(r)}>
              {columns.map((c, j) => {
                const Cell = j === 0 && rowHeaders ? 'th' : 'td';
                return (
                  <Cell key={j} scope={Cell === 'th' ? 'row' : undefined} className={classOf(c, r)} data-testid={c.testId}>
                    {c.cell(r)}
                  </Cell>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {p.footer}
    </div>
  );
}
