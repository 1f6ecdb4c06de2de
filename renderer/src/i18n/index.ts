// t('scan.label'), t('status.outbox', { count: 3 }). English only for now; the
// i18n work swaps the lookup table without touching call sites.
import { en } from './en';

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

export type MessageKey = Leaves<typeof en>;

export function t(key: MessageKey, params?: Record<string, string | number>): string {
  let node: unknown = en;
  for (const part of key.split('.')) node = (node as Record<string, unknown>)?.[part];
  const text = typeof node === 'string' ? node : key;
  if (!params) return text;
  return text.replace(/\{\{(\w+)\}\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** True when `key` exists (for keys built from data, e.g. reason codes). */
export function hasMessage(key: string): key is MessageKey {
  let node: unknown = en;
  for (const part of key.split('.')) node = (node as Record<string, unknown>)?.[part];
  return typeof node === 'string';
}

/** Numbers as people at the desk read them (1,200). */
export function formatCount(n: number): string {
  return n.toLocaleString('en-GB');
}
