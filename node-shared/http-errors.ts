// Small HTTP helpers for Hono apps (the registry, a LAN hub): error responses, JSON bodies checked with zod.
import type { Context } from 'hono';
import type { z } from 'zod';

/** An error with an HTTP status and a sentence; the app's error handler turns it into JSON. */
export class HttpError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 422 | 426 | 429 | 503,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export async function jsonBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  let text: string;
  try {
    text = await c.req.text();
  } catch {
    throw new HttpError(400, 'bad_body', 'The request body could not be read.');
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'bad_json', 'The request body is not valid JSON.');
  }
  return check(schema, raw, 'body');
}

export function check<S extends z.ZodType>(schema: S, raw: unknown, what: string): z.output<S> {
  const p = schema.safeParse(raw);
  if (!p.success) {
    const detail = p.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.join('.') || what} ${i.message}`)
      .join('; ');
    throw new HttpError(400, 'invalid', `Invalid ${what}: ${detail}`.slice(0, 1000));
  }
  return p.data;
}

export function errorJson(code: string, message: string) {
  return { error: { code, message } };
}
