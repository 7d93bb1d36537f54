import { costWorkbook } from '../../export/costWorkbook.js';
import { workbookFileName } from '../../export/workbookFileName.js';
import type { Handlers } from './types.js';

/** The exports the host makes (the others are made in the browser from its own copy of the board). */
export const exportHandlers: Handlers<'costWorkbook'> = {
  costWorkbook: async ({ ctx, sessionId }) => {
    // A copy of the board as it is now: the workbook is written after the request's turn, while people go on editing.
    const doc = await ctx.boardCopy(sessionId);
    const title = String(doc.getMap('meta').get('title') ?? 'board');
    return { bytes: await costWorkbook(doc), mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', name: workbookFileName(title) };
  },
};
