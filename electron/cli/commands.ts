import * as Y from 'yjs';
import { idSchema } from '../../shared/model/ids.js';
import { currencyOfLocale, isKnownLocale } from '../../shared/model/locales.js';
import { templateOrigin } from '../../shared/model/origins.js';
import { setBoardSettings } from '../../shared/operations/costs.js';
import { initBoard } from '../../shared/operations/initBoard.js';
import { templateIdSchema, templateIds } from '../../shared/model/board.js';
import { joinUrl, newSessionSchema, roleSchema } from '../../shared/session.js';
import { startHost } from '../host/host.js';
import { readHostFile } from '../host/hostFile.js';
import { StoreError } from '../host/store/database.js';
import { setAsideStore } from '../host/store/setAside.js';
import { currencyCode, parse, portNumber, required } from './args.js';
import { CliError, storeError, usage } from './errors.js';
import { webRoot } from './webRoot.js';
import { caseReport } from './caseCommand.js';
import { costReport } from './costCommand.js';
import { exportBoardFile, importBoard, sessionBoard } from './exchangeCommands.js';
import { storeChoice, storeFlags, withChosenStore } from './storeOption.js';

const DEFAULT_PORT = 4380;

type Out = (line: string) => void;

export async function hostCommand(argv: string[], out: Out): Promise<void> {
  const { values } = parse(argv, {
    port: { type: 'string' },
    data: { type: 'string' },
    bind: { type: 'string' },
    owner: { type: 'boolean' },
    bench: { type: 'boolean' },
    fresh: { type: 'boolean' },
  });
  const dataDir = required(values.data, '--data');
  const port = portNumber(values.port, DEFAULT_PORT);
  const start = () => startHost({ dataDir, port, bind: values.bind ?? '127.0.0.1', webRoot: webRoot(), owner: values.owner ? true : undefined, benchMaps: !!values.bench });
  let host;
  try {
    host = await start();
  } catch (e) {
    if (!(e instanceof StoreError)) throw new CliError((e as Error).message);
    if (!values.fresh || !e.unusableFile) throw storeError(e, dataDir);
    // --fresh: the unusable file is renamed, byte for byte, and a new database starts in its place.
    const aside = setAsideStore(e.unusableFile);
    out(`brownpaper host: ${e.unusableFile} could not be used; it was set aside as ${aside}, starting with a fresh database`);
    try {
      host = await start();
    } catch (again) {
      throw new CliError((again as Error).message);
    }
  }
  // Handlers first, then the line: whoever starts the host may signal it as soon as it reads that line.
  const stopped = new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      out(`brownpaper host: ${signal}, closing`);
      host.close().then(resolve, resolve);
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
  out(`brownpaper host: listening on ${host.url} (data: ${dataDir})`);
  if (host.ownerToken) out(`brownpaper host: open ${host.url.replace('0.0.0.0', '127.0.0.1')}/#owner=${host.ownerToken}`);
  await stopped;
}

