import { useDialog } from '../ui/useDialog';
import { useEffect, useState } from 'react';
import { boardDefaults } from '../../shared/model/board';
import { contains } from '../../shared/model/geometry';
import { decimalSign } from '../../shared/model/locales';
import { useBoard } from '../state/boardStore';
import { currentView } from '../state/boardView';
import { getDoc } from '../commands/dispatch';
import { useUi } from '../state/uiStore';
import type { Paper } from '../../shared/exchange/poster';
import { download } from './download';
import { exportFile, type ExportFormat, type ExportProgress } from './exportFile';
import { workbookFromHost } from './workbookFromHost';

/** What the dialog offers: the shared pipeline's formats, and the cost workbook the host writes. */
type Format = ExportFormat | 'xlsx';

const fileSafe = (s: string) =>
  s
    .replace(/[^\p{L}\p{N} _-]+/gu, '')
    .trim()
    .replace(/\s+/g, '-') || 'board';

/** The ids a scope covers: the whole board, the selection, or what lies inside the selected frame. */
function scopeIds(scope: 'board' | 'selection' | 'frame'): string[] | undefined {
  if (scope === 'board') return undefined;
  const view = currentView();
  const selection = useUi.getState().selection.filter((id) => view.boxes.has(id));
  if (scope === 'selection') return selection;
  const frame = selection.find((id) => view.elements[id].kind === 'frame');
  const box = frame ? view.boxes.get(frame)! : null;
  return box ? [...view.boxes].filter(([, b]) => contains(box, b)).map(([id]) => id) : [];
}

/** Seconds since this step began, for the long ones (a big board's image takes a while). */
function Elapsed() {
  const [s, setS] = useState(0);
  useEffect(() => {
    const t = setInterval(() => setS((n) => n + 1), 1000);
    return () => clearInterval(t);
  }, []);
  return s >= 2 ? <span className="elapsed">{s} s</span> : null;
}

/** File ▸ Export: an image (PNG, SVG) of the board, a selection or a frame; the session as JSON; the cost table as CSV; the cost workbook as XLSX. */
export function ExportDialog({ onClose }: { onClose(): void }) {
  const title = useBoard((s) => s.meta?.title ?? 'board');
  const locale = useBoard((s) => s.meta?.locale ?? boardDefaults.locale);
  const hasSelection = useUi((s) => s.selection.length > 0);
  const frameSelected = useUi((s) => s.selection.some((id) => useBoard.getState().elements[id]?.kind === 'frame'));
  const [format, setFormat] = useState<Format>('png');
  const [scope, setScope] = useState<'board' | 'selection' | 'frame'>('board');
  const [scale, setScale] = useState(2);
  const [background, setBackground] = useState<'kraft' | 'transparent'>('kraft');
  const [bom, setBom] = useState(false);
  const [paper, setPaper] = useState<Paper>('a4');
  const scenarios = useBoard((s) => s.scenarios);
  // The images show the scenario picked in the header unless another is chosen here.
  const [scenario, setScenario] = useState(() => useUi.getState().scenarioId ?? '');
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const busy = progress !== null;
  const [error, setError] = useState<string | null>(null);
  const dialog = useDialog(onClose);

  const run = async () => {
    const doc = getDoc();
    if (!doc) return;
    setError(null);
    setProgress({ step: 0, of: 1, label: 'Starting' });
    try {
      const file =
        format === 'xlsx'
          ? (setProgress({ step: 1, of: 1, label: 'Writing the spreadsheet' }), await workbookFromHost())
          : await exportFile(doc, { format, name: fileSafe(title), title, ids: scopeIds(scope), scale, background, paper, bom, scenario: scenario || undefined }, setProgress);
      setProgress((p) => p && { ...p, label: 'Saving' });
      if (await download(file.name, file.blob)) onClose();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setProgress(null);
    }
  };

  const image = format === 'png' || format === 'svg' || format === 'pdf';
  return (
    <div className="export-dialog" {...dialog} aria-label="Export">
      <h2>Export</h2>
      <div className="field">
        <label htmlFor="export-format">Format</label>
        <select id="export-format" value={format} onChange={(e) => setFormat(e.target.value as Format)}>
          <option value="png">PNG image</option>
          <option value="svg">SVG (vector, text as text)</option>
          <option value="pdf">PDF poster</option>
          <option value="json">Session file (JSON)</option>
          <option value="csv">Cost table (CSV)</option>
          <option value="xlsx">Spreadsheet (XLSX)</option>
        </select>
      </div>
      {image && (
        <>
          <div className="field">
            <label htmlFor="export-scope">What</label>
            <select id="export-scope" value={scope} onChange={(e) => setScope(e.target.value as typeof scope)}>
              <option value="board">The whole board</option>
              <option value="selection" disabled={!hasSelection}>
                The selection
              </option>
              <option value="frame" disabled={!frameSelected}>
                The selected frame
              </option>
            </select>
          </div>
          {scenarios.length > 0 && (
            <div className="field">
              <label htmlFor="export-scenario">Scenario</label>
              <select id="export-scenario" value={scenario} onChange={(e) => setScenario(e.target.value)}>
                <option value="">As-is</option>
                {scenarios.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          {format === 'png' && (
            <div className="field">
              <label htmlFor="export-scale">Scale</label>
              <select id="export-scale" value={scale} onChange={(e) => setScale(Number(e.target.value))}>
                {[1, 2, 3, 4].map((s) => (
                  <option key={s} value={s}>
                    {s}×
                  </option>
                ))}
              </select>
            </div>
          )}
          {format === 'pdf' && (
            <div className="field">
              <label htmlFor="export-paper">Paper</label>
              <select id="export-paper" value={paper} onChange={(e) => setPaper(e.target.value as Paper)}>
                <option value="a4">A4 sheets to glue together</option>
                <option value="a3">A3 sheets to glue together</option>
                <option value="single">One large page (plotter)</option>
              </select>
            </div>
          )}
          <div className="field">
            <label htmlFor="export-background">Background</label>
            <select id="export-background" value={background} onChange={(e) => setBackground(e.target.value as typeof background)}>
              <option value="kraft">Kraft paper</option>
              <option value="transparent">Transparent</option>
            </select>
          </div>
        </>
      )}
      {format === 'xlsx' && <p className="field-hint">Steps, one sheet per scenario and a summary; period costs, savings and totals are formulas you can check.</p>}
      {format === 'csv' && (
        <>
          {/* The board's number format decides how the file is written (costTable.ts): say so where it is not the usual comma and point. */}
          {decimalSign(locale) === ',' && <p className="field-hint">Separated by “;”, decimals with a comma (1234,50): as Excel reads a CSV in {locale}.</p>}
          <label className="check">
            <input type="checkbox" checked={bom} onChange={(e) => setBom(e.target.checked)} /> UTF-8 BOM (for spreadsheets that need it)
          </label>
        </>
      )}
      {progress && (
        <div className="export-progress" role="status" aria-live="polite">
          <progress max={progress.of} value={progress.step} aria-label="Export progress" />
          <span>
            {progress.label}… <Elapsed key={progress.step} />
          </span>
        </div>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="button" className="text-button" onClick={onClose} disabled={busy}>
          Cancel
        </button>
        <button type="button" className="primary" onClick={run} disabled={busy} aria-busy={busy}>
          {busy ? 'Exporting…' : 'Export'}
        </button>
      </div>
    </div>
  );
}
