/**
 * A preset: every number the virtual-patient model needs for one population, as plain JSON-able data.
 *
 * Published figures live in the priors-*.ts files with their sources; a preset picks them and adds the few
 * calibration constants (tagged [C] in presets.ts: fitted by simulation to a cited target, not published
 * themselves). Adding a population = adding one Preset object to PRESETS.
 */

/** Ages min..max (whole years, inclusive) drawn with probability proportional to weight. */
export interface AgeBand {
  min: number;
  max: number;
  weight: number;
}

/** A step function of age: `value` holds from `fromAge` until the next step. Steps are sorted by fromAge. */
export interface AgeStep {
  fromAge: number;
  value: number;
}

/** Value of a step function at an age (the first step applies below its fromAge too). */
export function valueAtAge(steps: readonly AgeStep[], age: number): number {
  let value = steps[0]?.value ?? 0;
  for (const step of steps) {
    if (age >= step.fromAge) value = step.value;
    else break;
  }
  return value;
}

export interface DemographicsPrior {
  ageBands: readonly AgeBand[];
  femaleShare: readonly AgeStep[];
  diabetes: readonly AgeStep[];
  tobaccoEver: readonly AgeStep[];
}

/**
 * Patient-level latent traits (gamma frailties with mean 1 before the covariate multipliers). A shared hygiene
 * trait feeds both caries and periodontitis, so the two are correlated within a patient as they are clinically.
 */
export interface RiskPrior {
  hygieneShape: number;
  /** Exponent of hygiene in the caries and perio traits (0 = independent). */
  hygieneOnCaries: number;
  hygieneOnPerio: number;
  cariesShape: number;
  /** Current caries activity = caries trait x an independent gamma of this shape (lesions cluster in few people). */
  activityShape: number;
  /** Extra multiplier of current activity for tobacco users (untreated decay is commoner than past decay suggests). */
  activityRrTobacco: number;
  perioShape: number;
  cariesRrTobacco: number;
  cariesRrDiabetes: number;
  perioRrTobacco: number;
  perioRrDiabetes: number;
}

export interface EruptionPrior {
  /** Erupted third molars removed before baseline: yearly probability from `fromAge`, capped at `max`. */
  thirdMolarRemovalPerYear: number;
  thirdMolarRemovalFromAge: number;
  thirdMolarRemovalMax: number;
}

/** Past caries: attacks on each tooth accumulate with exposure; each attack escalates the treatment. */
export interface CariesHistoryPrior {
  /** Expected attacks on a tooth of weight 1 = attackRate x trait x (years since eruption)^exposurePower. */
  attackRate: number;
  exposurePower: number;
  /** Extraction instead of a filling at the first attack (untreated decay ending in extraction). */
  extractFirst: number;
  /** At each later attack of a filled tooth: extraction, crown (posterior; x anteriorCrownFactor on anteriors). */
  extractFilled: number;
  extractCrowned: number;
  crownPerAttack: number;
  anteriorCrownFactor: number;
  /** Root-canal treatment at the first attack, at later attacks of a filled tooth, at attacks of a crowned tooth. */
  rctFirst: number;
  rctLater: number;
  rctCrowned: number;
  /** A root-filled posterior tooth that is not crowned gets a crown with this probability (cuspal coverage). */
  crownAfterRct: number;
  /** Chance that a first filling spans two surfaces rather than one, and that a later one grows by two. */
  secondSurfaceFirst: number;
  twoSurfaceGrowth: number;
  /** Age multiplier of the crown chances (crowns are an older adult's treatment). */
  crownAgeCurve: readonly AgeStep[];
  /** Tobacco users are crowned less and extracted more for the same decay (access to care, prognosis). */
  crownRrTobacco: number;
  extractRrTobacco: number;
}

export interface ToothLossPrior {
  edentulous: readonly AgeStep[];
  edentulousRrTobacco: number;
  /** Periodontal tooth loss before baseline: rate x perio trait x weight x (age - onset)^power. */
  perioLossRate: number;
  perioLossOnset: number;
  perioLossPower: number;
  /** Missing positions (not third molars) restored by an implant, by age at baseline. */
  implantPerMissing: readonly AgeStep[];
  /** Missing positions between two present natural teeth restored by a three-unit bridge. */
  bridgePerGap: number;
}

