import { describe, expect, it } from 'vitest';
import { matchesSearch } from './searchText.js';

describe('a search', () => {
  it('finds a title whatever its accents and case, as typed on any keyboard', () => {
    expect(matchesSearch('Ärztekammer Ablauf', 'arztekammer')).toBe(true);
    expect(matchesSearch('Café de la Gare', 'CAFE')).toBe(true);
    expect(matchesSearch('Straße', 'strasse')).toBe(true);
    expect(matchesSearch('Crème brûlée', 'brûl')).toBe(true);
    expect(matchesSearch('Invoice to cash', '  ')).toBe(true);
    expect(matchesSearch('Invoice to cash', 'order')).toBe(false);
  });
});
