import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built web client. The CLI bundle sits in dist/node/, its source in electron/cli/: both two levels below the package root. */
export function webRoot(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'web');
}
