// Command-line grammar of the operator CLI (registry/admin-cli.ts), on node:util parseArgs:
// each command declares its options, so a flag's value is never mistaken for a file or a
// command (`import --sheet S f.xlsx` reads f.xlsx), and an unknown flag is a sentence.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { argsProblem } from '../node-shared/args';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Where the registry is: a running registry's data folder, or its URL and admin token. */
const REGISTRY: Options = {
  data: { type: 'string' },
  registry: { type: 'string' },
  'admin-token': { type: 'string' },
  // Outside `connect`, --url/--token address the registry (as before); in `connect` they are the source's.
  url: { type: 'string' },
  token: { type: 'string' },
  fingerprint: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
};

export const COMMANDS = {
  status: { usage: 'status', options: {}, positionals: 0 },
  demo: { usage: 'demo [--first-day YYYY-MM-DD] [--attendees N]', options: { 'first-day': { type: 'string' }, attendees: { type: 'string' } }, positionals: 0 },
  event: {
    usage: 'event --id ID --name NAME --venue V --tz ZONE --days D1,D2 [--description TEXT] [--indico-host HOST]',
    options: {
      id: { type: 'string' },
      name: { type: 'string' },
      venue: { type: 'string' },
      tz: { type: 'string' },
      days: { type: 'string' },
      description: { type: 'string' },
      'indico-host': { type: 'string' },
    },
    positionals: 0,
  },
  retention: { usage: 'retention YYYY-MM-DD|none   (the day personal data is deleted, after the last event day)', options: {}, positionals: 1 },
  photo: { usage: 'photo ATTENDEE-ID FILE.jpg|png|none   (none: delete their photo)', options: {}, positionals: 2 },
  photos: { usage: 'photos ARCHIVE.zip   (Indico "Download attachments", or pictures named by registration id)', options: {}, positionals: 1 },
  import: {
    usage:
      'import FILE [--map field=Column …] [--category-rule "Value=category" …] [--status-rule "Value=status" …] [--default-category C] [--sheet S] [--profile P] [--valid-only] [--dry-run]',
    options: {
      map: { type: 'string', multiple: true },
      'category-rule': { type: 'string', multiple: true },
      'status-rule': { type: 'string', multiple: true },
      'default-category': { type: 'string' },
      sheet: { type: 'string' },
      profile: { type: 'string' },
      'valid-only': { type: 'boolean' },
      'dry-run': { type: 'boolean' },
    },
    positionals: 1,
  },
  connect: {
    usage:
      'connect indico --url URL --event ID --token T | connect pretix --url URL --organizer O --event E --token T [--list ID] [--photo-question ID] [--every SECONDS] [--once] [--category-rule "Value=category" …] [--default-category C]',
    options: {
      event: { type: 'string' },
      organizer: { type: 'string' },
      list: { type: 'string' },
      'photo-question': { type: 'string' },
      every: { type: 'string' },
      once: { type: 'boolean' },
      'category-rule': { type: 'string', multiple: true },
      'default-category': { type: 'string' },
    },
    positionals: 1,
  },
  pair: {
    usage: 'pair [--name NAME] [--role desk|door] [--room ID] [--door-mode entry|exit|toggle] [--station ID [--restore]] [--no-qr]',
    options: {
      name: { type: 'string' },
      role: { type: 'string' },
      room: { type: 'string' },
      'door-mode': { type: 'string' },
      station: { type: 'string' },
      restore: { type: 'boolean' },
      'no-qr': { type: 'boolean' },
    },
    positionals: 0,
  },
  token: { usage: 'token --new [--label L] | token --revoke ID', options: { new: { type: 'boolean' }, label: { type: 'string' }, revoke: { type: 'string' } }, positionals: 0 },
  tokens: { usage: 'tokens', options: {}, positionals: 0 },
  stations: { usage: 'stations', options: {}, positionals: 0 },
  revoke: { usage: 'revoke STATION_ID', options: {}, positionals: 1 },
  'station-rules': {
    usage: 'station-rules STATION_ID [--repeat warn|refuse] [--categories a,b | --categories all]',
    options: { repeat: { type: 'string' }, categories: { type: 'string' } },
    positionals: 1,
  },
  'key-new': { usage: 'key-new', options: {}, positionals: 0 },
  keys: { usage: 'keys', options: {}, positionals: 0 },
  'key-deactivate': { usage: 'key-deactivate KEY_ID', options: {}, positionals: 1 },
  'revoke-badge': { usage: 'revoke-badge ATTENDEE_ID VERSION', options: {}, positionals: 2 },
  room: {
    usage: 'room ID --name N --capacity C [--warn 80] [--critical 95] [--policy refuse|warn] [--floor F] [--categories a,b]',
    options: {
      name: { type: 'string' },
      capacity: { type: 'string' },
      warn: { type: 'string' },
      critical: { type: 'string' },
      policy: { type: 'string' },
      floor: { type: 'string' },
      categories: { type: 'string' },
    },
    positionals: 1,
  },
  invitations: {
    usage: 'invitations SESSION_ID (--file IDS.txt | --ids A,B | --open)',
    options: { file: { type: 'string' }, ids: { type: 'string' }, open: { type: 'boolean' } },
    positionals: 1,
  },
  export: { usage: 'export attendees.csv|events.csv|checkins.csv [--out FILE]', options: { out: { type: 'string' } }, positionals: 1 },
  'zoom-import': {
    usage: 'zoom-import SESSION_ID FILE [--tz ZONE] [--map field=Column …] [--dry-run]   (a Zoom participant or attendee report, CSV)',
    options: { tz: { type: 'string' }, map: { type: 'string', multiple: true }, 'dry-run': { type: 'boolean' } },
    positionals: 2,
  },
  'zoom-report': { usage: 'zoom-report SESSION_ID   (who the imported Zoom report matched, and who not)', options: {}, positionals: 1 },
  'attendance-report': {
    usage: 'attendance-report [--format pdf|xlsx] [--lang en|de|fr|ru] [--out FILE]   (in person and online, per session; no names)',
    options: { format: { type: 'string' }, lang: { type: 'string' }, out: { type: 'string' } },
    positionals: 0,
  },
} satisfies Record<string, { usage: string; options: Options; positionals: number }>;