export async function sessionCommand(argv: string[], out: Out): Promise<void> {
  const [sub, ...rest] = argv;
  if (sub === 'create') {
    const { values } = parse(rest, { ...storeFlags, title: { type: 'string' }, template: { type: 'string' }, locale: { type: 'string' }, currency: { type: 'string' } });
    const choice = storeChoice(values);
    const title = required(values.title, '--title');
    const template = values.template ?? 'blank';
    if (!templateIdSchema.safeParse(template).success) throw usage(`--template must be one of ${templateIds.join(', ')}; got '${template}'`);
    const input = newSessionSchema.safeParse({ title, template });
    if (!input.success) throw usage(`--title: ${input.error.issues[0].message}`);
    const { locale } = values;
    if (locale !== undefined && !isKnownLocale(locale)) throw usage(`--locale must be a number format like en-US or de-DE; got '${locale}'`);
    const currency = currencyCode(values.currency);
    if (locale === undefined && currency === undefined) return out(JSON.stringify(await withChosenStore(choice, true, (s) => s.sessions.create(input.data))));
    // A session whose figures are typed and shown in that number format from the start, counting
    // in the currency asked for, else the one the locale's country counts in (as import-steps --new).
    const settings = { locale, currency: currency ?? (locale ? (currencyOfLocale(locale) ?? undefined) : undefined) };
    const doc = new Y.Doc();
    const ctx = { origin: templateOrigin, now: Date.now() };
    initBoard.run(doc, input.data, ctx);
    setBoardSettings.run(doc, settings, ctx);
    const session = await withChosenStore(choice, true, (s) => s.sessions.createFromUpdate(input.data, Y.encodeStateAsUpdate(doc)));
    out(JSON.stringify({ ...session, ...settings }));
    return;
  }
  if (sub === 'list') {
    const { values } = parse(rest, { ...storeFlags, json: { type: 'boolean' } });
    const sessions = await withChosenStore(storeChoice(values), false, (s) => s.sessions.list());
    if (values.json) out(JSON.stringify(sessions));
    else if (sessions.length === 0) out('no sessions');
    else for (const s of sessions) out(`${s.id}  ${new Date(s.updatedAt).toISOString()}  ${s.template.padEnd(19)}  ${s.title}`);
    return;
  }
  throw usage(sub ? `unknown session command '${sub}'` : 'session needs a command: create or list');
}

export async function costCommand(argv: string[], out: Out): Promise<void> {
  const { values, positionals } = parse(argv, { ...storeFlags, json: { type: 'boolean' } }, 1);
  const sessionId = positionals[0];
  if (!sessionId) throw usage('cost needs a session id');
  const choice = storeChoice(values);
  const report = costReport(await withChosenStore(choice, false, (s) => sessionBoard(s, sessionId)), sessionId);
  if (values.json) return out(JSON.stringify(report));
  out(`${report.total} ${report.currency} per ${report.period}; ${report.missing} step(s) without cost data`);
  for (const [lane, v] of Object.entries(report.byLane)) out(`  lane  ${lane}: ${v}`);
  for (const [stage, v] of Object.entries(report.byStage)) out(`  stage ${stage}: ${v}`);
  const t = report.time;
  const atLeast = (missing: string[]) => (missing.length ? ` (at least: ${missing.length} step(s) without times)` : '');
  const pce = (p: number | null) => (p === null ? '' : `, PCE ${(p * 100).toFixed(1)} %`);
  out(`  lead time ${t.leadTime}${pce(t.pce)}${atLeast(t.missing)}; rework ${t.reworkCost} ${report.currency} of the total`);
  for (const sc of report.scenarios) {
    out(`  scenario ${sc.name}: ${sc.total} (saves ${sc.savings})`);
    out(`    lead time ${t.leadTime} → ${sc.time.leadTime}${pce(sc.time.pce)}; rework ${sc.time.reworkCost} ${report.currency}`);
  }
}

export async function caseCommand(argv: string[], out: Out): Promise<void> {
  const { values, positionals } = parse(argv, { ...storeFlags, json: { type: 'boolean' } }, 1);
  const sessionId = positionals[0];
  if (!sessionId) throw usage('case needs a session id');
  const choice = storeChoice(values);
  const report = caseReport(await withChosenStore(choice, false, (s) => sessionBoard(s, sessionId)), sessionId);
  if (values.json) return out(JSON.stringify(report));
  const per = `per ${report.period}`;
  out(`discount rate ${Math.round(report.discountRate * 10_000) / 100} % a year; ${Math.round(report.evidence.guessShare * 1000) / 10} % of the total rests on guesses`);
  if (!report.scenarios.length) out('no scenarios');
  for (const c of report.scenarios) {
    const price = [c.investment && `${c.investment} once`, c.runningCost && `${c.runningCost} ${per}`].filter(Boolean).join(' and ') || 'nothing (not priced)';
    out(`${c.name}: saves ${c.savingPerPeriod} ${report.currency} ${per}, costs ${price}`);
    out(
      `  ${c.paybackMonths === null ? 'never pays back' : `pays back in ${c.paybackMonths} months`}; net value over 3 years ${c.netValue3y}, present value ${c.presentValue3y}${c.roi === null ? '' : `; ROI ${Math.round(c.roi * 1000) / 10} %`}`,
    );
  }
}

