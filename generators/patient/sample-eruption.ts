import type { Rng } from "../../core/rng.js";
import { ERUPTION_TIMING, ERUPTION_WINDOW_YEARS, THIRD_MOLAR_AGENESIS, THIRD_MOLAR_IMPACTION } from "./priors-eruption.js";
import { POSITIONS } from "./tooth-table.js";

/** Indices of the four third molars in VirtualPatient.teeth (18, 28, 38, 48). */
const THIRD_MOLARS = POSITIONS.filter((p) => p.thirdMolar);
/** Eruption window [lo, hi] of each position, read once at load. */
const WINDOW_LO = POSITIONS.map((p) => (ERUPTION_WINDOW_YEARS[p.arch][p.position - 1] as readonly [number, number])[0]);
const WINDOW_HI = POSITIONS.map((p) => (ERUPTION_WINDOW_YEARS[p.arch][p.position - 1] as readonly [number, number])[1]);
const PERSON_WEIGHT = ERUPTION_TIMING.person;
const TOOTH_WEIGHT = ERUPTION_TIMING.tooth;

/**
 * Age (years) at which each of the 32 positions erupts, Infinity for a third molar that never will (agenesis or
 * impaction). Eruption always falls inside the tooth's ADA window, shifted early or late for the whole person.
 * A tooth whose window closed before `age` needs no draw of its own (it has erupted whatever the jitter): its
 * eruption age, which only sets its caries exposure, takes the person's shift alone.
 */
export function sampleEruptionAges(rng: Rng, age: number): Float64Array {
  const ages = new Float64Array(32);
  const personShift = rng.normal() * PERSON_WEIGHT;
  for (let i = 0; i < 32; i++) {
    const lo = WINDOW_LO[i] as number;
    const hi = WINDOW_HI[i] as number;
    const jitter = age >= hi ? 0 : TOOTH_WEIGHT * (rng.next() - 0.5);
    const fraction = Math.min(1, Math.max(0, 0.5 + personShift + jitter));
    ages[i] = lo + (hi - lo) * fraction;
  }
  // Agenesis first (developmental), then impaction among the third molars that exist.
  if (rng.bernoulli(THIRD_MOLAR_AGENESIS.personPrevalence)) {
    const count = 1 + pickIndex(rng, THIRD_MOLAR_AGENESIS.countShares);
    markNever(rng, ages, count, (upper) => (upper ? THIRD_MOLAR_AGENESIS.upperOverLowerOdds : 1));
  }
  if (rng.bernoulli(THIRD_MOLAR_IMPACTION.personPrevalence)) {
    const count = 1 + pickIndex(rng, THIRD_MOLAR_IMPACTION.countShares);
    markNever(rng, ages, count, (upper) => (upper ? 1 : THIRD_MOLAR_IMPACTION.lowerOverUpperOdds));
  }
  return ages;
}

/** Marks `count` third molars that still may erupt as never erupting, chosen by jaw weight without replacement. */
function markNever(rng: Rng, ages: Float64Array, count: number, weightOf: (upper: boolean) => number): void {
  for (let k = 0; k < count; k++) {
    let total = 0;
    for (const p of THIRD_MOLARS) if (ages[p.index] !== Infinity) total += weightOf(p.arch === "upper");
    if (total === 0) return;
    let r = rng.next() * total;
    for (const p of THIRD_MOLARS) {
      if (ages[p.index] === Infinity) continue;
      r -= weightOf(p.arch === "upper");
      if (r < 0) {
        ages[p.index] = Infinity;
        break;
      }
    }
  }
}

function pickIndex(rng: Rng, shares: readonly number[]): number {
  let total = 0;
  for (const s of shares) total += s;
  let r = rng.next() * total;
  for (let i = 0; i < shares.length; i++) {
    r -= shares[i] as number;
    if (r < 0) return i;
  }
  return shares.length - 1;
}
