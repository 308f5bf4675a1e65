import { FDI_POSITIONS, isFdi, neighbourOf, positionOf, rootCountOf, universalOf } from "./dentition.js";
import { dmftOf } from "./dmft.js";
import { ERUPTION_WINDOW_YEARS } from "./priors-eruption.js";
import {
  DEPTH_CLASSES,
  ICCMS_OF_DEPTH,
  SURFACES,
  type Fdi,
  type LabCase,
  type ToothState,
  type VirtualPatient,
} from "./types.js";

const SITE_COUNT = 6;

/**
 * Checks the clinical and structural rules a virtual patient must satisfy and returns every violation as a
 * readable message (an empty array means valid). The generator keeps these rules by construction; the evaluation
 * suite reuses this as a diagnostic on any synthetic data mapped to VirtualPatient.
 *
 * Rules:
 * - all 32 FDI positions present once, in FDI order, with matching Universal number;
 * - missing and unerupted teeth carry no lesions, fillings, root canal or crown; only an implant position has a
 *   perio chart among them; unerupted positions have no restoration at all;
 * - implant and pontic only on missing positions; filled or crowned only on present teeth;
 * - a crowned tooth has no occlusal lesion; at most one lesion per surface; a lesion is recurrent only on a filled
 *   surface or a crowned tooth; ICCMS code matches depth;
 * - filled surfaces only (and at least one) on filled teeth, each surface once;
 * - a pontic sits between two present crowned teeth (a bridge); a bridge lab case is abutment-pontic-abutment;
 * - lab cases only for teeth carrying that restoration, each tooth in one case at most, units = teeth count,
 *   remake reason iff remake;
 * - second and third molars unerupted below their eruption windows (ADA: lower 7 from 11 y, upper 7 from 12 y,
 *   8s from 17 y);
 * - perio chart: six sites, CAL = PD + recession at every site, mobility and furcation 0-3, furcation 0 on
 *   single-rooted teeth;
 * - a tooth lost during follow-up was present at baseline, and lost within the follow-up window;
 * - DMFT total = D + M + F.
 *
 * @example checkDomainRules(samplePatient(0, "42", PRESETS.clinic)) // []
 */
export function checkDomainRules(patient: VirtualPatient): string[] {
  const problems: string[] = [];
  const teeth = patient.teeth;
  const byFdi = new Map<Fdi, ToothState>();

  if (teeth.length !== 32) problems.push(`teeth: expected 32 positions, found ${teeth.length}`);
  teeth.forEach((tooth, i) => {
    if (!isFdi(tooth.fdi)) problems.push(`teeth[${i}]: invalid FDI number ${tooth.fdi}`);
    else if (byFdi.has(tooth.fdi)) problems.push(`tooth ${tooth.fdi}: listed more than once`);
    else byFdi.set(tooth.fdi, tooth);
    if (FDI_POSITIONS[i] !== undefined && tooth.fdi !== FDI_POSITIONS[i] && isFdi(tooth.fdi)) {
      problems.push(`teeth[${i}]: expected tooth ${FDI_POSITIONS[i]} in FDI order, found ${tooth.fdi}`);
    }
  });
  for (const fdi of FDI_POSITIONS) if (!byFdi.has(fdi)) problems.push(`tooth ${fdi}: position missing from the chart`);

  for (const tooth of byFdi.values()) checkTooth(tooth, patient, byFdi, problems);
  checkLabCases(patient.labCases, byFdi, problems);

  const dmft = dmftOf(patient);
  if (dmft.total !== dmft.decayed + dmft.missing + dmft.filled) {
    problems.push(`dmft: total ${dmft.total} is not D ${dmft.decayed} + M ${dmft.missing} + F ${dmft.filled}`);
  }
  return problems;
}

