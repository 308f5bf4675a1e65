/**
 * Shape constants of each tooth type: crown outline, occlusal relief (cusps, ridges, fossae), roots, enamel
 * thickness and pulp. Sizes come from Wheeler (wheeler-table.ts); this file holds the proportions and features
 * the table does not give.
 *
 * Tags follow dental-domain.md: [V] read in the cited source, [T] standard textbook fact, and [A] a modelling
 * assumption of ours (a plausible default to tune, not a measurement).
 *
 * Occlusal positions are in normalised crown coordinates: X along mesiodistal (+1 = mesial edge of the occlusal
 * outline), Y along buccolingual (+1 = buccal/labial edge).
 */
import type { Arch, ToothType } from "../../patient/types.js";
import type { LingualRelief } from "./lingual-relief.js";

/** A parametric bump on the occlusal surface: a Gaussian of the normalised occlusal coordinates. */
export interface OcclusalBump {
  x: number;
  y: number;
  /** Height as a fraction of the type's cusp relief (negative carves a fossa or groove). */
  height: number;
  /** Gaussian widths along X and Y (normalised units). */
  sx: number;
  sy: number;
}

/** One root: the sector of the cross-section it grows from, as angle about the long axis. */
export interface RootLobe {
  name: string;
  /** Centre angle, radians, from mesial (+x) toward buccal (+y). */
  angle: number;
  /** Half-width of the sector at the furcation, radians. */
  halfWidth: number;
}

export type ToothGroup = "incisor" | "canine" | "premolar" | "molar";

export interface ToothMorphology {
  group: ToothGroup;
  /** Cusp tips (positive bumps). Their count is the type's cusp count. */
  cusps: readonly OcclusalBump[];
  /** Marginal ridges, fossae and grooves (bumps of either sign), applied after the cusps. */
  relief: readonly OcclusalBump[];
  /** Height of a full cusp above the occlusal base, mm. */
  cuspRelief: number;
  /** Crown cross-section is a superellipse |x/a|^n + |y/b|^n = 1; n = 2 is an ellipse, larger is boxier. */
  crownExponent: number;
  /** Height of the mesiodistal maximum (contact areas) as a fraction of crown length. */
  contactLevel: number;
  /** Height of the buccolingual maximum (height of contour) as a fraction of crown length. */
  contourLevel: number;
  /** Occlusal outline half-widths as fractions of the crown's maximum half-widths (MD, BL). */
  occlusalTable: readonly [number, number];
  /** How much narrower mesiodistally the lingual half of the cross-section is than the buccal half (fraction of
   * the MD half-width, 0 = symmetric). */
  lingualConvergence: number;
  /** Lingual fossa, marginal ridges and cingulum (maxillary incisors and canines); null elsewhere. */
  lingual: LingualRelief | null;
  /** Roots below the furcation; one lobe means a single root around the axis. */
  roots: readonly RootLobe[];
  /** Enamel thickness, mm: axial walls, occlusal base (fossae) and over cusp tips / the incisal edge. */
  enamel: { axial: number; occlusal: number; cusp: number };
  /** Pulp: ceiling height above the facial CEJ as a fraction of crown length; horn height (mm). */
  pulp: { ceiling: number; hornHeight: number; horns: readonly OcclusalBump[] };
}

const deg = (d: number) => (d * Math.PI) / 180;
const bump = (x: number, y: number, height: number, sx = 0.32, sy = sx): OcclusalBump => ({ x, y, height, sx, sy });

/**
 * Root sectors. Counts: maxillary first premolar 2 (B, L), maxillary molars 3 (MB, DB, palatal), mandibular
 * molars 2 (M, D), all others 1 (source: dental-domain.md 1.1 "Roots per tooth" [T]; same rule as
 * rootCountOf in generators/patient/dentition.ts). Sector angles and widths are [A].
 */
