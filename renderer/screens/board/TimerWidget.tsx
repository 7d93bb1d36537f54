import { useEffect, useRef, useState } from 'react';
import { remainingMs } from '../../../shared/model/facilitation';
import { dispatch } from '../../commands/dispatch';
import { useUi } from '../../state/uiStore';
import { useBoard } from '../../state/boardStore';
import { may } from '../../../shared/permissions';

const fmt = (ms: number) => {
  const s = Math.ceil(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

/** A short chime, made here (no sound file to load). */
function chime(): void {
  try {
    const ctx = new AudioContext();
    const o = ctx.createOscillator();
    const g = ctx.createGain();
    o.frequency.value = 880;
    g.gain.setValueAtTime(0.2, ctx.currentTime);
    g.gain.exponentialRampToValueAtTime(0.001, ctx.currentTime + 1.2);
    o.connect(g).connect(ctx.destination);
    o.start();
    o.stop(ctx.currentTime + 1.2);
  } catch {
    // no audio here: the flash is enough
  }
}

/** The workshop timer, the same in every window; the facilitator starts, pauses and extends it. */
export function TimerWidget({ controls = true }: { controls?: boolean }) {
  const timer = useBoard((s) => s.timer);
  const facilitator = useUi((s) => may(s.role, 'facilitate'));
  const [now, setNow] = useState(() => Date.now());
  const wasRunning = useRef(false);
  useEffect(() => {
    if (!timer.timerRunning) return;
    const t = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(t);
  }, [timer.timerRunning]);
  const left = remainingMs(timer, now);
  const done = timer.timerRunning && left === 0;
  useEffect(() => {
    if (done && wasRunning.current) chime();
    wasRunning.current = timer.timerRunning && left > 0;
  }, [done, timer.timerRunning, left]);
  const active = timer.timerRunning || timer.timerRemainingMs > 0;
  if (!active && !(facilitator && controls)) return null;
  return (
    <div className={`timer ${done ? 'done' : ''}`} role="timer" aria-label="Timer" data-testid="timer">
      {active && <span className="time">{fmt(left)}</span>}
      {facilitator && controls && <TimerControls />}
    </div>
  );
}

/**
 * The facilitator's timer controls: beside the time, or in the header's "More" menu when the
 * header is short of room (`menu`: as menu items).
 */
export function TimerControls({ menu = false }: { menu?: boolean }) {
  const timer = useBoard((s) => s.timer);
  const active = timer.timerRunning || timer.timerRemainingMs > 0;
  const done = timer.timerRunning && remainingMs(timer, Date.now()) === 0;
  const button = (label: string, run: () => void, aria?: string) => (
    <button type="button" className={menu ? undefined : 'text-button'} role={menu ? 'menuitem' : undefined} aria-label={aria} onClick={run}>
      {label}
    </button>
  );
  return (
    <>
      {!active && (
        <select aria-label="Start the timer" value="" onChange={(e) => e.target.value && dispatch('setTimer', { action: 'start', minutes: Number(e.target.value) })}>
          {/* "Timer", not "Timer…": in a header where long texts end in "…", that read as cut off. */}
          <option value="">Timer</option>
          {[1, 3, 5, 10, 15, 20].map((m) => (
            <option key={m} value={m}>
              {m} min
            </option>
          ))}
        </select>
      )}
      {active && timer.timerRunning && !done && button(menu ? 'Pause the timer' : 'Pause', () => dispatch('setTimer', { action: 'pause' }))}
      {active && !timer.timerRunning && button(menu ? 'Resume the timer' : 'Resume', () => dispatch('setTimer', { action: 'resume' }))}
      {active && button('+1 min', () => dispatch('setTimer', { action: 'addMinute' }), menu ? 'Add a minute to the timer' : undefined)}
      {active && button(menu ? 'Stop the timer' : '×', () => dispatch('setTimer', { action: 'reset' }), 'Stop the timer')}
    </>
  );
}