function checkTooth(tooth: ToothState, patient: VirtualPatient, byFdi: Map<Fdi, ToothState>, problems: string[]): void {
  const at = `tooth ${tooth.fdi}`;
  if (tooth.universal !== universalOf(tooth.fdi)) {
    problems.push(`${at}: Universal number ${tooth.universal}, expected ${universalOf(tooth.fdi)}`);
  }
  const present = tooth.presence === "present";

  // What may stand on the position.
  if (!present) {
    if (tooth.lesions.length > 0) problems.push(`${at}: ${tooth.presence} tooth has ${tooth.lesions.length} lesion(s)`);
    if (tooth.filledSurfaces.length > 0) problems.push(`${at}: ${tooth.presence} tooth has filled surfaces`);
    if (tooth.rootCanalTreated) problems.push(`${at}: ${tooth.presence} tooth is root-canal treated`);
    if (tooth.restoration === "filled" || tooth.restoration === "crowned") {
      problems.push(`${at}: ${tooth.presence} tooth is ${tooth.restoration}`);
    }
    if (tooth.presence === "unerupted" && tooth.restoration !== "none") {
      problems.push(`${at}: unerupted tooth carries ${withArticle(tooth.restoration)}`);
    }
    if (tooth.perio !== null && tooth.restoration !== "implant") problems.push(`${at}: ${tooth.presence} tooth has a perio chart`);
  }
  if ((tooth.restoration === "implant" || tooth.restoration === "pontic") && tooth.presence !== "missing") {
    problems.push(`${at}: ${tooth.restoration} on ${withArticle(tooth.presence)} tooth (only on missing positions)`);
  }

  // Fillings and lesions.
  if (tooth.restoration === "filled" && tooth.filledSurfaces.length === 0) problems.push(`${at}: filled tooth has no filled surface`);
  if (tooth.restoration !== "filled" && tooth.filledSurfaces.length > 0) {
    problems.push(`${at}: filled surfaces on a tooth that is ${tooth.restoration}, not filled`);
  }
  if (new Set(tooth.filledSurfaces).size !== tooth.filledSurfaces.length) problems.push(`${at}: a filled surface is listed twice`);
  for (const s of tooth.filledSurfaces) if (!SURFACES.includes(s)) problems.push(`${at}: invalid surface ${s}`);
  const seen = new Set<string>();
  for (const lesion of tooth.lesions) {
    if (seen.has(lesion.surface)) problems.push(`${at}: more than one lesion on surface ${lesion.surface}`);
    seen.add(lesion.surface);
    if (tooth.restoration === "crowned" && lesion.surface === "O") {
      problems.push(`${at}: crowned tooth has an occlusal lesion (${lesion.id})`);
    }
    if (!DEPTH_CLASSES.includes(lesion.depth)) problems.push(`${at}: lesion ${lesion.id} has invalid depth ${lesion.depth}`);
    else if (lesion.iccms !== ICCMS_OF_DEPTH[lesion.depth]) {
      problems.push(`${at}: lesion ${lesion.id} has ICCMS ${lesion.iccms}, expected ${ICCMS_OF_DEPTH[lesion.depth]} for ${lesion.depth}`);
    }
    if (lesion.recurrent && tooth.restoration !== "crowned" && !tooth.filledSurfaces.includes(lesion.surface)) {
      problems.push(`${at}: recurrent lesion ${lesion.id} on surface ${lesion.surface}, which is not restored`);
    }
  }

  // Bridges: a pontic needs a crowned present tooth on both sides.
  if (tooth.restoration === "pontic") {
    for (const side of ["M", "D"] as const) {
      const fdi = neighbourOf(tooth.fdi, side);
      const neighbour = fdi === null ? undefined : byFdi.get(fdi);
      if (!neighbour || neighbour.presence !== "present" || neighbour.restoration !== "crowned") {
        problems.push(`${at}: pontic without a crowned abutment on its ${side === "M" ? "mesial" : "distal"} side`);
      }
    }
  }

  // Eruption windows of the second and third molars.
  const position = positionOf(tooth.fdi);
  if ((position === 7 || position === 8) && tooth.presence !== "unerupted") {
    const earliest = (ERUPTION_WINDOW_YEARS[tooth.arch === "upper" ? "upper" : "lower"][position - 1] as readonly [number, number])[0];
    if (patient.demographics.age < earliest) {
      problems.push(`${at}: ${tooth.presence} at age ${patient.demographics.age}, before its eruption window (from ${earliest} y)`);
    }
  }

  // Periodontal chart.
  const chart = tooth.perio;
  if (present && chart === null) problems.push(`${at}: present tooth has no perio chart`);
  if (chart) {
    const arrays = [chart.probingDepth, chart.recession, chart.attachmentLoss, chart.bleeding, chart.plaque];
    if (arrays.some((a) => a.length !== SITE_COUNT)) problems.push(`${at}: perio chart does not have 6 sites`);
    for (let i = 0; i < SITE_COUNT; i++) {
      const pd = chart.probingDepth[i];
      const rec = chart.recession[i];
      const cal = chart.attachmentLoss[i];
      if (pd !== undefined && rec !== undefined && cal !== undefined && cal !== pd + rec) {
        problems.push(`${at}: site ${i + 1} CAL ${cal} is not PD ${pd} + recession ${rec}`);
      }
    }
    if (!isGrade(chart.mobility)) problems.push(`${at}: mobility ${chart.mobility} is not a grade 0-3`);
    if (!isGrade(chart.furcation)) problems.push(`${at}: furcation ${chart.furcation} is not a grade 0-3`);
    if (chart.furcation !== 0 && rootCountOf(tooth.fdi) === 1) {
      problems.push(`${at}: furcation grade ${chart.furcation} on a single-rooted tooth`);
    }
  }

  // Follow-up.
  if (tooth.lostDuringFollowUp) {
    if (!present) problems.push(`${at}: lost during follow-up but ${tooth.presence} at baseline`);
    const t = tooth.lostAfterYears;
    if (t === null || !(t > 0) || t > patient.followUpYears + 1e-9) {
      problems.push(`${at}: lost after ${t} years, outside the follow-up window (0, ${patient.followUpYears}]`);
    }
  } else if (tooth.lostAfterYears !== null) {
    problems.push(`${at}: has a loss time but was not lost during follow-up`);
  }
}

