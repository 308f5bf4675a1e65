/**
 * Which radiographs a patient gets: the posterior bitewing pair and periapicals chosen from the regions of a
 * full-mouth series, preferring regions with findings (as a clinician orders periapicals where there is a
 * reason: deep caries, root-canal treatment, implants).
 *
 * Full-mouth series: 14 periapical regions and 2-4 bitewings is the common adult survey (White & Pharoah, Oral
 * Radiology, ch. "Intraoral projections") [T]; we render 2 horizontal bitewings (right, left).
 */
import type { Rng } from "../../core/rng.js";
import type { Arch, Fdi, ToothState, VirtualPatient } from "../patient/types.js";
import type { RadiographView } from "./config.js";

export type Side = "right" | "left";

export interface PlannedView {
  /** Unique within the patient; part of the file names, e.g. "bw_right", "pa_16". */
  name: string;
  view: RadiographView;
  /** Bitewing: the side; periapical: the side of the region's centre (right for the midline region's 11-41 side). */
  side: Side;
  /** Periapical only: the jaw shown. */
  jaw?: Arch;
  /** The teeth the beam is aimed at (the centre of the field lies between the first and last). */
  target: Fdi[];
}

/** Regions of a full-mouth periapical series, each aimed at one or two teeth [T, see header]. */
export const PERIAPICAL_REGIONS: readonly { jaw: Arch; target: Fdi[] }[] = [
  { jaw: "upper", target: [16, 17] },
  { jaw: "upper", target: [14, 15] },
  { jaw: "upper", target: [13] },
  { jaw: "upper", target: [11, 21] },
  { jaw: "upper", target: [23] },
  { jaw: "upper", target: [24, 25] },
  { jaw: "upper", target: [26, 27] },
  { jaw: "lower", target: [46, 47] },
  { jaw: "lower", target: [44, 45] },
  { jaw: "lower", target: [43] },
  { jaw: "lower", target: [31, 41] },
  { jaw: "lower", target: [33] },
  { jaw: "lower", target: [34, 35] },
  { jaw: "lower", target: [36, 37] },
];

/** Bitewings aim at the contact of the second premolar and first molar of both jaws [T: horizontal bitewing]. */
const BITEWING_TARGET: Readonly<Record<Side, Fdi[]>> = { right: [15, 16, 45, 46], left: [25, 26, 35, 36] };
/** Positions a bitewing shows (premolars and molars), to decide whether a side has anything to image. */
const BITEWING_POSITIONS = [4, 5, 6, 7];

/** Weight of a region in the periapical draw: 1, plus 3 per finding that calls for one [A]. */
const FINDING_WEIGHT = 3;

const quadrantOf = (fdi: Fdi) => Math.floor(fdi / 10);
const sideOfFdi = (fdi: Fdi): Side => (quadrantOf(fdi) === 1 || quadrantOf(fdi) === 4 ? "right" : "left");

/** Teeth a radiograph can show: present natural teeth, implants and pontics. */
export function isImaged(t: ToothState): boolean {
  return t.presence === "present" || t.restoration === "implant" || t.restoration === "pontic";
}

function findings(t: ToothState): number {
  let n = t.lesions.filter((l) => l.depth === "D2" || l.depth === "D3").length;
  if (t.rootCanalTreated) n++;
  if (t.restoration === "implant" || t.restoration === "crowned") n++;
  return n;
}

/**
 * Plans the views of one patient. Pure in (patient, views, periapicals, rng): the rng draws only the periapical
 * regions, so asking for bitewings alone does not change which periapicals another run would get.
 */
export function planViews(patient: VirtualPatient, views: readonly RadiographView[], periapicals: number, rng: Rng): PlannedView[] {
  const byFdi = new Map(patient.teeth.map((t) => [t.fdi, t]));
  const imaged = (fdi: Fdi) => {
    const t = byFdi.get(fdi);
    return t !== undefined && isImaged(t);
  };
  const out: PlannedView[] = [];
  if (views.includes("bitewing")) {
    for (const side of ["right", "left"] as const) {
      const quadrants = side === "right" ? [1, 4] : [2, 3];
      const any = quadrants.some((q) => BITEWING_POSITIONS.some((p) => imaged(q * 10 + p)));
      if (any) out.push({ name: `bw_${side}`, view: "bitewing", side, target: BITEWING_TARGET[side] });
    }
  }
  if (views.includes("periapical")) {
    const candidates = PERIAPICAL_REGIONS.filter((r) => regionTeeth(r).some(imaged));
    const weights = candidates.map((r) => 1 + FINDING_WEIGHT * regionTeeth(r).reduce((s, f) => s + (byFdi.get(f) ? findings(byFdi.get(f)!) : 0), 0));
    const draw = rng.fork("periapical-regions");
    for (let k = 0; k < Math.min(periapicals, candidates.length); k++) {
      const total = weights.reduce((a, b) => a + b, 0);
      let u = draw.next() * total;
      let pick = 0;
      while (pick < weights.length - 1 && u >= (weights[pick] as number)) u -= weights[pick++] as number;
      const region = candidates[pick]!;
      weights[pick] = 0;
      out.push({ name: `pa_${region.target.join("_")}`, view: "periapical", side: sideOfFdi(region.target[0]!), jaw: region.jaw, target: region.target });
    }
    // Periapicals in series order (upper right to lower left), whatever order they were drawn in.
    const order = (v: PlannedView) => PERIAPICAL_REGIONS.findIndex((r) => r.target.join() === v.target.join());
    const pas = out.filter((v) => v.view === "periapical").sort((a, b) => order(a) - order(b));
    return [...out.filter((v) => v.view !== "periapical"), ...pas];
  }
  return out;
}

/** The teeth a periapical region shows: its targets and their immediate neighbours in the same jaw. */
function regionTeeth(region: { target: Fdi[] }): Fdi[] {
  const set = new Set<Fdi>();
  for (const f of region.target) {
    const q = quadrantOf(f);
    const p = f % 10;
    for (const d of [-1, 0, 1]) if (p + d >= 1 && p + d <= 8) set.add(q * 10 + p + d);
  }
  return [...set];
}
