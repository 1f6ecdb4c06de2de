// Console passwords: scrypt with the parameters stored beside the hash, a wrong password never
// matches, a hash asking for absurd memory is refused rather than computed, weak passwords are refused.
import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, verifyPassword } from '../../registry/console/passwords';

describe('console passwords', () => {
  it('a password matches its own hash only; the hash is salted scrypt with N = 2^15', async () => {
    const a = await hashPassword('Hofburg Redoutensaal 2026');
    const b = await hashPassword('Hofburg Redoutensaal 2026');
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('Hofburg Redoutensaal 2026', a)).toBe(true);
    expect(await verifyPassword('hofburg redoutensaal 2026', a)).toBe(false);
    expect(await verifyPassword('', a)).toBe(false);
  });

  it('the same password typed with composed or decomposed accents matches', async () => {
    const h = await hashPassword('Überraschung für Zoë');
    expect(await verifyPassword('Überraschung für Zoë'.normalize('NFD'), h)).toBe(true);
  });

  it('no account (null hash) and damaged or greedy hashes never match', async () => {
    expect(await verifyPassword('anything at all', null)).toBe(false);
    expect(await verifyPassword('x', 'plain-text-password')).toBe(false);
    const h = await hashPassword('greedy parameters');
    const greedy = h.replace('$32768$', `$${2 ** 24}$`);
    expect(await verifyPassword('greedy parameters', greedy)).toBe(false);
  });

  it('refuses passwords shorter than 10 characters or equal to the user name', () => {
    expect(passwordProblem('short', 'ana')).toBe('password_short');
    expect(passwordProblem('ana.ruiz@osce', 'ANA.RUIZ@OSCE')).toBe('password_is_name');
    expect(passwordProblem('x'.repeat(201), 'ana')).toBe('password_long');
    expect(passwordProblem('ten chars!', 'ana')).toBeNull();
  });
});
