// The keyboard layouts a USB/Bluetooth scanner is commonly set to at European venues: the
// scanner sends the keys its layout would press; the computer may use another layout.
// Austria uses the German layout (xkb 'at' is 'de'); Swiss French places every ASCII
// character where Swiss German does. Cyrillic layouts cannot type a badge's Latin letters,
// so a scanner is never set to one — but a laptop often is (handled by reading the keys).
export const SCANNER_LAYOUTS = [
  { id: 'us', xkb: 'us', variant: '', name: 'US (QWERTY)' },
  { id: 'de', xkb: 'de', variant: '', name: 'German/Austrian (QWERTZ)' },
  { id: 'ch', xkb: 'ch', variant: '', name: 'Swiss (QWERTZ)' },
  { id: 'fr', xkb: 'fr', variant: '', name: 'French (AZERTY)' },
  { id: 'be', xkb: 'be', variant: '', name: 'Belgian (AZERTY)' },
] as const;

export type ScannerLayout = (typeof SCANNER_LAYOUTS)[number]['id'];
