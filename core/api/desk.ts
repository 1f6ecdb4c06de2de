// Desk area of the station API: register a walk-in (with a duplicate-name warning
// first), and the desk note on an attendee ("needs wheelchair access").
import { z } from 'zod';
import { DeskRules } from '../checkin/desk-rules';
import { Category, IsoDay, MAX_EVENT_DAYS, type AttendeeSummary, type CheckInResult } from '../model';
import { typedLine, typedText } from '../text';

// Typed by people: control characters (a pasted NUL…) are removed on the way in (core/text.ts).
const name = typedLine(200);
const operator = typedLine(120).optional();

/** The walk-in form, as the volunteer filled it in. */
export const WalkinForm = z
  .object({
    givenName: name,
    familyName: name,
    organisation: typedLine(300).default(''),
    /** Delegation or country as it should read on the badge. */
    delegation: typedLine(200).default(''),
    /** ISO 3166 alpha-2 when the volunteer picked a country, else ''. */
    country: z
      .string()
      .trim()
      .regex(/^([A-Za-z]{2})?$/, 'must be a two-letter country code')
      .transform((c) => c.toUpperCase())
      .default(''),
    category: Category,
    /** Registered for every event day, or only today. */
    days: z.enum(['all', 'today']).default('all'),
    notes: typedText(500).default(''),
    /** Safeguarding: the legal name stays at the desks (core/sync/visibility.ts); badges and screens use the chosen name. */
    protected: z.boolean().default(false),
    chosenName: name.default(''),
    /** Asked not to be photographed (anyone may). */
    noPhoto: z.boolean().default(false),
  })
  .refine((f) => f.givenName.length > 0 || f.familyName.length > 0, { message: 'a name is required', path: ['familyName'] });
export type WalkinForm = z.input<typeof WalkinForm>;
export type WalkinFormData = z.output<typeof WalkinForm>;

/**
 * The 'walkin' event's payload: everything the registry needs to create the person
 * (registry/ingest.ts reads `attendee`), so sync can carry it up later as it is.
 */
export const WalkinPayload = z.object({
  attendee: z.object({
    givenName: z.string().max(200),
    familyName: z.string().max(200),
    organisation: z.string().max(300),
    delegation: z.string().max(200),
    country: z.string().max(8),
    category: Category,
    /** Days of the event this badge admits (null: every day); the registry also requires them to be the event's. */
    validDays: z.array(IsoDay).min(1).max(MAX_EVENT_DAYS).nullable(),
    notes: z.string().max(2000),
    badgeCodes: z.array(z.string().min(1).max(256)).max(10),
    /** Safeguarding (absent from walk-ins made before it existed): see core/sync/visibility.ts. */
    protected: z.boolean().default(false),
    chosenName: z.string().max(200).default(''),
    noPhoto: z.boolean().default(false),
  }),
});
export type WalkinPayload = z.input<typeof WalkinPayload>;

export const deskMethods = {
  'desk.duplicates': z.object({ givenName: name, familyName: name }),
  'desk.walkin': z.object({
    form: WalkinForm,
    /** The volunteer saw the duplicate warning and registers anyway. */
    allowDuplicates: z.boolean().default(false),
    /** Check the new person in straight away (the usual case at the desk). */
    checkIn: z.boolean().default(true),
    operator,
  }),
  'desk.note': z.object({
    attendeeId: z.string().min(1).max(64),
    notes: typedText(500),
    operator,
  }),
  /** "No photography" asked or withdrawn at the desk (anyone may ask). */
  'desk.noPhoto': z.object({
    attendeeId: z.string().min(1).max(64),
    noPhoto: z.boolean(),
    operator,
  }),
  'desk.rules': z.object({}),
  'desk.setRules': DeskRules,
} as const;

/** This desk's admission rules and where they come from (Settings shows it). */
export interface DeskRulesState extends DeskRules {
  /** 'registry': as the organiser set them (at `setAt`); 'station': changed here since; 'default': never set. */
  source: 'default' | 'station' | 'registry';
  setAt: number | null;
}

/** Someone already registered whose name folds to the same (or nearly the same) name. */
export interface PossibleDuplicate {
  attendee: AttendeeSummary;
  /** 'same': same name in any spelling; 'similar': one given name a short form of the other, or names swapped. */
  match: 'same' | 'similar';
  checkedInToday: boolean;
}

export type WalkinResult =
  | { status: 'duplicates'; duplicates: PossibleDuplicate[] }
  | {
      status: 'registered';
      attendee: AttendeeSummary;
      /** The 'walkin' event in the log (in the outbox until the registry acknowledges it). */
      eventId: string;
      /** The plain code printed under the QR, for typing by hand. */
      badgeCode: string;
      checkin: CheckInResult | null;
    };

export interface DeskResults {
  'desk.duplicates': PossibleDuplicate[];
  'desk.walkin': WalkinResult;
  'desk.note': { attendee: AttendeeSummary; eventId: string };
  'desk.noPhoto': { attendee: AttendeeSummary; eventId: string };
  'desk.rules': DeskRulesState;
  'desk.setRules': DeskRulesState;
}