export interface LesionPrior {
  /** Multiplier of the Danish per-surface rates for a patient of average activity. */
  scale: number;
  /** Activity by age (multiplies the rate). */
  ageActivity: readonly AgeStep[];
}

export interface PerioPrior {
  /** SD (mm) of the patient's and the tooth's shift of all probing depths, and of each site. */
  patientSd: number;
  toothSd: number;
  siteSd: number;
  /** Whether the clinic's per-tooth-type PD offsets (priors-perio.ts) apply; else all offsets are 0. */
  useTypeOffsets: boolean;
  /** Chance that a site has disease-driven deepening = 1 - exp(-diseaseRate x trait x age curve x site factor). */
  diseaseRate: number;
  /** Age curve of periodontal severity. */
  ageCurve: readonly AgeStep[];
  /** Mean extra depth (mm) of a diseased site, on top of 1 mm. */
  deepeningMean: number;
  /**
   * Chance that a tooth has recession at age 60 (scaled linearly with age from 20), the chance that each of its
   * mid-surface and interproximal sites recedes, and the mean depth beyond 1 mm.
   */
  recessionToothAt60: number;
  recessionSiteMid: number;
  recessionSiteInterproximal: number;
  recessionMean: number;
  /** Chance a tooth shows gingival overgrowth (margin 1 mm coronal to the CEJ at all six sites, negative FGM). */
  overgrowth: number;
  /** Patient bleeding tendency ~ gamma(shape) x mean x age curve; site probability grows by bleedSlope per mm of PD over 3. */
  bleedMean: number;
  bleedAgeCurve: readonly AgeStep[];
  bleedShape: number;
  bleedSlope: number;
  /** Share of patients with no plaque recorded at any site (not scored, or clean). */
  plaqueNoneShare: number;
  /** Patient plaque share = plaqueMean x hygiene trait^plaqueHygienePower (site probability, per position weight). */
  plaqueMean: number;
  plaqueHygienePower: number;
  /** Mobility and furcation grade thresholds on mean / worst interproximal CAL (mm) plus noise. */
  mobilityThresholds: readonly [number, number, number];
  furcationThresholds: readonly [number, number, number];
  gradeNoiseSd: number;
  mucogingivalBase: number;
  mucogingivalIfRecession3: number;
}

export interface FollowUpPrior {
  /** Follow-up years: quantile function (equally spaced probabilities 0..1) by age band. */
  quantilesByAge: readonly { fromAge: number; quantiles: readonly number[] }[];
  /**
   * Tooth-loss intensity of an average tooth over the window, and the shape of the patient's gamma frailty. The
   * window's exposure saturates: 1 - exp(-years / lossSaturationYears), because most losses are extractions planned
   * at the start of care, so their number barely grows with follow-up length.
   */
  lossRate: number;
  lossSaturationYears: number;
  frailtyShape: number;
  lossAgeCurve: readonly AgeStep[];
  /** Intensity multipliers: per mm of worst CAL beyond 4, mobility grade 1 and >= 2, furcation >= 2, decay, root canal. */
  perCalMm: number;
  rrMobility1: number;
  rrMobility2: number;
  rrFurcation: number;
  rrDecayed: number;
  rrRootCanal: number;
  rrThirdMolar: number;
  rrTobacco: number;
  rrDiabetes: number;
  /** Share of losses recorded at the last visit (which then ends the follow-up). */
  lossAtLastVisit: number;
  /** Other losses happen at years x u^lossTimePower (u uniform): > 1 puts them early in the window. */
  lossTimePower: number;
}

export interface LabPrior {
  /** Restorations placed within this many years before baseline have their lab case in the record. */
  windowYears: number;
  /** Age from which restorations are assumed to be placed at a constant rate. */
  restorativeStartAge: number;
}

export interface Preset {
  /** Registry key, e.g. "clinic". */
  name: string;
  /** One line for `--help` and the docs. */
  description: string;
  demographics: DemographicsPrior;
  risk: RiskPrior;
  eruption: EruptionPrior;
  cariesHistory: CariesHistoryPrior;
  toothLoss: ToothLossPrior;
  lesions: LesionPrior;
  perio: PerioPrior;
  followUp: FollowUpPrior;
  lab: LabPrior;
}
