import type { Rng } from "../../core/rng.js";
import type { LabPrior } from "./preset.js";
import {
  MATERIAL_SHARES,
  MATERIALS_EXCLUDED,
  REMAKE_RATE,
  REMAKE_REASON_WEIGHTS,
  REMAKE_REASONS,
  TURNAROUND_DAYS,
  VITA_SHADE_WEIGHTS,
  VITA_SHADES,
} from "./priors-lab.js";
import { POSITIONS } from "./tooth-table.js";
import type { Fdi, LabCase, LabMaterial, LabRestorationType, ToothState } from "./types.js";

/**
 * Lab cases of the restorations recent enough to be in the record.
 *
 * Rule: restorations are assumed to be placed at a constant rate from `restorativeStartAge` to baseline, and a
 * case is in the record when its restoration was placed within the last `windowYears`; so each single crown,
 * bridge (abutments + pontic, one case) and implant crown has a case with probability
 * min(1, windowYears / (age - restorativeStartAge)). A 30-year-old's crowns are mostly recent, a 75-year-old's
 * mostly decades old. Cases are numbered `${patientId}-C${n}` in FDI order of the tooth that opens them (the pontic
 * for a bridge); a bridge lists its teeth in arch (Universal) order.
 */
export function sampleLabCases(rng: Rng, teeth: ToothState[], age: number, prior: LabPrior, patientId: string): LabCase[] {
  const recentChance = Math.min(1, prior.windowYears / Math.max(prior.windowYears, age - prior.restorativeStartAge));
  const cases: LabCase[] = [];
  for (const p of POSITIONS) {
    const tooth = teeth[p.index] as ToothState;
    let type: LabRestorationType;
    let caseTeeth: Fdi[];
    if (tooth.restoration === "implant") {
      type = "implant_crown";
      caseTeeth = [tooth.fdi];
    } else if (tooth.restoration === "pontic") {
      type = "bridge";
      const mesial = teeth[p.mesial] as ToothState;
      const distal = teeth[p.distal] as ToothState;
      caseTeeth = [mesial, tooth, distal].sort((a, b) => a.universal - b.universal).map((t) => t.fdi);
    } else if (tooth.restoration === "crowned" && tooth.presence === "present" && !isAbutment(teeth, p.mesial, p.distal)) {
      type = "single_crown";
      caseTeeth = [tooth.fdi];
    } else continue;
    if (!rng.bernoulli(recentChance)) continue;
    const anterior = caseTeeth.some((fdi) => fdi % 10 <= 3);
    const material = pickMaterial(rng, anterior ? "anterior" : "posterior", type);
    const remake = rng.bernoulli(REMAKE_RATE);
    cases.push({
      id: `${patientId}-C${cases.length + 1}`,
      type,
      teeth: caseTeeth,
      units: caseTeeth.length,
      material,
      shade: rng.pick(VITA_SHADES, VITA_SHADE_WEIGHTS),
      turnaroundDays: turnaround(rng, type, material),
      remake,
      remakeReason: remake ? rng.pick(REMAKE_REASONS, REMAKE_REASON_WEIGHTS) : null,
    });
  }
  return cases;
}

/** A crowned tooth next to a pontic is a bridge retainer: its case is the bridge's, not a single crown. */
function isAbutment(teeth: ToothState[], mesial: number, distal: number): boolean {
  return (mesial >= 0 && teeth[mesial]?.restoration === "pontic") || (distal >= 0 && teeth[distal]?.restoration === "pontic");
}

function pickMaterial(rng: Rng, region: "anterior" | "posterior", type: LabRestorationType): LabMaterial {
  const shares = MATERIAL_SHARES[region];
  const excluded = MATERIALS_EXCLUDED[type];
  const materials: LabMaterial[] = [];
  const weights: number[] = [];
  for (const [material, share] of Object.entries(shares) as [LabMaterial, number][]) {
    if (excluded.includes(material)) continue;
    materials.push(material);
    weights.push(share);
  }
  return rng.pick(materials, weights);
}

function turnaround(rng: Rng, type: LabRestorationType, material: LabMaterial): number {
  const [lo, hi] =
    type === "bridge" ? TURNAROUND_DAYS.bridge : type === "implant_crown" ? TURNAROUND_DAYS.implant_crown : TURNAROUND_DAYS.single[material];
  return lo + rng.int(hi - lo + 1);
}
