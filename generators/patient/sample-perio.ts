import type { Rng } from "../../core/rng.js";
import type { LatentRisk } from "./latent-risk.js";
import { valueAtAge, type PerioPrior } from "./preset.js";
import {
  INTERPROXIMAL_SITE,
  MOBILITY_SHIFT_BY_POSITION,
  PD_OFFSET_BY_POSITION,
  PLAQUE_WEIGHT_BY_POSITION,
  SULCUS_MM,
} from "./priors-perio.js";
import { POSITIONS } from "./tooth-table.js";
import type { PerioChart, ToothState } from "./types.js";

// Per-position tables, read once at load: the chart loop runs ~170 sites per patient, a million patients a run,
// and module bindings read through a bundler's getters are far slower than local arrays.
const PD_OFFSET = POSITIONS.map((p) => PD_OFFSET_BY_POSITION[p.arch][p.position - 1] as number);
const PLAQUE_WEIGHT = POSITIONS.map((p) => PLAQUE_WEIGHT_BY_POSITION[p.arch][p.position - 1] as number);
const MOBILITY_SHIFT = POSITIONS.map((p) => MOBILITY_SHIFT_BY_POSITION[p.arch][p.position - 1] as number);
const MOLAR = POSITIONS.map((p) => p.molar);
const INTERPROXIMAL: readonly boolean[] = INTERPROXIMAL_SITE.slice();
const SULCUS: readonly number[] = INTERPROXIMAL.map((i) => (i ? SULCUS_MM.interproximal : SULCUS_MM.mid));
const SQRT12 = Math.sqrt(12);

/** What every tooth of one patient shares, computed once per patient. */
interface PatientPerio {
  prior: PerioPrior;
  shift: number;
  /** Chance of disease-driven deepening at an interproximal and at a mid-surface site. */
  diseaseInterproximal: number;
  diseaseMid: number;
  recessionBase: number;
  /** Chance of bleeding at a site by its probing depth 0..15 mm. */
  bleedByDepth: number[];
  plaqueShare: number;
}

/**
 * Fills the six-site periodontal chart of every present natural tooth and every implant.
 *
 * Probing depth = healthy sulcus (deeper interproximally) + the patient's, the tooth's and the site's shifts
 * (nested random effects: why teeth of one mouth look alike) + disease-driven deepening, whose chance grows with the
 * patient's periodontal trait (itself raised by tobacco, diabetes and poor hygiene) and with age. Recession strikes
 * whole teeth (mostly at mid-buccal/lingual sites), more with age and with deepening; CAL = PD + recession at every
 * site. Bleeding rises with depth and inflammation, plaque follows hygiene; mobility and furcation (molars only: the
 * multi-rooted teeth Creighton charts) follow attachment loss.
 */
export function samplePerio(rng: Rng, teeth: ToothState[], age: number, risk: LatentRisk, prior: PerioPrior): void {
  const severity = risk.perio * valueAtAge(prior.ageCurve, age);
  // Bleeding follows inflammation, which tracks the perio trait more than the slow age trend of destruction.
  const bleedTendency =
    prior.bleedMean *
    valueAtAge(prior.bleedAgeCurve, age) *
    rng.gamma(prior.bleedShape, 1 / prior.bleedShape) *
    Math.pow(severity, 0.25);
  const bleedByDepth = new Array<number>(16).fill(0);
  for (let pd = 0; pd < 16; pd++) bleedByDepth[pd] = Math.min(0.95, bleedTendency * Math.exp(prior.bleedSlope * (pd - 3)));
  const patient: PatientPerio = {
    prior,
    shift: prior.patientSd * rng.normal(),
    diseaseInterproximal: 1 - Math.exp(-prior.diseaseRate * severity),
    diseaseMid: 1 - Math.exp(-prior.diseaseRate * severity * 0.5),
    recessionBase: ((prior.recessionToothAt60 * Math.max(0, age - 20)) / 40) * Math.sqrt(risk.perio),
    bleedByDepth,
    plaqueShare: rng.bernoulli(prior.plaqueNoneShare) ? 0 : prior.plaqueMean * Math.pow(risk.hygiene, prior.plaqueHygienePower),
  };
  for (let i = 0; i < 32; i++) {
    const tooth = teeth[i] as ToothState;
    if (tooth.presence === "present") tooth.perio = naturalChart(rng, i, patient);
    else if (tooth.restoration === "implant") tooth.perio = implantChart(rng, i, patient);
  }
}

// Scratch buffers reused by every chart (the generator is single-threaded per worker).
// Plain arrays rather than Float64Array: measurably faster for six elements in V8.
const siteChance = [0, 0, 0, 0, 0, 0];
const noneFrom = [1, 1, 1, 1, 1, 1, 1];
const siteHit = [false, false, false, false, false, false];

