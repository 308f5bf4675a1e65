import { dmftOf, isDecayedTooth, teethPresentOf } from "./dmft.js";
import { DEPTH_CLASSES, type DepthClass, type LabMaterial, type RemakeReason, type VirtualPatient } from "./types.js";

/** Figures of one age band, in the form the CDC reports them. */
export interface BandSummary {
  label: string;
  patients: number;
  dentate: number;
  /** Among dentate patients with DMFT >= 1 (as OHSR Table 12). */
  dmft: number;
  decayed: number;
  missing: number;
  filled: number;
  /** Among dentate patients, 28 teeth (third molars excluded). */
  teethPresent: number;
  /** Share of dentate patients with >= 1 decayed tooth. */
  untreatedCaries: number;
  edentulous: number;
}

/** Summary statistics of a sample of virtual patients: what calibration tests and docs compare with targets. */
export interface PatientSummary {
  patients: number;
  bands: BandSummary[];
  ageMedian: number;
  ageQ25: number;
  ageQ75: number;
  /** Posterior (premolar, first/second molar) proximal surfaces of present natural teeth, patients 20-24. */
  youngProximal: { surfaces: number; enamelRate: number; dentinRate: number; enamelShare: number };
  lesionsByDepth: Record<DepthClass, { lesions: number; cavitated: number }>;
  lab: {
    cases: number;
    remakes: number;
    reasons: Record<RemakeReason, number>;
    materials: { anterior: Partial<Record<LabMaterial, number>>; posterior: Partial<Record<LabMaterial, number>> };
  };
}

/**
 * Summarises patients in the bands given (inclusive whole-year ages).
 * @example summarizePatients(patients, [{ label: "20-34", min: 20, max: 34 }]).bands[0].dmft
 */
export function summarizePatients(
  patients: readonly VirtualPatient[],
  bands: readonly { label: string; min: number; max: number }[],
): PatientSummary {
  const bandSummaries = bands.map((band) => summarizeBand(patients.filter((p) => p.demographics.age >= band.min && p.demographics.age <= band.max), band.label));
  const ages = patients.map((p) => p.demographics.age).sort((a, b) => a - b);
  const lesionsByDepth = Object.fromEntries(DEPTH_CLASSES.map((d) => [d, { lesions: 0, cavitated: 0 }])) as PatientSummary["lesionsByDepth"];
  let surfaces = 0;
  let enamel = 0;
  let dentin = 0;
  const reasons = { proximal_contact: 0, margin_fit: 0, shade_esthetics: 0, occlusion: 0, fracture: 0, other: 0 };
  const materials: PatientSummary["lab"]["materials"] = { anterior: {}, posterior: {} };
  let cases = 0;
  let remakes = 0;
  for (const p of patients) {
    const young = p.demographics.age >= 20 && p.demographics.age <= 24;
    for (const tooth of p.teeth) {
      for (const lesion of tooth.lesions) {
        const entry = lesionsByDepth[lesion.depth];
        entry.lesions++;
        if (lesion.cavitated) entry.cavitated++;
      }
      const position = tooth.fdi % 10;
      if (!young || tooth.presence !== "present" || position < 4 || position > 7) continue;
      for (const surface of ["M", "D"] as const) {
        surfaces++;
        const lesion = tooth.lesions.find((l) => l.surface === surface);
        if (!lesion) continue;
        if (lesion.depth === "E1" || lesion.depth === "E2") enamel++;
        else dentin++;
      }
    }
    for (const c of p.labCases) {
      cases++;
      if (c.remake && c.remakeReason) {
        remakes++;
        reasons[c.remakeReason]++;
      }
      if (c.type !== "single_crown") continue;
      const region = (c.teeth[0] ?? 0) % 10 <= 3 ? "anterior" : "posterior";
      materials[region][c.material] = (materials[region][c.material] ?? 0) + 1;
    }
  }
  return {
    patients: patients.length,
    bands: bandSummaries,
    ageMedian: quantile(ages, 0.5),
    ageQ25: quantile(ages, 0.25),
    ageQ75: quantile(ages, 0.75),
    youngProximal: {
      surfaces,
      enamelRate: enamel / surfaces,
      dentinRate: dentin / surfaces,
      enamelShare: enamel / (enamel + dentin),
    },
    lesionsByDepth,
    lab: { cases, remakes, reasons, materials },
  };
}

function summarizeBand(patients: readonly VirtualPatient[], label: string): BandSummary {
  let dentate = 0;
  let withCaries = 0;
  let d = 0;
  let m = 0;
  let f = 0;
  let teeth = 0;
  let untreated = 0;
  for (const p of patients) {
    const present = teethPresentOf(p);
    const anyTooth = p.teeth.some((t) => t.presence === "present");
    if (!anyTooth) continue;
    dentate++;
    teeth += present;
    if (p.teeth.some(isDecayedTooth)) untreated++;
    const dmft = dmftOf(p);
    if (dmft.total === 0) continue;
    withCaries++;
    d += dmft.decayed;
    m += dmft.missing;
    f += dmft.filled;
  }
  return {
    label,
    patients: patients.length,
    dentate,
    dmft: (d + m + f) / withCaries,
    decayed: d / withCaries,
    missing: m / withCaries,
    filled: f / withCaries,
    teethPresent: teeth / dentate,
    untreatedCaries: untreated / dentate,
    edentulous: (patients.length - dentate) / patients.length,
  };
}

/** Linear-interpolated quantile of sorted values (numpy's default). */
function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return (sorted[lo] as number) + ((sorted[hi] as number) - (sorted[lo] as number)) * (pos - lo);
}
