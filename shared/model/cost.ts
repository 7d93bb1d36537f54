import { divRound } from './money.js';
import type { Step } from './step.js';

/**
 * What one step costs per period, in minor units:
 *   volume × unit cost + fixed                       (costMode 'unit')
 *   volume × minutes × hourly rate / 60 + fixed      (costMode 'time')
 * A step's period cost is rounded once, to whole minor units (half away from zero); every
 * sum above it adds these exactly. Null when the step has no cost data at all — shown as
 * "missing", never counted as zero.
 */
export type CostFields = Pick<Step, 'volume' | 'costMode' | 'unitCents' | 'minutes' | 'rateCents' | 'fixedCents'>;

function hasCostData(s: CostFields): boolean {
  const variable = s.volume !== null && (s.costMode === 'unit' ? s.unitCents !== null : s.minutes !== null && s.rateCents !== null);
  return variable || s.fixedCents !== null;
}

export function periodCost(s: CostFields): bigint | null {
  if (!hasCostData(s)) return null;
  let total = BigInt(s.fixedCents ?? 0);
  if (s.volume !== null) {
    if (s.costMode === 'unit' && s.unitCents !== null) total += BigInt(s.volume) * BigInt(s.unitCents);
    if (s.costMode === 'time' && s.minutes !== null && s.rateCents !== null) {
      // minutes carry up to 2 decimals: work in hundredths of a minute.
      const hundredths = BigInt(Math.round(s.minutes * 100));
      total += divRound(BigInt(s.volume) * hundredths * BigInt(s.rateCents), 6000n);
    }
  }
  return total;
}

/** Cost of one occurrence (unit mode: the unit cost; time mode: minutes × rate / 60), rounded. */
export function unitCost(s: CostFields): bigint | null {
  if (s.costMode === 'unit') return s.unitCents === null ? null : BigInt(s.unitCents);
  if (s.minutes === null || s.rateCents === null) return null;
  return divRound(BigInt(Math.round(s.minutes * 100)) * BigInt(s.rateCents), 6000n);
}
