// Key specs as the command table writes them ("Mod+Shift+Z", "Shift+1", "?"), matched against a
// keydown and shown for this platform.

interface KeySpec {
  mod: boolean;
  shift: boolean;
  alt: boolean;
  key: string;
}

function parse(spec: string): KeySpec {
  const parts = spec.split('+');
  // "+" itself is a key: "Mod++" or "+".
  const key = spec.endsWith('++') || spec === '+' ? '+' : parts[parts.length - 1];
  const mods = new Set(parts.slice(0, spec.endsWith('++') ? -2 : -1));
  return { mod: mods.has('Mod'), shift: mods.has('Shift'), alt: mods.has('Alt'), key };
}

/** A key whose character needs Shift on some keyboards ("?", "+"): Shift is not asked about. */
const symbol = (key: string) => key.length === 1 && !/[a-z0-9]/i.test(key);

export function matchesKey(spec: string, e: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): boolean {
  const k = parse(spec);
  if (k.mod !== (e.ctrlKey || e.metaKey) || k.alt !== e.altKey) return false;
  if (!symbol(k.key) && k.shift !== e.shiftKey) return false;
  // Shift+1 arrives as "!" (or whatever the layout puts there): the digit is the key's place.
  if (/^[0-9]$/.test(k.key)) return e.code === `Digit${k.key}`;
  return e.key.toLowerCase() === k.key.toLowerCase();
}

const isMac = (): boolean => typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** "Mod+D" as this platform writes it: "Ctrl+D", or "Cmd+D" on a Mac. */
export function showKey(spec: string, mac = isMac()): string {
  return spec.replace(/^Mod\+/, mac ? 'Cmd+' : 'Ctrl+');
}