const SINGLE: readonly RootLobe[] = [{ name: "root", angle: 0, halfWidth: Math.PI }];
const UPPER_PREMOLAR_TWO: readonly RootLobe[] = [
  { name: "buccal", angle: deg(90), halfWidth: deg(80) },
  { name: "lingual", angle: deg(270), halfWidth: deg(80) },
];
const UPPER_MOLAR: readonly RootLobe[] = [
  { name: "mesiobuccal", angle: deg(50), halfWidth: deg(40) },
  { name: "distobuccal", angle: deg(130), halfWidth: deg(40) },
  { name: "palatal", angle: deg(270), halfWidth: deg(75) },
];
const LOWER_MOLAR: readonly RootLobe[] = [
  { name: "mesial", angle: deg(0), halfWidth: deg(80) },
  { name: "distal", angle: deg(180), halfWidth: deg(80) },
];

/**
 * The oblique ridge of maxillary molars: a ridge from the mesiolingual cusp to the distobuccal cusp that crosses
 * the central groove and separates the central fossa from the distal fossa [T]. Made of three round bumps along
 * the line between the two cusp centres (first molar cusps at (0.35, −0.45) and (−0.45, 0.45)), because a bump is
 * axis-aligned. The middle one is the tallest because it must also fill the central groove and fossa it crosses;
 * the crest stands about a third of the cusp relief below the cusp tips [A].
 */
const OBLIQUE_RIDGE: readonly OcclusalBump[] = [
  bump(0.15, -0.22, 0.45, 0.16),
  bump(-0.05, 0, 1.0, 0.16),
  bump(-0.25, 0.22, 0.45, 0.16),
];

/**
 * Enamel thickness (mm). Cusps 2.0–3.0, "up to 2.5 mm" on molar cusps; axial walls 1–1.3; proximal ≈1.25 on
 * premolars and molars; incisors average 0.60–0.84 (dental-domain.md 1.3 [V]). The occlusal-base and incisal
 * values between those are [A].
 */
const ENAMEL = {
  incisor: { axial: 0.7, occlusal: 1.0, cusp: 1.0 },
  canine: { axial: 0.9, occlusal: 1.2, cusp: 2.0 },
  premolar: { axial: 1.1, occlusal: 1.3, cusp: 2.0 },
  molar: { axial: 1.25, occlusal: 1.5, cusp: 2.5 },
} as const;

/**
 * Pulp ceiling over the facial CEJ as a fraction of crown length. Molars: cusp tip to pulp ceiling 6.24 mm
 * (maxillary) / 6.36 (mandibular) on crowns of about 7.5 mm puts the ceiling at 0.16 of the crown, i.e. near the
 * CEJ as in 97–98 % of molars (Deutsch & Musikant 2004, dental-domain.md 1.3 [V]). Other groups [A].
 */
const PULP_CEILING = { incisor: 0.4, canine: 0.4, premolar: 0.3, molar: 0.16 } as const;

/** Posterior marginal ridges and the central fossa (dental-domain.md names them; sizes [A]). */
const POSTERIOR_RELIEF: readonly OcclusalBump[] = [
  bump(0.82, 0, 0.45, 0.12, 0.45), // mesial marginal ridge
  bump(-0.82, 0, 0.45, 0.12, 0.45), // distal marginal ridge
  bump(0, 0, -0.35, 0.35, 0.12), // central groove along the mesiodistal axis
  bump(0, 0, -0.2, 0.25, 0.25), // central fossa
];

/** Shape options of one posterior type beyond its cusps and roots. */
interface PosteriorOptions {
  /** Extra occlusal relief (the maxillary molars' oblique ridge). */
  relief?: readonly OcclusalBump[];
  lingualConvergence?: number;
  occlusalTable?: readonly [number, number];
}

function posterior(
  group: "premolar" | "molar",
  cusps: readonly OcclusalBump[],
  roots: readonly RootLobe[],
  hornHeight: number,
  options: PosteriorOptions = {},
): ToothMorphology {
  return {
    group,
    cusps,
    relief: [...POSTERIOR_RELIEF, ...(options.relief ?? [])],
    cuspRelief: 2.0, // [A]
    crownExponent: group === "molar" ? 2.8 : 2.4, // [A] molars boxier in cross-section
    contactLevel: group === "molar" ? 0.62 : 0.68, // [A] contacts at the occlusal/middle third junction [T]
    contourLevel: 0.3, // [A] facial height of contour in the cervical third [T]
    // [A] occlusal table ≈ 55–65 % of the buccolingual crown width
    occlusalTable: options.occlusalTable ?? (group === "molar" ? [0.86, 0.66] : [0.72, 0.62]),
    lingualConvergence: options.lingualConvergence ?? 0,
    lingual: null,
    roots,
    enamel: ENAMEL[group],
    pulp: { ceiling: PULP_CEILING[group], hornHeight, horns: cusps.map((c) => ({ ...c, x: 0.8 * c.x, y: 0.8 * c.y })) },
  };
}