export type Command = keyof typeof COMMANDS;

export interface AdminArgs {
  command: Command;
  /** The command's positionals (file, ids…), in order. */
  positionals: string[];
  values: Record<string, string | boolean | string[] | undefined>;
}

export function usage(): string {
  return [
    'Usage: npm run registry:admin -- [--data DIR | --url URL --token ADMIN_TOKEN] <command> …',
    ...Object.values(COMMANDS).map((c) => `  ${c.usage}`),
  ].join('\n');
}

/** Parses the CLI's arguments; throws an Error whose message is a sentence for the operator. */
export function parseAdminArgs(argv: string[]): AdminArgs {
  // First pass: find the command (the first positional), whatever flags surround it.
  const loose = parseArgs({ args: argv, options: { ...REGISTRY, ...allOptions() }, strict: false, allowPositionals: true, tokens: true });
  const first = loose.tokens.find((t) => t.kind === 'positional');
  const name = first?.kind === 'positional' ? first.value : undefined;
  if (!name) throw new Error(`Which command?\n${usage()}`);
  if (!(name in COMMANDS)) throw new Error(`Unknown command "${name}".\n${usage()}`);
  const command = name as Command;
  const spec = COMMANDS[command];
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { ...REGISTRY, ...spec.options }, strict: true, allowPositionals: true });
  } catch (err) {
    throw new Error(`${argsProblem(err)}\n  ${spec.usage}`);
  }
  const positionals = parsed.positionals.slice(1);
  if (positionals.length < spec.positionals) throw new Error(`"${command}" needs ${spec.positionals === 1 ? 'an argument' : `${spec.positionals} arguments`}.\n  ${spec.usage}`);
  if (positionals.length > spec.positionals) throw new Error(`"${command}" got an unexpected argument "${positionals[spec.positionals]}".\n  ${spec.usage}`);
  return { command, positionals, values: parsed.values as AdminArgs['values'] };
}

function allOptions(): Options {
  const out: Options = {};
  for (const c of Object.values(COMMANDS)) Object.assign(out, c.options);
  return out;
}
