/**
 * A printable poster of a board image: tiled over A4 or A3 pages with overlap and marks to
 * line them up (brown paper is printed metres long), or one large page. Pure: takes a PNG, so
 * the browser (canvas) and the CLI (resvg) share it.
 */
export type Paper = 'a4' | 'a3' | 'single';

export interface PosterOptions {
  paper: Paper;
  /** printed size of one image pixel, in millimetres */
  mmPerPixel: number;
  title?: string;
}

const PT_PER_MM = 72 / 25.4;
const sizes = { a4: [210, 297], a3: [297, 420] } as const;
/** Margin no printer prints into, and the strip each tile repeats of its neighbour. */
const MARGIN_MM = 10;
const OVERLAP_MM = 10;
/** PDF pages stop at 200 inches (14,400 pt). */
const MAX_PAGE_MM = 5080;

export interface PosterLayout {
  pages: { col: number; row: number }[];
  cols: number;
  rows: number;
  pageMm: [number, number];
}

/** How a w×h mm image is split over pages (landscape when the image is wider than tall). */
export function posterLayout(wMm: number, hMm: number, paper: Paper): PosterLayout {
  if (paper === 'single') {
    if (wMm + 2 * MARGIN_MM > MAX_PAGE_MM || hMm + 2 * MARGIN_MM > MAX_PAGE_MM)
      throw new Error(`one page would be ${Math.round(wMm)}×${Math.round(hMm)} mm; PDF pages stop at ${MAX_PAGE_MM} mm — choose A4 or A3 tiles`);
    return { pages: [{ col: 0, row: 0 }], cols: 1, rows: 1, pageMm: [wMm + 2 * MARGIN_MM, hMm + 2 * MARGIN_MM] };
  }
  const [a, b] = sizes[paper];
  const pageMm: [number, number] = wMm >= hMm ? [b, a] : [a, b];
  const stepX = pageMm[0] - 2 * MARGIN_MM - OVERLAP_MM;
  const stepY = pageMm[1] - 2 * MARGIN_MM - OVERLAP_MM;
  const cols = Math.max(1, Math.ceil((wMm - OVERLAP_MM) / stepX));
  const rows = Math.max(1, Math.ceil((hMm - OVERLAP_MM) / stepY));
  const pages = [];
  for (let row = 0; row < rows; row++) for (let col = 0; col < cols; col++) pages.push({ col, row });
  return { pages, cols, rows, pageMm };
}

export async function posterPdf(png: Uint8Array, widthPx: number, heightPx: number, options: PosterOptions): Promise<Uint8Array> {
  const wMm = widthPx * options.mmPerPixel;
  const hMm = heightPx * options.mmPerPixel;
  const layout = posterLayout(wMm, hMm, options.paper);
  // pdf-lib is loaded when a poster is made, not with the board or the command line: it is the slowest module to load.
  const { PDFDocument, rgb } = await import('pdf-lib');
  const pdf = await PDFDocument.create();
  pdf.setTitle(options.title ?? 'Brownpaper board');
  pdf.setCreator('Brownpaper');
  const image = await pdf.embedPng(png);
  const [pw, ph] = layout.pageMm;
  const stepX = options.paper === 'single' ? 0 : pw - 2 * MARGIN_MM - OVERLAP_MM;
  const stepY = options.paper === 'single' ? 0 : ph - 2 * MARGIN_MM - OVERLAP_MM;
  const mark = rgb(0.35, 0.25, 0.15);
  for (const { col, row } of layout.pages) {
    const page = pdf.addPage([pw * PT_PER_MM, ph * PT_PER_MM]);
    // The whole image, shifted so this tile's region falls in the printable area; PDF clips the rest.
    const x = (MARGIN_MM - col * stepX) * PT_PER_MM;
    const yTop = (ph - MARGIN_MM + row * stepY) * PT_PER_MM;
    page.pushOperators();
    page.drawImage(image, { x, y: yTop - hMm * PT_PER_MM, width: wMm * PT_PER_MM, height: hMm * PT_PER_MM });
    if (options.paper !== 'single') {
      // White out the margins, then draw where the next tile's overlap starts, and a label.
      const white = rgb(1, 1, 1);
      const m = MARGIN_MM * PT_PER_MM;
      page.drawRectangle({ x: 0, y: 0, width: pw * PT_PER_MM, height: m, color: white });
      page.drawRectangle({ x: 0, y: (ph - MARGIN_MM) * PT_PER_MM, width: pw * PT_PER_MM, height: m, color: white });
      page.drawRectangle({ x: 0, y: 0, width: m, height: ph * PT_PER_MM, color: white });
      page.drawRectangle({ x: (pw - MARGIN_MM) * PT_PER_MM, y: 0, width: m, height: ph * PT_PER_MM, color: white });
      const ox = (pw - MARGIN_MM - OVERLAP_MM) * PT_PER_MM;
      const oy = (MARGIN_MM + OVERLAP_MM) * PT_PER_MM;
      if (col < layout.cols - 1) page.drawLine({ start: { x: ox, y: m * 0.4 }, end: { x: ox, y: ph * PT_PER_MM - m * 0.4 }, thickness: 0.5, color: mark, dashArray: [4, 3] });
      if (row < layout.rows - 1) page.drawLine({ start: { x: m * 0.4, y: oy }, end: { x: pw * PT_PER_MM - m * 0.4, y: oy }, thickness: 0.5, color: mark, dashArray: [4, 3] });
      page.drawText(`${options.title ?? 'Brownpaper'} — row ${row + 1}/${layout.rows}, column ${col + 1}/${layout.cols}; glue the dashed strip under the next sheet`, {
        x: m,
        y: m * 0.35,
        size: 7,
        color: mark,
      });
    }
  }
  return pdf.save();
}