export async function exportCommand(argv: string[], out: Out): Promise<void> {
  const { values, positionals } = parse(
    argv,
    {
      ...storeFlags,
      format: { type: 'string' },
      out: { type: 'string' },
      force: { type: 'boolean' },
      bom: { type: 'boolean' },
      scale: { type: 'string' },
      transparent: { type: 'boolean' },
      paper: { type: 'string' },
      scenario: { type: 'string' },
    },
    1,
  );
  const sessionId = positionals[0];
  if (!sessionId) throw usage('export needs a session id');
  const choice = storeChoice(values);
  const format = required(values.format, '--format');
  const file = required(values.out, '--out');
  const scale = values.scale === undefined ? 2 : Number(values.scale);
  if (!Number.isFinite(scale) || scale < 1 || scale > 4) throw usage(`--scale takes 1 to 4, got '${values.scale}'`);
  const paper = values.paper ?? 'a4';
  if (paper !== 'a4' && paper !== 'a3' && paper !== 'single') throw usage(`--paper must be a4, a3 or single; got '${paper}'`);
  await withChosenStore(choice, false, (store) =>
    exportBoardFile(store, sessionId, format, file, {
      force: !!values.force,
      bom: !!values.bom,
      scale,
      background: values.transparent ? 'transparent' : 'kraft',
      paper,
      scenario: values.scenario,
    }),
  );
  out(JSON.stringify({ sessionId, format, out: file }));
}

export async function importCommand(argv: string[], out: Out): Promise<void> {
  const { values, positionals } = parse(argv, storeFlags, 1);
  const file = positionals[0];
  if (!file) throw usage('import needs a file');
  const session = await withChosenStore(storeChoice(values), true, (s) => importBoard(s, file));
  out(JSON.stringify(session));
}

export async function inviteCommand(argv: string[], out: Out): Promise<void> {
  const { values, positionals } = parse(argv, { ...storeFlags, role: { type: 'string' }, url: { type: 'string' } }, 1);
  const sessionId = positionals[0];
  if (!sessionId) throw usage('invite needs a session id');
  if (!idSchema.safeParse(sessionId).success) throw usage(`'${sessionId}' is not a session id`);
  const choice = storeChoice(values);
  const role = roleSchema.safeParse(required(values.role, '--role'));
  if (!role.success) throw usage(`--role must be facilitator, participant or viewer; got '${values.role}'`);
  let base = values.url;
  if (base !== undefined && !/^https?:\/\/[^/\s]+\/?$/.test(base)) throw usage(`--url must look like http://HOST:PORT, got '${base}'`);
  // A data dir knows the address of the host running on it; a team server's database does not.
  // A team server's configuration file does: its publicUrl.
  base ??= choice.engine === 'sqlite' ? readHostFile(choice.dataDir)?.url : choice.publicUrl;
  if (!base)
    throw choice.engine === 'sqlite'
      ? new CliError(`no host is running on ${choice.dataDir}; start one with 'brownpaper host' or pass --url http://HOST:PORT`)
      : usage("--url is required with --postgres unless the --config file has a publicUrl: the team server's address, e.g. --url https://walls.example.org");
  const url = base;
  const token = await withChosenStore(choice, false, async (s) => {
    if (!(await s.sessions.get(sessionId))) throw new CliError(`no session ${sessionId} in ${choice.where}`);
    return s.tokens.issue(sessionId, role.data, 'cli');
  });
  out(JSON.stringify({ sessionId, role: role.data, token, url: joinUrl(url, sessionId, token) }));
}
