// The channel names alone, so the sandboxed preload can import them without pulling in the
// schemas (it forwards calls; the main process validates).
export const ipcChannelNames = {
  listSessions: 'brownpaper:listSessions',
  createSession: 'brownpaper:createSession',
  openSession: 'brownpaper:openSession',
  importSession: 'brownpaper:importSession',
  duplicateSession: 'brownpaper:duplicateSession',
  trashSession: 'brownpaper:trashSession',
  restoreSession: 'brownpaper:restoreSession',
  listTrash: 'brownpaper:listTrash',
  emptyTrash: 'brownpaper:emptyTrash',
  library: 'brownpaper:library',
  renameSession: 'brownpaper:renameSession',
  hostingState: 'brownpaper:hostingState',
  startHosting: 'brownpaper:startHosting',
  stopHosting: 'brownpaper:stopHosting',
  joinSession: 'brownpaper:joinSession',
  saveFile: 'brownpaper:saveFile',
  openTeamServer: 'brownpaper:openTeamServer',
  /** main → renderer: a menu command (File ▸ Export…) */
  menu: 'brownpaper:menu',
} as const;
