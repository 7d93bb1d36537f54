import { describe, expect, it } from 'vitest';
import { postgresUrlProblem } from './url.js';

describe('a PostgreSQL URL an operator wrote', () => {
  it('takes a plain URL, one with percent-encoded characters in the password, and one with options', () => {
    expect(postgresUrlProblem('postgres://brownpaper:secret@db.internal:5432/brownpaper')).toBeNull();
    expect(postgresUrlProblem('postgres://brownpaper:Wk7%23p%40ss@localhost:5432/brownpaper')).toBeNull();
    expect(postgresUrlProblem('postgresql://b:pw@host/db?sslmode=require')).toBeNull();
  });

  it('says a password holding # or @ must be percent-encoded, and never echoes it', () => {
    for (const url of ['postgres://brownpaper:Wk7#p@ss@localhost:5432/brownpaper', 'postgres://b:a@b@localhost/db']) {
      const problem = postgresUrlProblem(url) ?? '';
      expect(problem).toContain('percent-encoded');
      expect(problem).toContain('# → %23, @ → %40');
      expect(problem).not.toContain('Wk7');
      expect(problem).not.toMatch(/a@b/);
    }
  });

  it('says what shape it wants for another scheme or no host', () => {
    expect(postgresUrlProblem('mysql://x@y/z')).toMatch(/^takes a URL like postgres:\/\//);
    expect(postgresUrlProblem('postgres:///db')).toMatch(/^takes a URL like postgres:\/\//);
  });
});
