// Which person each picture of an uploaded archive belongs to. Organisers send what their
// registration system gives them:
//   - Indico's "Download attachments" ZIP (RHRegistrationsExportAttachments): one folder per
//     registrant named "<Full name>_<registration id>", files named "<field title>_<field id>_<file
//     name>"; the registration list's picture column holds "<file name>" (get_friendly_data);
//   - a folder of pictures named by registration id, order position ("ABC12-1.jpg") or by the
//     file name the spreadsheet's picture column gives.
// Pure: it only decides; reading, checking and storing the pictures is the route's.

export interface ArchiveMatch {
  file: string;
  attendeeId: string;
}

export interface ArchivePlan {
  matched: ArchiveMatch[];
  /** Files whose person could not be told (shown to the organiser). */
  unmatched: string[];
  /** Files left aside as not pictures of anyone (folders, system files, other attachments of a person). */
  skipped: number;
}

const SYSTEM = /(^|\/)(__MACOSX|\.DS_Store|Thumbs\.db|desktop\.ini)(\/|$)|(^|\/)\._/i;
const PICTURE = /\.(jpe?g|png)$/i;
const fold = (s: string) => s.normalize('NFC').trim().toLowerCase();
const stem = (name: string) => name.replace(/\.[A-Za-z0-9]{1,5}$/, '');

export function planArchive(files: string[], people: { id: string; photoRef: string | null }[]): ArchivePlan {
  const ids = new Map<string, string>(); // folded id → id
  const refOf = new Map<string, string>(); // id → folded picture cell
  const byRef = new Map<string, string[]>(); // folded picture cell → ids
  for (const p of people) {
    ids.set(fold(p.id), p.id);
    const ref = p.photoRef ? fold(p.photoRef.split(/[\\/]/).pop() ?? '') : '';
    if (!ref) continue;
    refOf.set(p.id, ref);
    byRef.set(ref, [...(byRef.get(ref) ?? []), p.id]);
  }
  const matched: ArchiveMatch[] = [];
  const unmatched: string[] = [];
  const taken = new Set<string>();
  let skipped = 0;
  for (const file of files) {
    if (file.endsWith('/') || SYSTEM.test(file)) {
      skipped++;
      continue;
    }
    const parts = file.split('/');
    const base = fold(parts[parts.length - 1] ?? '');
    const folder = parts.length > 1 ? parts[parts.length - 2]! : '';
    // 1. Named by the person's id ("17.jpg", "ABC12-1.jpg", "indico-123.png").
    let id = ids.get(fold(stem(base)));
    // 2. In the person's folder of an Indico attachments archive ("Ana Ruiz_17/Photo_45_ana.jpg").
    if (!id) {
      const m = /_([^_]+)$/.exec(folder);
      const owner = m ? ids.get(fold(m[1]!)) : undefined;
      if (owner) {
        const ref = refOf.get(owner);
        // Their other attachments (a CV, a letter) are not their photo: with a picture cell only its
        // file, without one only a file named like a picture.
        if (ref ? !(base === ref || base.endsWith(`_${ref}`)) : !PICTURE.test(base)) {
          skipped++;
          continue;
        }
        id = owner;
      }
    }
    // 3. The file name the spreadsheet's picture column gives, when only one person has it.
    if (!id) {
      const owners = byRef.get(base);
      if (owners?.length === 1) id = owners[0];
    }
    if (!id || taken.has(id)) {
      if (!id) unmatched.push(file);
      else skipped++;
      continue;
    }
    taken.add(id);
    matched.push({ file, attendeeId: id });
  }
  return { matched, unmatched, skipped };
}
