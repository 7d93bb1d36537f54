import { useEffect, useState } from 'react';
import * as Y from 'yjs';
import { bindBoard } from '../../state/bindBoard';
import { installTestHook } from '../../state/testHook';
import { BoardCanvas } from '../../canvas/BoardCanvas';
import { panBy, zoomAt } from '../../canvas/camera';
import { bindDispatch } from '../../commands/dispatch';
import { useUi } from '../../state/uiStore';
import { loadScene, type BenchScene } from './loadScene';
import { exportFile, type ExportFormat } from '../../export/exportFile';

interface BenchHook {
  readyAt: number | null;
  load(scene: BenchScene): void;
  pan(dx: number, dy: number): void;
  zoom(f: number, cx: number, cy: number): void;
  /** the export dialog's pipeline on this board: when each step began (ms from the start), the file's size */
  export(format: ExportFormat, scale: number): Promise<{ steps: { label: string; at: number }[]; total: number; bytes: number }>;
}

/**
 * /bench: the real canvas on a local doc (no host), driven by the peer benchmark's hooks
 * (window.__bench: load, readyAt, pan, zoom). See test/bench/canvas.mjs.
 */
export function BenchScreen() {
  const [loaded, setLoaded] = useState(0);
  useEffect(() => {
    const doc = new Y.Doc();
    const unbind = bindBoard(doc);
    const unbindDispatch = bindDispatch(doc);
    useUi.setState({ role: 'facilitator', connection: 'connected', viewport: { x: 0, y: 0, scale: 1 } });
    installTestHook();
    const hook: BenchHook = {
      readyAt: null,
      load(scene) {
        loadScene(doc, scene);
        setLoaded((n) => n + 1);
      },
      pan: (dx, dy) => useUi.setState((s) => ({ viewport: panBy(s.viewport, dx, dy) })),
      zoom: (f, cx, cy) => useUi.setState((s) => ({ viewport: zoomAt(s.viewport, f, cx, cy) })),
      async export(format, scale) {
        const t0 = performance.now();
        const steps: { label: string; at: number }[] = [];
        const options = { format, name: 'bench', title: 'Bench', scale, background: 'kraft' as const, paper: 'a4' as const, bom: false };
        const file = await exportFile(doc, options, (p) => steps.push({ label: p.label, at: performance.now() - t0 }));
        return { steps, total: performance.now() - t0, bytes: file.blob.size };
      },
    };
    (window as unknown as { __bench: BenchHook }).__bench = hook;
    return () => {
      unbindDispatch();
      unbind();
      doc.destroy();
    };
  }, []);
  useEffect(() => {
    if (!loaded) return;
    // Taken at the start of the frame after the one that drew the whole board.
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        const hook = (window as unknown as { __bench: BenchHook }).__bench;
        hook.readyAt ??= performance.now();
      }),
    );
  }, [loaded]);
  return (
    <div className="board-screen bench">
      <BoardCanvas />
    </div>
  );
}
