// The console's one table component, rendered to HTML as the browser gets it: a caption that
// also names the scrolling region, column headers, the first cell heading its row, numbers marked
// for right alignment, columns left out by `false`, and a sentence instead of an empty table —
// but not while the rows are still loading.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DataTable, type Column, type DataTableProps } from '../../console/src/components/DataTable';

interface Room {
  id: string;
  name: string;
  inside: number;
}
const ROOMS: Room[] = [
  { id: 'neuer-saal', name: 'Neuer Saal', inside: 412 },
  { id: 'zeremoniensaal', name: 'Zeremoniensaal', inside: 96 },
];
const columns = (withActions: boolean): DataTableProps<Room>['columns'] => [
  { header: 'Room', cell: (r) => r.name },
  { header: 'Inside', num: true, testId: 'inside', className: (r) => (r.inside > 400 ? 'warn-text' : undefined), cell: (r) => r.inside },
  withActions && ({ header: 'Actions', cell: (r) => `edit ${r.id}` } satisfies Column<Room>),
];
const html = (p: Partial<DataTableProps<Room>>) =>
  renderToStaticMarkup(createElement(DataTable<Room>, { caption: 'Rooms', rows: ROOMS, rowKey: (r) => r.id, columns: columns(true), ...p }));

describe('DataTable', () => {
  it('names the scrolling region and the table by the caption (hidden unless shown), keyboard-reachable', () => {
    const m = html({ testId: 'rooms' });
    expect(m).toMatch(/^<div class="table-wrap" role="region" aria-label="Rooms" tabindex="0"><table class="table" data-testid="rooms"><caption class="visually-hidden">Rooms<\/caption>/);
    expect(html({ showCaption: true, compact: true })).toContain('<table class="table table--compact"><caption>Rooms</caption>');
  });

  it('heads columns and rows, aligns numbers right, and leaves out a column given as false', () => {
    const m = html({ rowTestId: (r) => `room-${r.id}` });
    expect(m).toContain('<thead><tr><th scope="col">Room</th><th scope="col" class="num">Inside</th><th scope="col">Actions</th></tr></thead>');
    expect(m).toContain(
      '<tr data-testid="room-neuer-saal"><th scope="row">Neuer Saal</th><td class="num warn-text" data-testid="inside">412</td><td>edit neuer-saal</td></tr>',
    );
    expect(m).toContain('<td class="num" data-testid="inside">96</td>');
    const without = html({ columns: columns(false) });
    expect(without).not.toContain('Actions');
    expect(without).not.toContain('edit neuer-saal');
  });

  it('plain value tables keep every cell a data cell', () => {
    const m = html({ rowHeaders: false });
    expect(m).not.toContain('scope="row"');
    expect(m).toContain('<td>Neuer Saal</td>');
  });

  it('an empty list says so in a sentence instead of an empty table; loading shows the headers, no sentence', () => {
    const empty = html({ rows: [], empty: 'No rooms yet.', testId: 'rooms' });
    expect(empty).toBe('<p class="muted" data-testid="rooms-empty">No rooms yet.</p>');
    for (const loading of [undefined, null]) {
      const m = html({ rows: loading, empty: 'No rooms yet.' });
      expect(m).not.toContain('No rooms yet.');
      expect(m).toContain('<th scope="col">Room</th>');
      expect(m).toContain('<tbody></tbody>');
    }
    // Without a sentence an empty list is still a table (a sample with no rows keeps its headers).
    expect(html({ rows: [] })).toContain('<tbody></tbody>');
  });

  it('puts a footer inside the region, under the table', () => {
    expect(html({ footer: createElement('p', null, 'and 3 more') })).toMatch(/<\/table><p>and 3 more<\/p><\/div>$/);
  });
});
