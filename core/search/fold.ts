// Folds names for matching: Müller → muller, Łukasz → lukasz, Иванов → ivanov.
// any-ascii transliterates every script; we then lower-case and keep [a-z0-9 ].
import anyAscii from 'any-ascii';

export function foldForSearch(text: string): string {
  return anyAscii(text.normalize('NFC'))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
