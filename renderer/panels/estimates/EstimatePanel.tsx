import { useEffect, useRef, useState } from 'react';
import { boardDefaults } from '../../../shared/model/board';
import { type Estimate } from '../../../shared/model/estimate';
import { rangedFieldLabel } from '../../../shared/model/range';
import { formatAnswer, parseAnswer, type BoardFormat } from '../../../shared/model/estimateAnswer';
import type { RangedField } from '../../../shared/model/range';
import { may } from '../../../shared/permissions';
import { useBoard } from '../../state/boardStore';
import { answerEstimate, closeEstimate, endEstimate, useEstimateUi, useShownEstimate } from '../../state/estimateStore';
import { useUi } from '../../state/uiStore';
import { EstimateSpread } from './EstimateSpread';
import { useKeyboardInset } from './useKeyboardInset';
import './estimates.css';

/**
 * The question the facilitator asked the room, in every window: answer it here (secretly; change
 * it until the reveal), see how many have answered, and after the reveal the spread. The
 * facilitator reveals or cancels from here too. A card over the board on a laptop; a sheet at
 * the bottom on a phone.
 */
export function EstimatePanel() {
  const estimate = useShownEstimate();
  const role = useUi((s) => s.role);
  const meta = useBoard((s) => s.meta);
  const stepTitle = useBoard((s) => (estimate ? (s.elements[estimate.stepId] as { title?: string } | undefined)?.title : undefined));
  const scenarioName = useBoard((s) => (estimate?.scenarioId ? s.scenarios.find((x) => x.id === estimate.scenarioId)?.name : undefined));
  const keyboard = useKeyboardInset();
  if (!estimate) return null;
  const format: BoardFormat = { locale: meta?.locale ?? boardDefaults.locale, currency: meta?.currency ?? boardDefaults.currency };
  const open = estimate.status === 'open';
  const facilitator = may(role, 'askEstimate');
  return (
    <section
      className={`estimate-panel ${estimate.status}`}
      aria-label="Estimate"
      data-testid="estimate-panel"
      // On a phone the sheet rides above the on-screen keyboard (estimates.css reads it).
      style={{ '--keyboard': `${keyboard}px` } as React.CSSProperties}
    >
      <header>
        <span className="estimate-kicker">
          {open ? 'Estimate' : 'Estimate revealed'}
          {stepTitle !== undefined && ` · ${stepTitle || 'untitled step'}`}
          {scenarioName !== undefined && ` · in “${scenarioName}”`}
        </span>
        {!open && (
          <button type="button" className="close" aria-label="Close the estimate" title="Close" onClick={() => closeEstimate(estimate.id)}>
            ×
          </button>
        )}
      </header>
      <h2 className="estimate-question">{estimate.question}</h2>
      {open && may(role, 'answerEstimate') && <AnswerField key={estimate.id} estimate={estimate} format={format} />}
      {open && !may(role, 'answerEstimate') && <p className="estimate-note">You are watching: the room answers on their own devices.</p>}
      {open && (
        <p className="estimate-count" data-testid="estimate-count" role="status">
          {estimate.answered} of {estimate.people} answered
        </p>
      )}
      {!open && <Revealed estimate={estimate} format={format} stepTitle={stepTitle} />}
      {open && facilitator && (
        <div className="estimate-actions">
          <button type="button" className="text-button" onClick={() => window.confirm('Cancel this estimate? Nothing is written into the step.') && void endEstimate(estimate.id, 'cancel')}>
            Cancel estimate
          </button>
          <button type="button" className="primary" onClick={() => void endEstimate(estimate.id, 'reveal')}>
            Reveal answers
          </button>
        </div>
      )}
    </section>
  );
}

