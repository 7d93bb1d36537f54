import type * as Y from 'yjs';
import { exportBoard, type BoardExportOptions, type ExportFormat } from '../../shared/exchange/exportBoard';
import { svgToPngSized } from './download';

export type { ExportFormat };

export interface ExportOptions extends BoardExportOptions {
  /** file name without extension */
  name: string;
}

/** What the export is doing, for the progress bar: step `step` of `of`. */
export interface ExportProgress {
  step: number;
  of: number;
  label: string;
}

/** Give the browser a frame (to paint the progress, answer the pointer) before the next step. */
const breathe = () => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));

/** Draw SVG into PNG bytes in the raster worker. */
async function rasterize(svg: string, scale: number) {
  const img = await svgToPngSized(svg, scale);
  return { png: new Uint8Array(await img.blob.arrayBuffer()), width: img.width, height: img.height };
}

/**
 * Make one export file through the shared pipeline, yielding to the browser between its steps
 * so the window paints the progress and stays usable. Returns the file name and its bytes.
 */
export async function exportFile(doc: Y.Doc, o: ExportOptions, progress: (p: ExportProgress) => void = () => {}): Promise<{ name: string; blob: Blob }> {
  const file = await exportBoard(doc, o, rasterize, async (step, of, label) => {
    progress({ step, of, label });
    await breathe();
  });
  return { name: `${o.name}${file.suffix}`, blob: new Blob([file.bytes as BlobPart], { type: file.mime }) };
}
