/**
 * Hand a file to the person: in the desktop app the native save dialog (which asks before
 * replacing a file); in a browser, a download. Resolves false if the person cancelled.
 */
export async function download(name: string, data: Blob): Promise<boolean> {
  if (window.brownpaper) return (await window.brownpaper.saveFile({ name, data: new Uint8Array(await data.arrayBuffer()) })).saved;
  const url = URL.createObjectURL(data);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return true;
}

/**
 * Rasterise an SVG at `scale` device pixels per board unit. The browser decodes the image off
 * the main thread (img.decode), so a big board does not freeze the window.
 */
export async function svgToPng(svg: string, scale: number): Promise<Blob> {
  return (await svgToPngSized(svg, scale)).blob;
}

export async function svgToPngSized(svg: string, scale: number, encoding: () => void = () => {}): Promise<{ blob: Blob; width: number; height: number }> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    // Browsers draw canvases up to 16,384 px a side (and about 268 megapixels): a long board
    // at 4× is brought down to the largest scale that fits, rather than failing.
    const fit = Math.min(scale, 16384 / img.naturalWidth, 16384 / img.naturalHeight, Math.sqrt(268e6 / (img.naturalWidth * img.naturalHeight)));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.floor(img.naturalWidth * fit));
    canvas.height = Math.max(1, Math.floor(img.naturalHeight * fit));
    canvas.getContext('2d')!.drawImage(img, 0, 0, canvas.width, canvas.height);
    encoding();
    const blob = await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the browser could not encode the PNG'))), 'image/png'));
    return { blob, width: canvas.width, height: canvas.height };
  } finally {
    URL.revokeObjectURL(url);
  }
}
