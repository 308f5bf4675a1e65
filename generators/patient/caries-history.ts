import type { Rng } from "../../core/rng.js";
import type { CariesHistoryPrior } from "./preset.js";
import { SURFACES, type Surface } from "./types.js";

/** Surfaces as bits in SURFACES order: M 1, O 2, D 4, B 8, L 16. */
export const SURFACE_BIT: Readonly<Record<Surface, number>> = { M: 1, O: 2, D: 4, B: 8, L: 16 };

/**
 * Where a first filling starts and where a filling grows, by tooth group (SURFACES order M O D B L).
 * source: [U] occlusal and proximal lesions dominate posterior teeth, proximal and labial ones anterior teeth
 * (dental-domain.md 2.3, 2.5); [M] Creighton filled teeth carry 1 surface in 40 %, 2 in 35 %, 3 in 16 %, 4 in
 * 6 % and 5 in 4 % (non-crowned rows).
 */
const FIRST_SURFACE_WEIGHTS = {
  posterior: [0.22, 0.45, 0.22, 0.07, 0.04],
  anterior: [0.38, 0.04, 0.38, 0.16, 0.04],
} as const;
const GROW_SURFACE_WEIGHTS = {
  posterior: [0.3, 0.3, 0.3, 0.06, 0.04],
  anterior: [0.35, 0.1, 0.35, 0.15, 0.05],
} as const;

/** Restorative state of one tooth after its past caries attacks. Reused across teeth to avoid allocation. */
export interface HistoryState {
  /** Filled surfaces as SURFACE_BIT flags (0 when sound or crowned). */
  filledMask: number;
  crowned: boolean;
  rootCanal: boolean;
  extracted: boolean;
}

/**
 * Walks the restorative cycle of one tooth through `attacks` caries attacks: the first is filled (rarely
 * extracted outright); each later one
 * may extract the tooth, crown it, or enlarge the filling, with root-canal treatment along the way. This is why
 * crowns, root canals and extractions pile up on the same (molar, high-risk, older) teeth, as in the clinic data.
 */
export function walkCariesHistory(
  rng: Rng,
  attacks: number,
  posterior: boolean,
  crownFactor: number,
  extractFactor: number,
  prior: CariesHistoryPrior,
  state: HistoryState,
): void {
  state.filledMask = 0;
  state.crowned = false;
  state.rootCanal = false;
  state.extracted = false;
  if (attacks === 0) return;
  const group = posterior ? "posterior" : "anterior";
  if (rng.bernoulli(prior.extractFirst * extractFactor)) {
    state.extracted = true;
    return;
  }
  // First attack: a one- or two-surface filling.
  state.filledMask = addSurface(rng, 0, FIRST_SURFACE_WEIGHTS[group]);
  if (rng.bernoulli(prior.secondSurfaceFirst)) state.filledMask = addSurface(rng, state.filledMask, GROW_SURFACE_WEIGHTS[group]);
  if (rng.bernoulli(prior.rctFirst)) state.rootCanal = true;
  for (let k = 1; k < attacks; k++) {
    if (state.crowned) {
      if (rng.bernoulli(prior.extractCrowned * extractFactor)) {
        state.extracted = true;
        return;
      }
      if (!state.rootCanal && rng.bernoulli(prior.rctCrowned)) state.rootCanal = true;
      continue;
    }
    if (rng.bernoulli(prior.extractFilled * extractFactor)) {
      state.extracted = true;
      return;
    }
    const surfaces = popCount(state.filledMask);
    // Large fillings are crowned more readily; anterior teeth are crowned less (esthetic composites suffice).
    const crownChance =
      prior.crownPerAttack *
      crownFactor *
      (posterior ? 1 : prior.anteriorCrownFactor) *
      (surfaces >= 3 ? 1.6 : surfaces === 2 ? 1.1 : 0.7);
    if (surfaces === 5 || rng.bernoulli(crownChance)) {
      state.crowned = true;
      state.filledMask = 0;
    } else {
      state.filledMask = addSurface(rng, state.filledMask, GROW_SURFACE_WEIGHTS[group]);
      if (rng.bernoulli(prior.twoSurfaceGrowth)) state.filledMask = addSurface(rng, state.filledMask, GROW_SURFACE_WEIGHTS[group]);
    }
    if (!state.rootCanal && rng.bernoulli(prior.rctLater)) state.rootCanal = true;
  }
  // A root-filled posterior tooth is usually given cuspal coverage.
  if (state.rootCanal && !state.crowned && posterior && rng.bernoulli(Math.min(1, prior.crownAfterRct * crownFactor))) {
    state.crowned = true;
    state.filledMask = 0;
  }
}

/** Adds one surface not yet in `mask`, chosen by weight; returns the mask unchanged when all five are filled. */
function addSurface(rng: Rng, mask: number, weights: readonly number[]): number {
  let total = 0;
  for (let i = 0; i < 5; i++) if ((mask & (1 << i)) === 0) total += weights[i] as number;
  if (total === 0) return mask;
  let r = rng.next() * total;
  for (let i = 0; i < 5; i++) {
    if ((mask & (1 << i)) !== 0) continue;
    r -= weights[i] as number;
    if (r < 0) return mask | (1 << i);
  }
  return mask;
}

export function popCount(mask: number): number {
  let n = 0;
  for (let m = mask; m !== 0; m &= m - 1) n++;
  return n;
}

/** Surfaces of a mask in SURFACES order (a new array: it becomes ToothState.filledSurfaces). */
export function surfacesOf(mask: number): Surface[] {
  const out: Surface[] = [];
  for (let i = 0; i < 5; i++) if ((mask & (1 << i)) !== 0) out.push(SURFACES[i] as Surface);
  return out;
}