function naturalChart(rng: Rng, index: number, patient: PatientPerio): PerioChart {
  const prior = patient.prior;
  const toothBase = (prior.useTypeOffsets ? (PD_OFFSET[index] as number) : 0) + patient.shift + prior.toothSd * uniformNoise(rng);
  const overgrowth = rng.next() < prior.overgrowth;
  const probingDepth = [0, 0, 0, 0, 0, 0];
  const recession = [0, 0, 0, 0, 0, 0];
  const attachmentLoss = [0, 0, 0, 0, 0, 0];
  // Disease-driven deepening first (kept in attachmentLoss until each site is finished): recession is likelier on a
  // tooth that is losing attachment.
  for (let site = 0; site < 6; site++) siteChance[site] = INTERPROXIMAL[site] ? patient.diseaseInterproximal : patient.diseaseMid;
  let deepest = 0;
  if (bernoulliSites(rng, siteChance, siteHit)) {
    for (let site = 0; site < 6; site++) {
      if (!siteHit[site]) continue;
      const deepening = 1 + Math.floor(-Math.log(1 - rng.next()) * prior.deepeningMean);
      attachmentLoss[site] = deepening;
      if (deepening > deepest) deepest = deepening;
    }
  }
  const receding = !overgrowth && rng.next() < Math.min(0.95, patient.recessionBase * (1 + 0.5 * deepest));
  let calSum = 0;
  let worstInterproximalCal = 0;
  let worstRecession = -1;
  for (let site = 0; site < 6; site++) {
    const interproximal = INTERPROXIMAL[site] as boolean;
    const noise = prior.siteSd * uniformNoise(rng);
    const pd = clamp(Math.round((SULCUS[site] as number) + toothBase + noise + (attachmentLoss[site] as number)), 1, 15);
    let rec = 0;
    if (overgrowth) rec = -1;
    else if (receding && rng.next() < (interproximal ? prior.recessionSiteInterproximal : prior.recessionSiteMid)) {
      rec = 1 + Math.floor(-Math.log(1 - rng.next()) * prior.recessionMean);
    }
    const cal = pd + rec;
    probingDepth[site] = pd;
    recession[site] = rec;
    attachmentLoss[site] = cal;
    siteChance[site] = patient.bleedByDepth[pd] as number;
    calSum += cal;
    if (interproximal && cal > worstInterproximalCal) worstInterproximalCal = cal;
    if (rec > worstRecession) worstRecession = rec;
  }
  const bleeding = [false, false, false, false, false, false];
  bernoulliSites(rng, siteChance, bleeding);
  const plaque = [false, false, false, false, false, false];
  const plaqueChance = Math.min(0.98, patient.plaqueShare * (PLAQUE_WEIGHT[index] as number));
  if (plaqueChance > 0) {
    for (let site = 0; site < 6; site++) siteChance[site] = plaqueChance;
    bernoulliSites(rng, siteChance, plaque);
  }
  const mobility = grade(calSum / 6 + (MOBILITY_SHIFT[index] as number) + prior.gradeNoiseSd * uniformNoise(rng), prior.mobilityThresholds);
  const furcation = MOLAR[index] ? grade(worstInterproximalCal + prior.gradeNoiseSd * uniformNoise(rng), prior.furcationThresholds) : 0;
  const mucogingivalDefect = rng.next() < prior.mucogingivalBase + (worstRecession >= 3 ? prior.mucogingivalIfRecession3 : 0);
  return { probingDepth, recession, attachmentLoss, bleeding, plaque, mobility, furcation, mucogingivalDefect };
}

/**
 * Six independent Bernoulli draws (site i true with chance[i]) into `out`; returns whether any is true. Exact, but
 * cheap when all are rare: one draw decides "none at all" (the common case: 69 % of Creighton teeth have no
 * bleeding site); otherwise each site is drawn conditioned on "at least one among the sites left" until one is hit.
 */
function bernoulliSites(rng: Rng, chance: readonly number[], out: boolean[]): boolean {
  noneFrom[6] = 1;
  for (let i = 5; i >= 0; i--) noneFrom[i] = (noneFrom[i + 1] as number) * (1 - (chance[i] as number));
  if (rng.next() < (noneFrom[0] as number)) {
    for (let i = 0; i < 6; i++) out[i] = false;
    return false;
  }
  let mustHave = true;
  for (let i = 0; i < 6; i++) {
    const p = chance[i] as number;
    const conditional = mustHave ? p / (1 - (noneFrom[i] as number)) : p;
    const hit = rng.next() < conditional;
    out[i] = hit;
    if (hit) mustHave = false;
  }
  return true;
}

/**
 * Peri-implant chart: shallow, stable pockets, no recession, mobility or furcation.
 * source: [M] Creighton implant rows: mean PD 2.65 mm, bleeding 12 % and plaque 6.7 % of sites, mobility and
 * furcation always 0.
 */
function implantChart(rng: Rng, index: number, patient: PatientPerio): PerioChart {
  const probingDepth = [0, 0, 0, 0, 0, 0];
  const bleeding = [false, false, false, false, false, false];
  const plaque = [false, false, false, false, false, false];
  const plaqueChance = 0.35 * patient.plaqueShare * (PLAQUE_WEIGHT[index] as number);
  for (let site = 0; site < 6; site++) {
    const pd = clamp(Math.round(2.5 + (INTERPROXIMAL[site] ? 0.3 : -0.3) + 0.8 * uniformNoise(rng)), 1, 10);
    probingDepth[site] = pd;
    bleeding[site] = rng.next() < 0.8 * (patient.bleedByDepth[pd] as number);
    plaque[site] = rng.next() < plaqueChance;
  }
  return {
    probingDepth,
    recession: [0, 0, 0, 0, 0, 0],
    attachmentLoss: probingDepth.slice(),
    bleeding,
    plaque,
    mobility: 0,
    furcation: 0,
    mucogingivalDefect: false,
  };
}

/**
 * Zero-mean, unit-variance uniform noise from one draw: cheaper than a normal, and after rounding to whole
 * millimetres or grades its shape hardly shows.
 */
function uniformNoise(rng: Rng): number {
  return (rng.next() - 0.5) * SQRT12;
}

function grade(score: number, thresholds: readonly [number, number, number]): number {
  return score > thresholds[2] ? 3 : score > thresholds[1] ? 2 : score > thresholds[0] ? 1 : 0;
}

function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}
