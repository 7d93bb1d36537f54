import { parseArgs, type ParseArgsConfig } from 'node:util';
import { usage } from './errors.js';

type Options = NonNullable<ParseArgsConfig['options']>;

type Parsed<O extends Options> = ReturnType<typeof parseArgs<{ args: string[]; options: O; strict: true; allowPositionals: boolean }>>;

/** node:util parseArgs, strict, with its errors turned into one usage line. */
export function parse<O extends Options>(argv: string[], options: O, positionals = 0): Parsed<O> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, strict: true, allowPositionals: positionals > 0 });
  } catch (e) {
    throw usage((e as Error).message.replace(/\. To specify a positional argument.*$/s, ''));
  }
  if (parsed.positionals.length > positionals) throw usage(`unexpected argument '${parsed.positionals[positionals]}'`);
  return parsed;
}

export function required(value: string | boolean | undefined, flag: string): string {
  if (typeof value !== 'string' || value === '') throw usage(`${flag} is required`);
  return value;
}

export function portNumber(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) > 65535) throw usage(`--port takes a number from 0 to 65535, got '${value}'`);
  return Number(value);
}

/** --currency: an ISO 4217 code this runtime knows ("eur" is EUR); undefined when not given. */
export function currencyCode(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const code = value.toUpperCase();
  if (!/^[A-Z]{3}$/.test(code) || !Intl.supportedValuesOf('currency').includes(code)) throw usage(`--currency must be an ISO 4217 code like EUR or USD; got '${value}'`);
  return code;
}
