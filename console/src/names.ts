// Names of things that come as codes from the registry (categories, statuses, problem kinds),
// in the reader's language; a code this console does not know is shown as it is.
import { hasMessage, t } from './i18n';

export function categoryName(c: string): string {
  const key = `category.${c}`;
  return hasMessage(key) ? t(key) : c;
}

export function statusName(s: string): string {
  const key = `people.status.${s}`;
  return hasMessage(key) ? t(key) : s;
}
