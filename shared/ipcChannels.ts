// The channel names alone, so the sandboxed preload can import them without pulling in the
// schemas (it forwards calls; the main process validates).
export const ipcChannelNames = {
  listSessions: 'brownpaper:listSessions',
  createSession: 'brownpaper:createSession',
  openSession: 'brownpaper:openSession',
  importSession: 'brownpaper:importSession',
} as const;
