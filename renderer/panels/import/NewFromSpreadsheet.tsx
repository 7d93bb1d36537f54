import { useRef, useState } from 'react';
import type { TemplateId } from '../../../shared/model/board';
import type { SessionsApi } from '../../../shared/ipc';
import { callApi } from '../../api/client';
import { keepForBoard } from './importUi';
import { STEP_LIST_FILES } from './stepListFiles';

/**
 * The start screen's "New session from a spreadsheet…": a session made from the chosen template
 * (titled as typed, else after the file), the file read by its host, and the board opened with
 * the import dialog showing what the file will make.
 */
export function NewFromSpreadsheet({ api, title, template, onError }: { api: SessionsApi; title: string; template: TemplateId; onError(message: string | null): void }) {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const start = async (file: File) => {
    onError(null);
    setBusy(true);
    try {
      const name = title.trim() || file.name.replace(/\.(csv|xlsx|ods|txt|tsv)$/i, '').slice(0, 200) || 'Imported steps';
      const { session, url } = await api.createSession({ title: name, template });
      const token = new URLSearchParams(new URL(url).hash.replace(/^#/, '')).get('token');
      // A file refused (an .ods, a PDF) leaves no empty session behind it in the list.
      const table = await callApi('readStepList', { sessionId: session.id, token, body: file, query: { name: file.name } }).catch(async (e: unknown) => {
        await api.trashSession(session.id).catch(() => undefined);
        throw e;
      });
      keepForBoard(session.id, file.name, table);
      window.location.assign(url);
    } catch (e) {
      setBusy(false);
      onError((e as Error).message);
    }
  };
  return (
    <>
      <button type="button" className="text-button" disabled={busy} aria-busy={busy} onClick={() => input.current?.click()}>
        New session from a spreadsheet…
      </button>
      <input
        ref={input}
        type="file"
        hidden
        aria-label="Spreadsheet for a new session"
        accept={STEP_LIST_FILES}
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) void start(f);
        }}
      />
    </>
  );
}
