/**
 * The lingual surface of maxillary incisors and canines: a concave lingual fossa between a mesial and a distal
 * marginal ridge, over a convex cingulum in the cervical third, and on canines a lingual ridge from the cusp tip
 * to the cingulum that splits the fossa in two (shapes [T], e.g. Nelson, Wheeler's Dental Anatomy, ch. 6–7).
 *
 * Why a change of the section radius: every layer's wall is a graph r(z) in the half-plane at θ (tooth-shape.ts),
 * so any positive radius that depends on (θ, z) keeps each meridian profile simple, and the dentin, moved inward
 * from this radius by the enamel thickness, follows the fossa as the real DEJ does. The relief lies on the
 * lingual face only (|φ| < 1.4 half-widths), so the mesial and distal contact areas and the crown's mesiodistal
 * width are untouched.
 */
import { angleBetween } from "./angle-between.js";

/** The lingual relief of one tooth type. Heights and depths are [A]: chosen so the fossa is about 0.4–0.7 mm
 * below the marginal ridges at mid-crown on a mean upper central incisor (shovel-shaped incisors go deeper). */
export interface LingualRelief {
  /** Depth of the fossa at its centre, as a fraction of the section radius there. */
  fossa: number;
  /** Half-width of the lingual face, radians from the lingual direction; the marginal ridges stand at its edges. */
  halfWidth: number;
  /** Height of each marginal ridge, mm. */
  marginalRidge: number;
  /** Height of the cingulum, mm. Kept small: it is the lingual height of contour, which Wheeler's BL width
   * already measures, so a large bump would widen the crown beyond the table. */
  cingulum: number;
  /** Height of a central lingual ridge (canines; 0 on incisors), as a fraction of the section radius. */
  lingualRidge: number;
}

const LINGUAL = (3 * Math.PI) / 2;
/** The fossa spans 30–92 % of the crown height: above the cingulum, below the incisal edge [A]. */
const FOSSA_FROM = 0.3;
const FOSSA_TO = 0.92;
/** The cingulum is centred at 22 % of the crown height, in the cervical third [T position; A value]. */
const CINGULUM_AT = 0.22;
const CINGULUM_HEIGHT_SPREAD = 0.1;

const gauss = (t: number) => Math.exp(-t * t);

/** Vertical window of the fossa and ridges: 0 at both ends of their span, 1 in the middle. */
function fossaWindow(zFraction: number): number {
  const t = (zFraction - FOSSA_FROM) / (FOSSA_TO - FOSSA_FROM);
  return t <= 0 || t >= 1 ? 0 : Math.sin(Math.PI * t) ** 2;
}

/**
 * The section radius at angle θ and relative crown height zFraction (z / crown length) after carving the lingual
 * relief into the plain outline radius r. Returns r unchanged away from the lingual face.
 */
export function withLingualRelief(relief: LingualRelief, theta: number, zFraction: number, r: number): number {
  const phi = Math.abs(angleBetween(theta, LINGUAL));
  const h = relief.halfWidth;
  if (phi >= 1.4 * h) return r;
  const window = fossaWindow(zFraction);
  const across = phi < h ? (1 - (phi / h) ** 2) ** 2 : 0;
  const relative = 1 - relief.fossa * across * window + relief.lingualRidge * gauss(phi / (0.18 * h)) * window;
  const ridges = relief.marginalRidge * gauss((phi - h) / (0.22 * h)) * window;
  const cingulum = relief.cingulum * gauss(phi / (0.55 * h)) * gauss((zFraction - CINGULUM_AT) / CINGULUM_HEIGHT_SPREAD);
  return r * relative + ridges + cingulum;
}
