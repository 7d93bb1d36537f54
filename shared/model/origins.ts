// Every transaction carries one of these as its origin. The renderer's observer, the undo
// manager (trackedOrigins) and the host's relay decide by origin, never by guessing.
// Compared by identity, so each is a single shared object.
export interface TxOrigin {
  readonly source: 'local' | 'migration' | 'import' | 'template' | 'host';
}

export const localOrigin: TxOrigin = Object.freeze({ source: 'local' });
export const migrationOrigin: TxOrigin = Object.freeze({ source: 'migration' });
export const importOrigin: TxOrigin = Object.freeze({ source: 'import' });
export const templateOrigin: TxOrigin = Object.freeze({ source: 'template' });
/** The host's own writes that are not a client's (loading from disk is not a write). */
export const hostOrigin: TxOrigin = Object.freeze({ source: 'host' });
