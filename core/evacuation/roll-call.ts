// The evacuation roll call (docs/evacuation.md), as a pure function of the merged event log, so
// every station that holds the same events shows the same list and the same unaccounted count.
// Inside now = admitted today (checked in at a desk, or admitted at a room door) and not left
// since (a venue departure scanned after their last admission). Where: the room of their open
// stay, else "in the building". Safe: marked at an assembly point since the evacuation started
// (a later mark with undo takes it back). Everything is decided by HLC order, never arrival order.

export interface RollCallFacts {
  /** People admitted today, with the stamp of their latest admission (desk or room door). */
  admitted: ReadonlyMap<string, string>;
  /** Each person's latest venue departure today (HLC). */
  departed: ReadonlyMap<string, string>;
  /** Open room stays today: person → room. */
  inRoom: ReadonlyMap<string, string>;
  /** The evacuation in progress (its start stamp), or null: the list then shows who is inside, nobody safe yet. */
  startHlc: string | null;
  /** 'safe' marks today, any order: person, stamp, and whether the mark takes an earlier one back. */
  marks: readonly { attendeeId: string; hlc: string; undo: boolean }[];
}

export interface RollCallEntry {
  attendeeId: string;
  /** '' when the person is in the building but in no room we know of. */
  roomId: string;
  safe: boolean;
}

/** Everyone inside now, each with where they are and whether they are accounted for. */
export function rollCall(f: RollCallFacts): RollCallEntry[] {
  const latestMark = new Map<string, { hlc: string; undo: boolean }>();
  if (f.startHlc !== null) {
    for (const m of f.marks) {
      if (m.hlc <= f.startHlc) continue; // a mark from an earlier drill counts for nothing now
      const prev = latestMark.get(m.attendeeId);
      if (!prev || m.hlc > prev.hlc) latestMark.set(m.attendeeId, m);
    }
  }
  const out: RollCallEntry[] = [];
  for (const [id, admittedAt] of f.admitted) {
    const left = f.departed.get(id);
    if (left !== undefined && left > admittedAt) continue;
    const mark = latestMark.get(id);
    out.push({ attendeeId: id, roomId: f.inRoom.get(id) ?? '', safe: mark !== undefined && !mark.undo });
  }
  return out;
}
