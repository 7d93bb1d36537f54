import type * as Y from 'yjs';
import { costTableCsv } from '../../shared/exchange/costTable';
import type { Paper } from '../../shared/exchange/poster';
import { exportSession, sessionFileText } from '../../shared/exchange/sessionFile';
import { boardSvg } from '../../shared/exchange/svg';
import { svgToPngSized } from './download';

export type ExportFormat = 'png' | 'svg' | 'pdf' | 'json' | 'csv';

export interface ExportOptions {
  format: ExportFormat;
  /** file name without extension */
  name: string;
  title: string;
  /** elements to draw; undefined: the whole board */
  ids?: string[];
  scale: number;
  background: 'kraft' | 'transparent';
  paper: Paper;
  bom: boolean;
}

/** What the export is doing, for the progress bar: step `step` of `of`. */
export interface ExportProgress {
  step: number;
  of: number;
  label: string;
}

/** Give the browser a frame (to paint the progress, answer the pointer) before the next step. */
const breathe = () => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));

/**
 * Make one export file in steps, yielding to the browser between them so the window paints
 * the progress and stays usable. Returns the file name and its bytes.
 */
export async function exportFile(doc: Y.Doc, o: ExportOptions, progress: (p: ExportProgress) => void = () => {}): Promise<{ name: string; blob: Blob }> {
  const image = o.format === 'png' || o.format === 'svg' || o.format === 'pdf';
  const of = o.format === 'png' ? 2 : o.format === 'pdf' ? 3 : 1;
  const step = async (n: number, label: string) => {
    progress({ step: n, of, label });
    await breathe();
  };
  if (!image) {
    await step(1, o.format === 'json' ? 'Writing the session file' : 'Writing the cost table');
    if (o.format === 'json') return { name: `${o.name}.brownpaper`, blob: new Blob([sessionFileText(exportSession(doc))], { type: 'application/x-brownpaper-session' }) };
    return { name: `${o.name}-costs.csv`, blob: new Blob([costTableCsv(doc, { bom: o.bom })], { type: 'text/csv;charset=utf-8' }) };
  }
  await step(1, 'Drawing the board');
  const svg = boardSvg(doc, { ids: o.ids, background: o.background });
  if (o.format === 'svg') return { name: `${o.name}.svg`, blob: new Blob([svg], { type: 'image/svg+xml' }) };
  // Poster: 150 dpi, one board pixel printed at 0.3 mm (as the command line does).
  const mm = 0.3;
  const scale = o.format === 'png' ? o.scale : (mm / 25.4) * 150;
  await step(2, 'Rendering the image');
  const img = await svgToPngSized(svg, scale);
  if (o.format === 'png') return { name: `${o.name}@${o.scale}x.png`, blob: img.blob };
  await step(3, 'Laying out the poster');
  // pdf-lib is loaded when a poster is made, not with the board.
  const { posterPdf } = await import('../../shared/exchange/poster');
  const pdf = await posterPdf(new Uint8Array(await img.blob.arrayBuffer()), img.width, img.height, { paper: o.paper, mmPerPixel: mm / scale, title: o.title });
  return { name: `${o.name}-poster-${o.paper}.pdf`, blob: new Blob([pdf as BlobPart], { type: 'application/pdf' }) };
}
