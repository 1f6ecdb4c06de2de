// The console's pages, in the order the menu shows them: one row per page — its address
// (#/live), its name in the menu, the permission it needs (core/console/access.ts) and what it
// draws. A new page (the evacuation status, protocol alerts) is one more row here, a word file in
// each language, and its requests in registry/console/access.ts.
import type { ComponentType } from 'react';
import type { Permission } from '../../core/console/access';
import type { MessageKey } from './i18n';
import { AccountsPage } from './pages/AccountsPage';
import { AttendancePage } from './pages/AttendancePage';
import { AttendeesPage } from './pages/AttendeesPage';
import { BadgesPage } from './pages/BadgesPage';
import { EventPage } from './pages/EventPage';
import { ExportsPage } from './pages/ExportsPage';
import { ImportPage } from './pages/ImportPage';
import { LivePage } from './pages/LivePage';
import { MyAccountPage } from './pages/MyAccountPage';
import { RoomsPage } from './pages/RoomsPage';
import { SessionsPage } from './pages/SessionsPage';
import { StationsPage } from './pages/StationsPage';

export interface PageDef {
  id: string;
  label: MessageKey;
  need: Permission;
  Component: ComponentType;
}

export const PAGES: readonly PageDef[] = [
  { id: 'live', label: 'nav.live', need: 'live', Component: LivePage },
  { id: 'event', label: 'nav.event', need: 'manage', Component: EventPage },
  { id: 'import', label: 'nav.import', need: 'manage', Component: ImportPage },
  { id: 'attendees', label: 'nav.attendees', need: 'attendeesRead', Component: AttendeesPage },
  { id: 'rooms', label: 'nav.rooms', need: 'setupRead', Component: RoomsPage },
  { id: 'sessions', label: 'nav.sessions', need: 'setupRead', Component: SessionsPage },
  { id: 'stations', label: 'nav.stations', need: 'setupRead', Component: StationsPage },
  { id: 'badges', label: 'nav.badges', need: 'manage', Component: BadgesPage },
  { id: 'exports', label: 'nav.exports', need: 'manage', Component: ExportsPage },
  { id: 'attendance', label: 'nav.attendance', need: 'manage', Component: AttendancePage },
  { id: 'accounts', label: 'nav.accounts', need: 'manage', Component: AccountsPage },
  { id: 'me', label: 'nav.me', need: 'session', Component: MyAccountPage },
];

/** The page named in the address (#/stations), if this role may open it; else the first it may. */
export function pageFor(hash: string, can: (p: Permission) => boolean): PageDef {
  const id = /^#\/([\w-]+)/.exec(hash)?.[1];
  const allowed = PAGES.filter((p) => can(p.need));
  return allowed.find((p) => p.id === id) ?? allowed[0]!;
}
