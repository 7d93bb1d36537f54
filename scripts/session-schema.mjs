// Writes docs/session.schema.json (the published JSON Schema of the session file) from the zod
// schema in shared/exchange/sessionFile.ts, via the CLI bundle. `npm run build` first.
import { writeFileSync } from 'node:fs';
const { sessionFileJsonSchema } = await import('../dist/node/cli.mjs');
writeFileSync(new URL('../docs/session.schema.json', import.meta.url), JSON.stringify(sessionFileJsonSchema(), null, 2) + '\n');
console.log('wrote docs/session.schema.json');
