import { boardDefaults } from '../../shared/model/board';
import type { Band } from '../../shared/model/simulate';
import type { CostView } from '../state/costView';
import { useBoard } from '../state/boardStore';
import { useSimulation } from '../state/simulation';
import { bandTitle, isSpread, savingBandWords, totalBandWords, type BandWords } from './bandText';

/**
 * The header's total and saving: exact figures, or — where the map holds ranges — the simulated
 * band, "$1.2M–$1.7M a year (likely $1.48M)". Read from the simulation store (the worker's last
 * run); until its first run is in, and for a figure the ranges do not reach, the exact figure.
 */
function useShownBands(view: CostView): { total: Band | null; saving: Band | null; iterations: number } {
  const result = useSimulation((s) => (s.ranged ? s.result : null));
  if (!result) return { total: null, saving: null, iterations: 0 };
  const scenario = view.scenario ? result.scenarios.get(view.scenario.id) : undefined;
  if (view.scenario && !scenario) return { total: null, saving: null, iterations: 0 };
  const total = scenario ? scenario.total : result.asIs.total;
  return { total: isSpread(total) ? total : null, saving: scenario && isSpread(scenario.saving) ? scenario.saving : null, iterations: result.iterations };
}

const usePeriod = () => useBoard((s) => s.meta?.period ?? boardDefaults.period);

function BandText({ words, iterations, testId }: { words: BandWords; iterations: number; testId: string }) {
  return (
    <span className="cost-band" data-testid={testId} title={bandTitle(iterations)}>
      <span className="band-range">{words.range}</span>
      {words.likely && <span className="band-likely"> {words.likely}</span>}
    </span>
  );
}

/** The shown total: "$1,476,000.00/yr", or "$1.2M–$1.7M a year (likely $1.48M)". */
export function TotalText({ view }: { view: CostView }) {
  const { total, iterations } = useShownBands(view);
  const period = usePeriod();
  if (!total) return `${view.money(view.shown.total)}${view.periodLabel}`;
  return <BandText words={totalBandWords(total, view.currency, view.locale, period)} iterations={iterations} testId="total-band" />;
}

/** The picked scenario's saving: "saves $600,000.00/yr", or "saves $420K–$910K a year (likely $600K)". */
export function SavingText({ view, saved }: { view: CostView; saved: bigint }) {
  const { saving, iterations } = useShownBands(view);
  const period = usePeriod();
  if (!saving) return `saves ${view.money(saved)}${view.periodLabel}`;
  return <BandText words={savingBandWords(saving, view.currency, view.locale, period)} iterations={iterations} testId="saving-band" />;
}
