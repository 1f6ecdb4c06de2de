// One sentence per verdict, for a volunteer who glances at the screen while
// talking to the person in front of them. The renderer translates by reason code
// (renderer/src/i18n); these English sentences are the fallback and go in logs.
import type { MessageParams, Reason } from '../model';

export function messageFor(reason: Reason, p: MessageParams = {}): string {
  switch (reason) {
    case 'ok':
      return `Welcome, ${p.name ?? 'guest'}.`;
    case 'ok_returning':
      return `Welcome back, ${p.name ?? 'guest'}.`;
    case 'ok_unsynced':
      return 'Genuine badge. Name not yet synced to this station.';
    case 'notes':
      return `Admitted. Please read the desk note: ${p.notes ?? ''}`.trim();
    case 'already_checked_in':
      return `Already checked in at ${p.firstAt ?? '?'} (${p.firstWhere ?? 'another station'}).`;
    case 'already_checked_in_refused':
      return `Refused: already checked in at ${p.firstAt ?? '?'} (${p.firstWhere ?? 'another station'}).`;
    case 'malformed':
      return 'This is not a readable badge code. Scan again or search by name.';
    case 'unknown_code':
      return 'Badge not found. Search by name or send to the help desk.';
    case 'not_a_badge':
      return 'This is not a badge for this event. Search by name, or send to the help desk.';
    case 'handout_item':
      return p.holder
        ? `This is receiver no. ${p.number ?? '?'}, not a badge; it is out with ${p.holder}. To take it back, scan it on the Receivers screen.`
        : `This is receiver no. ${p.number ?? '?'}, not a badge. Check the person in first, then type the number under Handouts.`;
    case 'not_this_event':
      return 'This badge is for a different event.';
    case 'bad_signature':
      return 'This badge is not genuine (signature check failed).';
    case 'unknown_key':
      return 'This badge was signed with a key this station does not know. Sync, then scan again.';
    case 'cancelled':
      return 'This registration was cancelled.';
    case 'pending':
      return 'Registration pending approval. Send the person to the help desk.';
    case 'unpaid':
      return 'Order not paid yet. Send the person to the help desk.';
    case 'rejected':
      return 'This registration was rejected. Send the person to the help desk.';
    case 'waitlisted':
      return 'On the waiting list, not confirmed yet. Send the person to the help desk.';
    case 'revoked':
      if (!replacedByReprint(p)) {
        return p.revokedAt
          ? `This badge was withdrawn on ${p.revokedAt}. Send the person to the help desk.`
          : 'This badge was withdrawn. Send the person to the help desk.';
      }
      return p.revokedAt
        ? `This badge was replaced by a reprint on ${p.revokedAt}. Ask for the new badge.`
        : 'This badge was replaced by a reprint. Ask for the new badge.';
    case 'not_valid_today':
      return 'This badge is not valid today.';
    case 'category_not_allowed':
      return `${p.category ?? 'This category'} is not admitted at this entrance.`;
    case 'room_full':
      return `${p.room ?? 'The room'} is full. Entry refused for safety.`;
    case 'room_not_allowed':
      return `Not admitted to ${p.room ?? 'this room'}.`;
  }
}

/**
 * A 'revoked' refusal because a reprint superseded the badge ("ask for the new badge"),
 * rather than a badge the organisers withdrew (cancelled, lost, stolen: "send to the help desk").
 * Sentences from before the reason was recorded were all reprints.
 */
export function replacedByReprint(p: Pick<MessageParams, 'revocationReason'>): boolean {
  return p.revocationReason === undefined || p.revocationReason === 'reprint';
}
