// One sentence per door verdict, readable from a distance at a room door.
import type { DoorReason } from './door';

export interface DoorMessageParams {
  name?: string;
  room?: string;
  session?: string;
  category?: string;
  since?: string; // 'HH:MM'
}

export function doorMessage(reason: DoorReason, p: DoorMessageParams = {}): string {
  const room = p.room ?? 'The room';
  switch (reason) {
    case 'entry_ok':
      return `Welcome, ${p.name ?? 'guest'}.`;
    case 'entry_again':
      return p.since ? `${p.name ?? 'This person'} is already counted inside (since ${p.since}).` : `${p.name ?? 'This person'} is already counted inside.`;
    case 'entry_full_warn':
      return `${room} is at capacity. Admitted — please ask people to wait.`;
    case 'room_full':
      return `${room} is full. Entry refused for safety.`;
    case 'room_not_allowed':
      return `${p.category ?? 'This category'} is not admitted to ${p.room ?? 'this room'}.`;
    case 'session_not_allowed':
      return `${p.category ?? 'This category'} is not admitted to “${p.session ?? 'this session'}”.`;
    case 'not_invited':
      return `“${p.session ?? 'This session'}” is by invitation only, and ${p.name ?? 'this person'} is not on the list.`;
    case 'cancelled':
      return 'This registration was cancelled.';
    case 'pending':
      return 'Registration pending approval. Send to the help desk.';
    case 'unpaid':
      return 'Order not paid yet. Send to the help desk.';
    case 'rejected':
      return 'This registration was rejected. Send to the help desk.';
    case 'waitlisted':
      return 'On the waiting list, not confirmed. Send to the help desk.';
    case 'revoked':
      return 'This badge was replaced by a reprint. Ask for the new badge.';
    case 'not_valid_today':
      return 'This badge is not valid today.';
    case 'unknown_code':
      return 'Badge not found. Send to the help desk.';
    case 'malformed':
      return 'This is not a readable badge code. Scan again.';
    case 'exit_ok':
      return `Goodbye, ${p.name ?? 'guest'}.`;
    case 'exit_again':
      return `${p.name ?? 'This person'} was already scanned out.`;
    case 'exit_not_inside':
      return `Goodbye, ${p.name ?? 'guest'}. (Not scanned in here — flagged for the count.)`;
  }
}
