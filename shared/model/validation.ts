import type { z } from 'zod';

/**
 * One line per problem, each with where it is: `step 7f3a….title: expected string, received number`.
 * `where` names the record or file; the zod path is appended to it.
 */
export function formatIssues(where: string, error: z.ZodError, max = 3): string {
  const lines = error.issues.slice(0, max).map((issue) => {
    const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
    return `${where}${path}: ${issue.message.replace(/^Invalid input: /, '')}`;
  });
  const more = error.issues.length - max;
  return more > 0 ? `${lines.join('; ')}; and ${more} more` : lines.join('; ');
}

export class ValidationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ValidationError';
  }
}