function checkLabCases(cases: readonly LabCase[], byFdi: Map<Fdi, ToothState>, problems: string[]): void {
  const used = new Map<Fdi, string>();
  for (const c of cases) {
    const at = `lab case ${c.id}`;
    if (c.units !== c.teeth.length) problems.push(`${at}: ${c.units} units for ${c.teeth.length} teeth`);
    if (c.remake !== (c.remakeReason !== null)) problems.push(`${at}: remake ${c.remake} with reason ${c.remakeReason}`);
    for (const fdi of c.teeth) {
      const other = used.get(fdi);
      if (other !== undefined) problems.push(`${at}: tooth ${fdi} is already in lab case ${other}`);
      used.set(fdi, c.id);
    }
    const teeth = c.teeth.map((fdi) => byFdi.get(fdi));
    if (teeth.some((t) => t === undefined)) {
      problems.push(`${at}: names a tooth that is not in the chart (${c.teeth.join(", ")})`);
      continue;
    }
    const [first, middle, last] = teeth as ToothState[];
    switch (c.type) {
      case "single_crown":
        if (teeth.length !== 1 || first?.restoration !== "crowned" || first.presence !== "present") {
          problems.push(`${at}: single crown on tooth ${c.teeth.join(", ")}, which is not a present crowned tooth`);
        }
        break;
      case "implant_crown":
        if (teeth.length !== 1 || first?.restoration !== "implant") {
          problems.push(`${at}: implant crown on tooth ${c.teeth.join(", ")}, which carries no implant`);
        }
        break;
      case "bridge": {
        const adjacent =
          middle !== undefined &&
          first !== undefined &&
          last !== undefined &&
          [neighbourOf(middle.fdi, "M"), neighbourOf(middle.fdi, "D")].includes(first.fdi) &&
          [neighbourOf(middle.fdi, "M"), neighbourOf(middle.fdi, "D")].includes(last.fdi);
        const shape =
          teeth.length === 3 &&
          first?.presence === "present" &&
          first.restoration === "crowned" &&
          middle?.restoration === "pontic" &&
          last?.presence === "present" &&
          last.restoration === "crowned";
        if (!shape || !adjacent) {
          problems.push(`${at}: bridge ${c.teeth.join("-")} is not crowned abutment, pontic, crowned abutment in a row`);
        }
        break;
      }
    }
  }
  // A pontic that appears in a lab case must be in a bridge.
  for (const c of cases) {
    if (c.type === "bridge") continue;
    for (const fdi of c.teeth) {
      if (byFdi.get(fdi)?.restoration === "pontic") problems.push(`lab case ${c.id}: pontic ${fdi} outside a bridge case`);
    }
  }
}

function withArticle(word: string): string {
  return `${/^[aeiou]/.test(word) ? "an" : "a"} ${word}`;
}

function isGrade(x: number): boolean {
  return Number.isInteger(x) && x >= 0 && x <= 3;
}
