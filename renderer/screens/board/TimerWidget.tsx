import { memo, useEffect, useRef, useState } from 'react';
import { remainingMs } from '../../../shared/model/facilitation';
import { dispatch } from '../../commands/dispatch';
import { useUi } from '../../state/uiStore';
import { useBoard } from '../../state/boardStore';
import { may } from '../../../shared/permissions';
import { useMenuButton } from '../../ui/menuButton';
import { focusWhenShown } from '../../canvas/boardFocus';

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
export const TimerWidget = memo(function TimerWidget({ controls = true }: { controls?: boolean }) {
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
});

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
      {!active && <StartTimerMenu />}
      {active && timer.timerRunning && !done && button(menu ? 'Pause the timer' : 'Pause', () => dispatch('setTimer', { action: 'pause' }))}
      {active && !timer.timerRunning && button(menu ? 'Resume the timer' : 'Resume', () => dispatch('setTimer', { action: 'resume' }))}
      {active && button('+1 min', () => dispatch('setTimer', { action: 'addMinute' }), menu ? 'Add a minute to the timer' : undefined)}
      {active && button(menu ? 'Stop the timer' : '×', () => dispatch('setTimer', { action: 'reset' }), 'Stop the timer')}
    </>
  );
}

const TIMER_MINUTES = [1, 3, 5, 10, 15, 20];

/**
 * "Timer ▾": a button and its menu of lengths. Not a <select>: arrowing through a closed select
 * changes its value, which started the room's timer for everyone while a keyboard user only
 * looked through the lengths. Here a length starts only when picked (click, tap, Enter, Space);
 * the keys are a menu button's (menuButton.ts).
 */
function StartTimerMenu() {
  const { open, root, close, buttonProps, menuProps } = useMenuButton();
  return (
    <span className="timer-start" ref={root}>
      <button type="button" className="text-button" aria-label="Start the timer" {...buttonProps}>
        {/* "Timer", not "Timer…": in a header where long texts end in "…", that read as cut off. */}
        Timer ▾
      </button>
      {open && (
        <span className="person-menu timer-menu" role="menu" aria-label="Timer length" {...menuProps}>
          {TIMER_MINUTES.map((m) => (
            <button
              key={m}
              type="button"
              role="menuitem"
              tabIndex={-1}
              onClick={() => {
                close();
                dispatch('setTimer', { action: 'start', minutes: m });
                // The menu and its button go once the timer runs: the keyboard goes on from Pause, not from the page's top.
                focusWhenShown('[data-testid="timer"] button');
              }}
            >
              {m} min
            </button>
          ))}
        </span>
      )}
    </span>
  );
}
