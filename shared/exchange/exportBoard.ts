import type * as Y from 'yjs';
import { costTableCsv } from './costTable.js';
import { posterPdf, type Paper } from './poster.js';
import { exportSession, sessionFileText } from './sessionFile.js';
import { boardSvg, exportScenario } from './svg.js';

/**
 * One export pipeline for the app and the command line: which formats there are, what each
 * is made of, in which steps, and what its file is called. Only drawing SVG into pixels
 * differs (a Web Worker with resvg-wasm in the app, resvg in Node), so the caller passes it.
 */
export const exportFormats = ['json', 'csv', 'svg', 'pdf', 'png'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export interface BoardExportOptions {
  format: ExportFormat;
  /** elements to draw; undefined: the whole board */
  ids?: string[];
  /** PNG pixels per board pixel */
  scale: number;
  background: 'kraft' | 'transparent';
  paper: Paper;
  /** a byte-order mark on the CSV, for spreadsheets that guess the encoding */
  bom: boolean;
  /** the poster's title */
  title: string;
  /** the images draw this scenario (id or name) instead of the as-is; its name goes into the title and the file name */
  scenario?: string;
}

export type Rasterize = (svg: string, scale: number) => Promise<{ png: Uint8Array; width: number; height: number }>;

/** Called before each step, awaited: the app paints its progress bar there. */
export type OnStep = (step: number, of: number, label: string) => Promise<void> | void;

export interface ExportedBoard {
  bytes: string | Uint8Array;
  mime: string;
  /** what follows the session's name in the file name: ".svg", "@2x.png", "-poster-a4.pdf"… */
  suffix: string;
}

/** A poster prints one board pixel at 0.3 mm, rendered at 150 dpi. */
const POSTER_MM_PER_PX = 0.3;
const POSTER_SCALE = (POSTER_MM_PER_PX / 25.4) * 150;

/** A scenario's name as part of a file name, as the app writes the session's: "To-be-brochure-in-2-days". */
function fileSafeName(name: string): string {
  return (
    name
      .replace(/[^\p{L}\p{N} _-]+/gu, '')
      .trim()
      .replace(/\s+/g, '-') || 'scenario'
  );
}

function exportSteps(format: ExportFormat): number {
  return format === 'png' ? 2 : format === 'pdf' ? 3 : 1;
}

export async function exportBoard(doc: Y.Doc, o: BoardExportOptions, rasterize: Rasterize, onStep: OnStep = () => {}): Promise<ExportedBoard> {
  const of = exportSteps(o.format);
  if (o.format === 'json') {
    await onStep(1, of, 'Writing the session file');
    return { bytes: sessionFileText(exportSession(doc)), mime: 'application/x-brownpaper-session', suffix: '.brownpaper' };
  }
  if (o.format === 'csv') {
    await onStep(1, of, 'Writing the cost table');
    return { bytes: costTableCsv(doc, { bom: o.bom }), mime: 'text/csv;charset=utf-8', suffix: '-costs.csv' };
  }
  const scenario = exportScenario(doc, o.scenario);
  // The file and the poster say which scenario they show: "Order-to-cash-To-be-brochure-in-2-days.svg".
  const named = scenario ? `-${fileSafeName(scenario.name)}` : '';
  await onStep(1, of, 'Drawing the board');
  const svg = boardSvg(doc, { ids: o.ids, background: o.background, scenarioId: scenario?.id });
  if (o.format === 'svg') return { bytes: svg, mime: 'image/svg+xml', suffix: `${named}.svg` };
  await onStep(2, of, 'Rendering the image');
  const image = await rasterize(svg, o.format === 'png' ? o.scale : POSTER_SCALE);
  if (o.format === 'png') return { bytes: image.png, mime: 'image/png', suffix: `${named}@${o.scale}x.png` };
  await onStep(3, of, 'Laying out the poster');
  const title = scenario ? `${o.title} — ${scenario.name}` : o.title;
  const pdf = await posterPdf(image.png, image.width, image.height, { paper: o.paper, mmPerPixel: POSTER_MM_PER_PX / POSTER_SCALE, title });
  return { bytes: pdf, mime: 'application/pdf', suffix: `${named}-poster-${o.paper}.pdf` };
}