/**
 * Maxillary premolars in occlusal view: buccolingually elongated, wider buccally than lingually, with the mesial
 * and distal outlines converging toward the lingual [T]. The lingual half is 15 % narrower mesiodistally [A], and
 * the occlusal outline keeps 70 % of the buccolingual width (cusp tips far apart buccolingually) [A].
 */
const UPPER_PREMOLAR: PosteriorOptions = { lingualConvergence: 0.15, occlusalTable: [0.72, 0.7] };

const INCISAL_EDGE: readonly OcclusalBump[] = [bump(0, 0, 1, 1.3, 1.0)];

/**
 * Lingual relief of the maxillary anterior teeth (lingual-relief.ts; shapes [T], sizes [A]). Incisors: a deep
 * fossa between clear marginal ridges. Canine: a shallower fossa split by the lingual ridge, over a larger
 * cingulum. The mandibular anterior teeth have a smooth, barely concave lingual surface [T] and get none.
 */
const UPPER_INCISOR_LINGUAL: LingualRelief = { fossa: 0.4, halfWidth: 1.05, marginalRidge: 0.15, cingulum: 0.15, lingualRidge: 0 };
const UPPER_CANINE_LINGUAL: LingualRelief = { fossa: 0.2, halfWidth: 0.95, marginalRidge: 0.15, cingulum: 0.25, lingualRidge: 0.12 };

function anterior(group: "incisor" | "canine", lingual: LingualRelief | null = null): ToothMorphology {
  const incisor = group === "incisor";
  return {
    group,
    // Incisors: one elongated bump makes the incisal edge with rounded mesial and distal corners; the canine has
    // one pointed cusp with mesial and distal cusp ridges sloping away (cusp counts [T]; shapes [A]).
    cusps: incisor ? INCISAL_EDGE : [bump(0, 0.05, 1, 0.7, 0.9)],
    relief: [],
    cuspRelief: incisor ? 0.6 : 2.2, // [A]
    crownExponent: incisor ? 2.3 : 2.2, // [A]
    contactLevel: incisor ? 0.8 : 0.7, // [A] contacts in the incisal third [T]
    contourLevel: 0.3, // [A] cervical third [T]
    occlusalTable: incisor ? [0.92, 0.14] : [0.55, 0.35], // [A] the incisal edge is about 1 mm thick
    lingualConvergence: 0,
    lingual,
    roots: SINGLE,
    enamel: ENAMEL[group],
    pulp: {
      ceiling: PULP_CEILING[group],
      hornHeight: incisor ? 0.6 : 0.9, // [A]
      // Maxillary central incisor: 3 pulp horns (Wheeler App. B, dental-domain.md 1.3 [V]); canine one [A].
      horns: incisor ? [bump(-0.55, 0, 1, 0.2, 0.6), bump(0, 0, 1, 0.2, 0.6), bump(0.55, 0, 1, 0.2, 0.6)] : [bump(0, 0, 1, 0.5, 0.6)],
    },
  };
}

/** Mamelons: three low bumps on the incisal edge of young incisors (optional, [T] shape, sizes [A]). */
export const MAMELONS: readonly OcclusalBump[] = [bump(-0.55, 0, 0.35, 0.18, 0.8), bump(0, 0, 0.35, 0.18, 0.8), bump(0.55, 0, 0.35, 0.18, 0.8)];

/** Cusp counts [T]: premolars 2 (mandibular second premolar 3, its common three-cusp form), maxillary molars 4
 * (third molar 3), mandibular first molar 5, second and third 4. Positions and heights [A]. */
