const english = new Intl.PluralRules('en');

/** "1 dot", "2 dots", "1,025 steps": the count and the word in the form English plural rules pick for it. */
export function plural(n: number, one: string, other: string): string {
  return `${n.toLocaleString('en')} ${english.select(n) === 'one' ? one : other}`;
}
