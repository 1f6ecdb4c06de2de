// A connector follows only its own system's addresses: same origin and under its path. A plain
// prefix test would let "https://indico.example.org.evil.test" through with the token attached.
import { describe, expect, it } from 'vitest';
import { getJson, SourceError, within, type SourceHttp } from '../../registry/connectors/http';
import { fetchPicture } from '../../registry/connectors/pictures';

const src = (base: string, fetchImpl?: typeof fetch): SourceHttp => ({ base, authorization: 'Bearer t', system: 'Indico', fetch: fetchImpl });

describe('connector addresses', () => {
  it('accepts the system\'s own origin and path, refuses look-alike hosts, other ports and paths beside its own', () => {
    const s = src('https://indico.example.org/indico');
    expect(within(s, new URL('https://indico.example.org/indico/api/checkin/event/1/'))).toBe(true);
    expect(within(s, new URL('https://indico.example.org/indico'))).toBe(true);
    expect(within(s, new URL('https://indico.example.org/indico.evil/x'))).toBe(false);
    expect(within(s, new URL('https://indico.example.org/other/x'))).toBe(false);
    expect(within(s, new URL('https://indico.example.org.evil.test/indico/x'))).toBe(false);
    expect(within(s, new URL('https://indico.example.org:8443/indico/x'))).toBe(false);
    expect(within(s, new URL('http://indico.example.org/indico/x'))).toBe(false);
  });

  it('never sends the token to a look-alike host, for a page or a picture', async () => {
    const asked: string[] = [];
    const spy = (async (u: string | URL) => {
      asked.push(String(u));
      return new Response('{}');
    }) as typeof fetch;
    const s = src('https://indico.example.org', spy);
    await expect(getJson(s, 'https://indico.example.org.evil.test/api/x')).rejects.toBeInstanceOf(SourceError);
    await expect(fetchPicture(s, 'https://indico.example.org.evil.test/p.jpg')).rejects.toThrow(/not followed/);
    await expect(fetchPicture(s, '//evil.test/p.jpg')).rejects.toThrow(/not followed/);
    expect(asked).toEqual([]);
  });

  it('stops reading a picture past 12 MB even when the server does not say its length', async () => {
    const chunk = new Uint8Array(1024 * 1024);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(c) {
        sent++;
        c.enqueue(chunk);
      },
    });
    const s = src('https://indico.example.org', (async () => new Response(body)) as typeof fetch);
    await expect(fetchPicture(s, '/p.jpg')).rejects.toThrow(/larger than 12 MB; not read/);
    expect(sent).toBeLessThan(20);
  });
});