const MORPHOLOGY: Readonly<Record<Arch, Readonly<Record<ToothType, ToothMorphology>>>> = {
  upper: {
    central_incisor: anterior("incisor", UPPER_INCISOR_LINGUAL),
    lateral_incisor: anterior("incisor", UPPER_INCISOR_LINGUAL),
    canine: anterior("canine", UPPER_CANINE_LINGUAL),
    first_premolar: posterior("premolar", [bump(0, 0.45, 1, 0.55, 0.45), bump(0, -0.45, 0.8, 0.5, 0.42)], UPPER_PREMOLAR_TWO, 1.0, UPPER_PREMOLAR),
    second_premolar: posterior("premolar", [bump(0, 0.45, 1, 0.55, 0.45), bump(0, -0.45, 0.95, 0.55, 0.45)], SINGLE, 1.0, UPPER_PREMOLAR),
    first_molar: posterior(
      "molar",
      [bump(0.45, 0.45, 1), bump(-0.45, 0.45, 0.9), bump(0.35, -0.45, 1, 0.4, 0.34), bump(-0.5, -0.5, 0.6, 0.26)],
      UPPER_MOLAR,
      1.0,
      { relief: OBLIQUE_RIDGE },
    ),
    second_molar: posterior(
      "molar",
      [bump(0.45, 0.45, 1), bump(-0.45, 0.45, 0.8), bump(0.35, -0.45, 1, 0.4, 0.34), bump(-0.5, -0.5, 0.45, 0.24)],
      UPPER_MOLAR,
      1.0,
      { relief: OBLIQUE_RIDGE },
    ),
    // The three-cusped third molar keeps a short oblique ridge to its distobuccal cusp [A].
    third_molar: posterior("molar", [bump(0.4, 0.45, 1, 0.36), bump(-0.4, 0.45, 0.7, 0.3), bump(0.2, -0.45, 1, 0.42, 0.36)], UPPER_MOLAR, 0.9, {
      relief: OBLIQUE_RIDGE,
    }),
  },
  lower: {
    central_incisor: anterior("incisor"),
    lateral_incisor: anterior("incisor"),
    canine: anterior("canine"),
    first_premolar: posterior("premolar", [bump(0, 0.3, 1, 0.55, 0.45), bump(0, -0.55, 0.45, 0.35, 0.3)], SINGLE, 1.0),
    second_premolar: posterior(
      "premolar",
      [bump(0, 0.4, 1, 0.55, 0.42), bump(0.35, -0.45, 0.7, 0.32), bump(-0.35, -0.45, 0.6, 0.3)],
      SINGLE,
      1.0,
    ),
    first_molar: posterior(
      "molar",
      [bump(0.55, 0.45, 0.9, 0.28), bump(0, 0.5, 0.85, 0.28), bump(-0.6, 0.3, 0.6, 0.24), bump(0.45, -0.45, 1, 0.3), bump(-0.35, -0.45, 0.95, 0.3)],
      LOWER_MOLAR,
      1.0,
    ),
    second_molar: posterior(
      "molar",
      [bump(0.45, 0.45, 0.9), bump(-0.45, 0.45, 0.85), bump(0.45, -0.45, 1), bump(-0.45, -0.45, 0.95)],
      LOWER_MOLAR,
      1.0,
    ),
    third_molar: posterior(
      "molar",
      [bump(0.45, 0.45, 0.9), bump(-0.45, 0.45, 0.8), bump(0.45, -0.45, 1), bump(-0.45, -0.45, 0.9)],
      LOWER_MOLAR,
      0.9,
    ),
  },
};

/** Shape constants of a tooth type in an arch. */
export function morphologyOf(arch: Arch, type: ToothType): ToothMorphology {
  return MORPHOLOGY[arch][type];
}

/**
 * Molar pulp chamber (Deutsch & Musikant, J Endod 2004, dental-domain.md 1.3 [V]): chamber height 1.88 mm
 * (maxillary) / 1.57 (mandibular); chamber floor to furcation 3.05 / 2.96 mm.
 */
export const MOLAR_PULP = {
  upper: { chamberHeight: 1.88, floorToFurcation: 3.05 },
  lower: { chamberHeight: 1.57, floorToFurcation: 2.96 },
} as const;
