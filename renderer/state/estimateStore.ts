import { create } from 'zustand';
import { ApiRefusal, callApi } from '../api/client';
import { latestEstimate, openEstimate, type AskEstimate, type Estimate } from '../../shared/model/estimate';
import { useBoard } from './boardStore';
import { showToast, useUi } from './uiStore';

/**
 * This window's side of an estimate asked of the room. Not board data: a person's own answer
 * comes from the host (it is secret until the reveal), which step the facilitator is about to
 * ask about and which revealed spread this person has closed are this window's alone.
 */
interface EstimateUi {
  /** this person's answer to the open estimate, as the host keeps it (stored units) */
  mine: { estimateId: string | null; value: number | null };
  /** the step the ask dialog is open for */
  askingAbout: string | null;
  /** the revealed estimate this person closed (the next one shows again) */
  closed: string | null;
}

const CLOSED_KEY = 'brownpaper.closedEstimate';

function savedClosed(): string | null {
  try {
    return localStorage.getItem(CLOSED_KEY);
  } catch {
    return null;
  }
}

export const useEstimateUi = create<EstimateUi>(() => ({ mine: { estimateId: null, value: null }, askingAbout: null, closed: savedClosed() }));

/** Close the revealed spread in this browser; it stays closed after a reload (kept on this computer, like the name). */
export function closeEstimate(id: string): void {
  useEstimateUi.setState({ closed: id });
  try {
    localStorage.setItem(CLOSED_KEY, id);
  } catch {
    // private mode: closed for this visit only
  }
}

/** The estimate on screen: the open one, or the last revealed one until this person closes it. */
export function useShownEstimate(): Estimate | null {
  const latest = useBoard((s) => latestEstimate(s.estimates));
  const closed = useEstimateUi((s) => s.closed);
  return latest && !(latest.status === 'revealed' && latest.id === closed) ? latest : null;
}

function access(): { sessionId: string; token: string } {
  const a = useUi.getState().access;
  if (!a) throw new ApiRefusal(0, 'Estimates need the Brownpaper host this board is on.');
  return a;
}

/** The facilitator asks the room; a refusal is shown in the dialog (returned), never thrown. */
export async function askEstimate(body: AskEstimate): Promise<string | null> {
  try {
    await callApi('askEstimate', { ...access(), body });
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

/** Send this person's answer as typed; the host reads it in the board's format. Returns the refusal, or null. */
export async function answerEstimate(estimateId: string, text: string): Promise<string | null> {
  try {
    const mine = await callApi('answerEstimate', { ...access(), body: { estimateId, text } });
    useEstimateUi.setState({ mine });
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

/** Reveal the spread (and write it into the step) or cancel: the facilitator's. A refusal shows as a toast. */
export async function endEstimate(estimateId: string, how: 'reveal' | 'cancel'): Promise<void> {
  try {
    if (how === 'reveal') await callApi('revealEstimate', { ...access(), body: { estimateId } });
    else await callApi('cancelEstimate', { ...access(), body: { estimateId } });
  } catch (e) {
    showToast((e as Error).message);
  }
}

/** Keep this person's own answer in step with the open estimate (a reload or a new question refetches). */
export function bindMyEstimate(): () => void {
  let current: string | null = null;
  const refresh = () => {
    const id = openEstimate(useBoard.getState().estimates)?.id ?? null;
    if (id === current) return;
    current = id;
    if (!id || !useUi.getState().access) return useEstimateUi.setState({ mine: { estimateId: id, value: null } });
    Promise.resolve()
      .then(() => callApi('myEstimateAnswer', access()))
      .then((mine) => {
        if (mine.estimateId === current) useEstimateUi.setState({ mine });
      })
      .catch(() => useEstimateUi.setState({ mine: { estimateId: id, value: null } }));
  };
  refresh();
  return useBoard.subscribe((s, prev) => s.estimates !== prev.estimates && refresh());
}
