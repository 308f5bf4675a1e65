import type { Rng } from "../../core/rng.js";
import { SURFACE_BIT } from "./caries-history.js";
import type { LatentRisk } from "./latent-risk.js";
import { valueAtAge, type LesionPrior } from "./preset.js";
import {
  CARIES_POSITION_WEIGHT,
  CAVITATION_BY_DEPTH,
  CROWN_MARGIN_LESION_WEIGHT,
  DANISH_PROXIMAL_RATE,
  DEPTH_MIX,
  RECURRENT_LESION_WEIGHT,
  SURFACE_CLASS_WEIGHT,
} from "./priors-caries.js";
import { POSITIONS } from "./tooth-table.js";
import {
  DEPTH_CLASSES,
  ICCMS_OF_DEPTH,
  SURFACES,
  type CariesLesion,
  type DepthClass,
  type Surface,
  type ToothState,
} from "./types.js";

/** Danish per-surface lesion rate (enamel + dentine) of a posterior proximal surface, the reference class. */
const REFERENCE_RATE = DANISH_PROXIMAL_RATE.enamel + DANISH_PROXIMAL_RATE.dentin;
/** Mean position weight of premolars and first/second molars, the teeth the Danish bitewings cover. */
const POSTERIOR_MEAN_WEIGHT = (() => {
  let sum = 0;
  let n = 0;
  for (const arch of ["upper", "lower"] as const) {
    for (let position = 4; position <= 7; position++) {
      sum += CARIES_POSITION_WEIGHT[arch][position - 1] as number;
      n++;
    }
  }
  return sum / n;
})();
const DEPTH_WEIGHTS = DEPTH_CLASSES.map((d) => DEPTH_MIX[d]);
const CAVITATION = DEPTH_CLASSES.map((d) => CAVITATION_BY_DEPTH[d]);
const ICCMS = DEPTH_CLASSES.map((d) => ICCMS_OF_DEPTH[d]);
const SURFACE_LIST: readonly Surface[] = SURFACES.slice();
const CROWN_WEIGHT = CROWN_MARGIN_LESION_WEIGHT;
const RECURRENT_WEIGHT = RECURRENT_LESION_WEIGHT;

/**
 * Per position and surface (32 x 5, SURFACES order): surface-class weight x position weight / posterior mean, so the
 * posterior proximal surface of an average premolar or molar carries the Danish reference rate.
 */
const SURFACE_WEIGHT = (() => {
  const out = new Float64Array(32 * 5);
  for (const p of POSITIONS) {
    const positionWeight = (CARIES_POSITION_WEIGHT[p.arch][p.position - 1] as number) / POSTERIOR_MEAN_WEIGHT;
    SURFACES.forEach((surface, i) => {
      const proximal = surface === "M" || surface === "D";
      const classWeight = p.posterior
        ? proximal
          ? SURFACE_CLASS_WEIGHT.posteriorProximal
          : surface === "O"
            ? SURFACE_CLASS_WEIGHT.posteriorOcclusal
            : SURFACE_CLASS_WEIGHT.posteriorSmooth
        : proximal
          ? SURFACE_CLASS_WEIGHT.anteriorProximal
          : SURFACE_CLASS_WEIGHT.anteriorSmooth;
      out[p.index * 5 + i] = classWeight * positionWeight;
    });
  }
  return out;
})();
const O_INDEX = SURFACES.indexOf("O");

/**
 * Active caries lesions at baseline, at most one per surface, on present natural teeth. Each surface's chance
 * follows the Danish proximal rates scaled by surface class, tooth position, the preset, the patient's activity
 * and age, and a per-tooth factor; depth follows the Danish enamel:dentine mix and cavitation the Caries Res
 * probabilities by depth. A lesion on a filled surface, or at the margin of a crown, is recurrent; a crown has no
 * occlusal lesion. Ids are `${patientId}-L${n}` numbered in tooth then surface order.
 *
 * Each surface has a lesion with probability 1 - exp(-rate) (a rate, so a high-activity patient saturates instead of
 * exceeding 1). To save draws, a tooth first asks whether it has any lesion (1 - exp(-sum of rates)); only then are
 * its surfaces visited, each conditioned on the rest, which gives exactly the same distribution.
 */
export function sampleLesions(
  rng: Rng,
  teeth: ToothState[],
  age: number,
  risk: LatentRisk,
  prior: LesionPrior,
  patientId: string,
): void {
  const patientRate = REFERENCE_RATE * prior.scale * risk.activity * valueAtAge(prior.ageActivity, age);
  const rates = [0, 0, 0, 0, 0];
  let n = 0;
  for (let t = 0; t < 32; t++) {
    const tooth = teeth[t] as ToothState;
    if (tooth.presence !== "present") continue;
    // An exponential (mean 1) tooth factor clusters lesions on the same tooth, as on real charts: [M] a decayed
    // Creighton row has 1.47 decayed surfaces on average.
    const toothRate = patientRate * -Math.log(1 - rng.next());
    const crowned = tooth.restoration === "crowned";
    let filledMask = 0;
    for (const s of tooth.filledSurfaces) filledMask |= SURFACE_BIT[s];
    let total = 0;
    for (let i = 0; i < 5; i++) {
      const weight = crowned ? (i === O_INDEX ? 0 : CROWN_WEIGHT) : (filledMask & (1 << i)) !== 0 ? RECURRENT_WEIGHT : 1;
      const rate = toothRate * (SURFACE_WEIGHT[t * 5 + i] as number) * weight;
      rates[i] = rate;
      total += rate;
    }
    if (total === 0 || rng.next() >= 1 - Math.exp(-total)) continue;
    // At least one lesion: visit the surfaces, each conditioned on "at least one among the surfaces left" until
    // one is found.
    let remaining = total;
    let mustHave = true;
    for (let i = 0; i < 5; i++) {
      const rate = rates[i] as number;
      if (rate === 0) continue;
      const chance = 1 - Math.exp(-rate);
      const conditional = mustHave ? chance / (1 - Math.exp(-remaining)) : chance;
      remaining -= rate;
      if (rng.next() >= conditional) continue;
      mustHave = false;
      const d = pickDepth(rng);
      n++;
      tooth.lesions.push({
        id: `${patientId}-L${n}`,
        surface: SURFACE_LIST[i] as Surface,
        depth: DEPTH_CLASSES[d] as DepthClass,
        iccms: ICCMS[d] as CariesLesion["iccms"],
        cavitated: rng.next() < (CAVITATION[d] as number),
        recurrent: crowned || (filledMask & (1 << i)) !== 0,
      });
    }
  }
}

function pickDepth(rng: Rng): number {
  let r = rng.next();
  for (let d = 0; d < DEPTH_WEIGHTS.length - 1; d++) {
    r -= DEPTH_WEIGHTS[d] as number;
    if (r < 0) return d;
  }
  return DEPTH_WEIGHTS.length - 1;
}
