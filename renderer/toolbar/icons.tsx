// Line icons drawn here (24×24, stroke = currentColor), so the toolbar looks the same on
// every machine — no icon font, no emoji font, nothing to download.
const paths = {
  select: 'M5 3l14 8-6 1.5L10 19z',
  hand: 'M8 12V5.5a1.5 1.5 0 013 0V11m0-6.5a1.5 1.5 0 013 0V11m0-5a1.5 1.5 0 013 0V14c0 4-2.5 7-6.5 7S6 18.5 4.5 15.5L3 12.5a1.5 1.5 0 012.6-1.5L8 14',
  step: 'M3 6h18v12H3zM3 9h18',
  note: 'M4 4h16v11l-5 5H4zM15 20v-5h5',
  text: 'M5 5h14M12 5v14M9 19h6',
  connector: 'M4 18L18 6M11 6h7v7',
  frame: 'M3 7V3h4M17 3h4v4M21 17v4h-4M7 21H3v-4M9 3h6M9 21h6M3 10v4M21 10v4',
  undo: 'M9 14L4 9l5-5M4 9h11a5 5 0 010 10h-3',
  redo: 'M15 14l5-5-5-5M20 9H9a5 5 0 000 10h3',
  help: 'M9 9a3 3 0 115 2.2c-1.2.8-2 1.5-2 2.8M12 18h.01',
  minus: 'M5 12h14',
  plus: 'M12 5v14M5 12h14',
  fit: 'M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5',
  target: 'M12 3v4M12 17v4M3 12h4M17 12h4M12 8a4 4 0 100 8 4 4 0 000-8z',
  snap: 'M4 4h16v16H4zM4 10h16M4 16h16M10 4v16M16 4v16',
  front: 'M8 8h12v12H8zM4 4h10v3M4 4v10h3',
  back: 'M4 4h12v12H4zM10 20h10V10h-3',
  duplicate: 'M8 8h12v12H8zM4 16V4h12',
  lock: 'M6 11h12v9H6zM8 11V8a4 4 0 018 0v3',
  unlock: 'M6 11h12v9H6zM8 11V8a4 4 0 017.5-2',
  trash: 'M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13M10 11v6M14 11v6',
  alignLeft: 'M4 3v18M8 7h10v4H8zM8 14h6v4H8z',
  alignCentre: 'M12 3v18M6 7h12v4H6zM8 14h8v4H8z',
  alignRight: 'M20 3v18M6 7h10v4H6zM10 14h6v4h-6z',
  alignTop: 'M3 4h18M7 8h4v10H7zM14 8h4v6h-4z',
  alignMiddle: 'M3 12h18M7 6h4v12H7zM14 8h4v8h-4z',
  alignBottom: 'M3 20h18M7 6h4v10H7zM14 10h4v6h-4z',
  distributeX: 'M4 4v16M20 4v16M10 8h4v8h-4z',
  distributeY: 'M4 4h16M4 20h16M8 10h8v4H8z',
  elbow: 'M4 18h6V6h10M16 2l4 4-4 4',
  follow: 'M2 12s3.5-6 10-6 10 6 10 6-3.5 6-10 6S2 12 2 12zM12 9a3 3 0 100 6 3 3 0 000-6z',
  vote: 'M12 7a5 5 0 100 10 5 5 0 000-10z',
  more: 'M5 12h.01M12 12h.01M19 12h.01',
  table: 'M3 5h18v14H3zM3 10h18M3 15h18M9 5v14',
} as const;

export type IconName = keyof typeof paths;

export function Icon({ name }: { name: IconName }) {
  return (
    <svg viewBox="0 0 24 24" width="22" height="22" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d={paths[name]} />
    </svg>
  );
}
