// Every admin and console request, and the one permission it needs (core/console/access.ts says
// which roles hold which). One table: the access check in registry/auth.ts reads it on every
// request, and tests/integration/console-access.test.ts tries every route with every role. A
// route missing here is organiser-only, and the test fails until it is listed.
import type { Permission } from '../../core/console/access';

/** 'public': no login (the login itself). */
export type Access = Permission | 'public';

export const ACCESS: Readonly<Record<string, Access>> = {
  // The console's own
  'POST /v1/console/login': 'public',
  'POST /v1/console/logout': 'session',
  // Answers { user: null } without a session: the console asks it first, before anyone logged in.
  'GET /v1/console/me': 'public',
  'POST /v1/console/password': 'session',
  'GET /v1/console/live': 'live',
  'GET /v1/console/live/stream': 'live',
  'GET /v1/console/accounts': 'manage',
  'POST /v1/console/accounts': 'manage',
  'PATCH /v1/console/accounts/:id': 'manage',
  // Set-up, read
  'GET /v1/admin/event': 'setupRead',
  'GET /v1/admin/retention': 'manage',
  'GET /v1/admin/rooms': 'setupRead',
  'GET /v1/admin/sessions': 'setupRead',
  'GET /v1/admin/stations': 'setupRead',
  'GET /v1/admin/attendees': 'attendeesRead',
  // Everything else is the organiser's (and the CLI's, with an admin token)
  'GET /v1/admin/status': 'manage',
  'PUT /v1/admin/event': 'manage',
  'POST /v1/admin/attendees/import': 'manage',
  'POST /v1/admin/attendees/rows': 'manage',
  'PUT /v1/admin/attendees/:id': 'manage',
  'PATCH /v1/admin/attendees/:id': 'manage',
  'PUT /v1/admin/rooms/:id': 'manage',
  'PUT /v1/admin/sessions/:id': 'manage',
  'PUT /v1/admin/sessions/:id/invitations': 'manage',
  'GET /v1/admin/keys': 'manage',
  'POST /v1/admin/keys': 'manage',
  'POST /v1/admin/keys/:id/deactivate': 'manage',
  'GET /v1/admin/revocations': 'manage',
  'POST /v1/admin/revocations': 'manage',
  'POST /v1/admin/pairing-codes': 'manage',
  'GET /v1/admin/tokens': 'manage',
  'POST /v1/admin/tokens': 'manage',
  'POST /v1/admin/tokens/:id/revoke': 'manage',
  'POST /v1/admin/stations/:id/revoke': 'manage',
  'PUT /v1/admin/stations/:id/rules': 'manage',
  'GET /v1/admin/events': 'manage',
  'GET /v1/admin/export/:what': 'manage',
  'POST /v1/admin/demo': 'manage',
  // Hybrid attendance (organisers: a Zoom report holds names and e-mails; the attendance report is theirs to publish).
  'POST /v1/admin/sessions/:id/zoom-report': 'manage',
  'GET /v1/admin/sessions/:id/zoom-report': 'manage',
  'DELETE /v1/admin/sessions/:id/zoom-report': 'manage',
  'GET /v1/admin/zoom-reports': 'manage',
  'GET /v1/admin/reports/:file': 'manage',
  // Registration photos (organisers: a face is personal data; desks get them through sync).
  'PUT /v1/admin/attendees/:id/photo': 'manage',
  'GET /v1/admin/attendees/:id/photo': 'manage',
  'DELETE /v1/admin/attendees/:id/photo': 'manage',
  'POST /v1/admin/photos': 'manage',
};

const compiled = Object.entries(ACCESS).map(([key, access]) => {
  const [method, path] = key.split(' ') as [string, string];
  const re = new RegExp(`^${path.replace(/:\w+/g, '[^/]+')}/?$`);
  return { method, re, access };
});

/** The permission a request needs (HEAD as GET); a route not in the table needs 'manage'. */
export function accessFor(method: string, path: string): Access {
  const m = method === 'HEAD' ? 'GET' : method;
  return compiled.find((r) => r.method === m && r.re.test(path))?.access ?? 'manage';
}