/** An example of what to type, in the board's number format. */
function example(field: RangedField, locale: string): string {
  const n = (v: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(v);
  if (field === 'minutes') return `e.g. 45 min or ${n(1.5)} h`;
  if (field === 'waitMinutes') return 'e.g. 3 days';
  if (field === 'processMinutes') return `e.g. ${n(2.5)} h`;
  if (field === 'volume') return `e.g. ${n(12000)} or 30k`;
  return `e.g. ${n(12.5)}`;
}

/**
 * This person's answer: Enter, Send or leaving the field sends it; a refusal stays under the
 * field with what was typed. Once sent it says what the host kept, and can be changed.
 */
function AnswerField({ estimate, format }: { estimate: Estimate; format: BoardFormat }) {
  const mine = useEstimateUi((s) => (s.mine.estimateId === estimate.id ? s.mine.value : null));
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** the text last sent and kept: leaving the field does not send it twice */
  const sent = useRef<string | null>(null);
  useEffect(() => {
    if (mine === null) sent.current = null;
  }, [mine]);
  const label = rangedFieldLabel[estimate.field];
  const send = async () => {
    const t = text.trim();
    if (t === '' || t === sent.current || busy) return;
    // Read here first, so a typo is said at once; the host reads it again in the board's format.
    const r = parseAnswer(estimate.field, t, format);
    if (!r.ok) return setError(r.error);
    setBusy(true);
    const refused = await answerEstimate(estimate.id, t);
    setBusy(false);
    setError(refused);
    if (!refused) sent.current = t;
  };
  const id = `estimate-answer-${estimate.id}`;
  return (
    <div className={`estimate-answer ${error ? 'invalid' : ''}`}>
      <label htmlFor={id}>Your estimate ({label.toLowerCase()})</label>
      <div className="estimate-input">
        <input
          id={id}
          autoComplete="off"
          enterKeyHint="send"
          value={text}
          placeholder={example(estimate.field, format.locale)}
          aria-invalid={!!error}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => {
            setText(e.target.value);
            if (error) setError(null);
          }}
          onBlur={() => void send()}
          onKeyDown={(e) => {
            if (e.key === 'Enter') void send();
          }}
        />
        <button type="button" className="primary" disabled={busy} onPointerDown={(e) => e.preventDefault()} onClick={() => void send()}>
          Send
        </button>
      </div>
      {error ? (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      ) : (
        <p className="estimate-mine" data-testid="estimate-mine">
          {mine === null ? 'Only you see your answer until the facilitator reveals them all.' : `Sent: ${formatAnswer(estimate.field, mine, format)}. You can change it until the reveal.`}
        </p>
      )}
    </div>
  );
}

function Revealed({ estimate, format, stepTitle }: { estimate: Estimate; format: BoardFormat; stepTitle: string | undefined }) {
  const r = estimate.result;
  if (!r) return <p className="estimate-note">Nobody answered: nothing was written into the step.</p>;
  const show = (v: number) => formatAnswer(estimate.field, v, format);
  return (
    <>
      <p className="estimate-by" data-testid="estimate-by">
        Estimated by {r.n} {r.n === 1 ? 'person' : 'people'}
      </p>
      <dl className="estimate-figures" data-testid="estimate-spread">
        <div>
          <dt>lowest</dt>
          <dd>{show(r.min)}</dd>
        </div>
        <div className="median">
          <dt>median</dt>
          <dd>{show(r.median)}</dd>
        </div>
        <div>
          <dt>highest</dt>
          <dd>{show(r.max)}</dd>
        </div>
      </dl>
      <EstimateSpread spread={r} show={show} />
      <p className="estimate-note">
        {stepTitle === undefined ? 'The step was deleted before the reveal: nothing was written.' : <WrittenInto estimate={estimate} show={show} stepTitle={stepTitle} />}
      </p>
    </>
  );
}

function WrittenInto({ estimate, show, stepTitle }: { estimate: Estimate; show(v: number): string; stepTitle: string }) {
  const r = estimate.result!;
  return (
    <>
      Written into {stepTitle ? `‘${stepTitle}’` : 'the step'}: {rangedFieldLabel[estimate.field].toLowerCase()}{' '}
      {r.min === r.max ? show(r.median) : `${show(r.min)}–${show(r.max)}, likely ${show(r.median)}`}, as an estimate.
    </>
  );
}
