// Small inline SVG icons. Always decorative (aria-hidden): meaning is also given in words.
export type IconName = 'check' | 'warning' | 'cross' | 'info' | 'undo' | 'search' | 'scan' | 'clock' | 'sync' | 'alert' | 'soundOn' | 'soundOff' | 'userPlus' | 'note' | 'moon' | 'sun' | 'shield' | 'noCamera' | 'exit';

const PATHS: Record<IconName, string> = {
  check: 'M5 12.5l4.5 4.5L19 7.5',
  cross: 'M6 6l12 12M18 6L6 18',
  warning: 'M12 3.5L2.5 20h19L12 3.5zM12 10v4.5M12 17.2v.3',
  info: 'M12 3a9 9 0 100 18 9 9 0 000-18zM12 11v6M12 7.5v.3',
  alert: 'M12 3a9 9 0 100 18 9 9 0 000-18zM12 7v6.5M12 16.5v.3',
  undo: 'M9 7L4 12l5 5M4.5 12H15a5 5 0 010 10h-3',
  search: 'M10.5 4a6.5 6.5 0 100 13 6.5 6.5 0 000-13zM15.5 15.5L21 21',
  scan: 'M3 8V4h4M17 4h4v4M21 16v4h-4M7 20H3v-4M7 12h10',
  clock: 'M12 3a9 9 0 100 18 9 9 0 000-18zM12 7v5l3 2',
  sync: 'M4 12a8 8 0 0114-5.3L20 9M20 4v5h-5M20 12a8 8 0 01-14 5.3L4 15M4 20v-5h5',
  soundOn: 'M4 9.5h3.5L12 5.5v13l-4.5-4H4zM15.5 9a4 4 0 010 6M18 6.5a7.5 7.5 0 010 11',
  soundOff: 'M4 9.5h3.5L12 5.5v13l-4.5-4H4zM16 9.5l5 5M21 9.5l-5 5',
  userPlus: 'M9.5 4a4 4 0 100 8 4 4 0 000-8zM2.5 20.5a7 7 0 0114 0M19 8v6M16 11h6',
  note: 'M5 3.5h10l4 4v13H5zM14.5 3.5v4.5H19M8.5 12h7M8.5 16h7',
  moon: 'M20 14.5A8 8 0 019.5 4a8 8 0 1010.5 10.5z',
  shield: 'M12 3l7.5 3v5.5c0 4.5-3.2 8-7.5 9.5-4.3-1.5-7.5-5-7.5-9.5V6z',
  noCamera: 'M4 8h3l2-2.5h6L17 8h3v11H4zM12 10.5a3 3 0 100 6 3 3 0 000-6zM3 3l18 18',
  exit: 'M13.5 4H5v16h8.5M9.5 12H21M17 8l4 4-4 4',
  sun: 'M12 8a4 4 0 100 8 4 4 0 000-8zM12 2.5v2M12 19.5v2M2.5 12h2M19.5 12h2M5.3 5.3l1.4 1.4M17.3 17.3l1.4 1.4M5.3 18.7l1.4-1.4M17.3 6.7l1.4-1.4',
};

export function Icon({ name, className }: { name: IconName; className?: string }) {
  return (
    <svg
      className={`icon ${className ?? ''}`}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2.5}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
