/**
 * Where the tube, the patient and the sensor stand for one intra-oral radiograph, drawn per image.
 *
 * Geometry (paralleling technique, dental-domain.md 2.1): the sensor sits lingual to the teeth, parallel to
 * them, and the beam is perpendicular to the sensor. For a bitewing the beam is aimed through the contacts of
 * the premolars and first molars with a slight downward tilt; for a periapical it is perpendicular to the
 * target teeth's long axes. The beam is treated as parallel: at a 30-40 cm source-to-sensor distance and 1-2 cm
 * object-to-sensor distance the magnification (1.03-1.11, projection/magnification.ts) varies by under 2 %
 * across a tooth [U: standard paralleling geometry], which we fold into the pixel size.
 *
 * Image orientation follows labial mounting (the image is seen from the tube side, patient's right on the
 * viewer's left): u = d × up, v = d × u (image rows downward), d = u × v.
 */
import type { Rng } from "../../../core/rng.js";
import type { RadiographView } from "../config.js";
import { sampleMagnification } from "../projection/magnification.js";

export type Vec3 = [number, number, number];

/** A parallel-beam view: the image plane is the sensor; pixel (i, j)'s ray ends at origin + (i+½)p·u + (j+½)p·v. */
export interface ViewFrame {
  origin: Vec3;
  u: Vec3;
  v: Vec3;
  /** Beam direction, source → sensor. */
  d: Vec3;
  /** Pixel size at the object, mm (sensor pixel pitch divided by the magnification). */
  pixelSize: number;
  width: number;
  height: number;
}

/** ISO 3665 intra-oral film sizes, mm [T: dental-domain.md 2.1]: #1 24×40 (anterior), #2 31×41 (posterior, bitewing). */
export const SENSORS = {
  anterior: [{ name: "film #1", long: 40, short: 24 }, { name: "CMOS size 1", long: 30, short: 20 }],
  posterior: [{ name: "film #2", long: 41, short: 31 }, { name: "CMOS size 2", long: 36, short: 26 }],
} as const;
// CMOS active areas: size 2 about 26×36 mm (vendor range 25-27 × 34-37) [U: dental-domain.md 2.1]; size 1
// about 20×30 mm [U].

/** Bitewing vertical angulation: +5° to +10° (beam tilted down toward the occlusal plane) [T: horizontal bitewing technique]. */
export const BITEWING_TILT_DEG: readonly [number, number] = [5, 10];
/** SD of the horizontal aiming error, degrees [U]: deviations up to 7.5° are common and change the apparent lesion depth (dental-domain.md 2.3). */
export const HORIZONTAL_ERROR_SD_DEG = 3;
/** SD of the vertical aiming error of a periapical, degrees [U]. */
export const VERTICAL_ERROR_SD_DEG = 3;
/** SD of the sensor's placement error along the arch and vertically, mm [U]. */
export const PLACEMENT_SD_MM = 1.5;
/** Distance from the target teeth's axes to the sensor, along the beam, mm [U: sensor held 5-10 mm lingual in a holder]. */
export const SENSOR_DISTANCE: readonly [number, number] = [7, 12];

export interface AimPoint {
  /** Point the central ray passes through (head frame). */
  target: Vec3;
  /** Unit vector from the arch toward the cheek/lips at the target, horizontal. */
  buccal: Vec3;
  /** Unit long-axis direction of the target teeth toward the crowns (periapical paralleling); unused for bitewings. */
  axis?: Vec3;
}

export interface DrawnView {
  frame: ViewFrame;
  /** What was drawn, for the manifest and DICOM: angles in degrees, sensor, magnification. */
  geometry: { sensor: string; verticalDeg: number; horizontalDeg: number; magnification: number };
}

const DEG = Math.PI / 180;
const cross = (a: Vec3, b: Vec3): Vec3 => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
const norm = (a: Vec3): Vec3 => {
  const l = Math.hypot(a[0], a[1], a[2]);
  return [a[0] / l, a[1] / l, a[2] / l];
};

/**
 * Draws the view of one image: sensor, angulation errors, placement and magnification.
 * `anterior` picks the narrower sensor, held upright: the teeth are long and narrow, so anterior periapicals
 * are portrait images (the config's width and height swapped), as real anterior periapicals are [T]. Otherwise
 * the sensor is held landscape and the image's width spans its long side.
 */
export function drawView(view: RadiographView, aim: AimPoint, size: { width: number; height: number }, anterior: boolean, rng: Rng): DrawnView {
  const sensors = anterior ? SENSORS.anterior : SENSORS.posterior;
  const sensor = sensors[rng.int(sensors.length)]!;
  const magnification = sampleMagnification(rng.fork("magnification")).magnification;
  const portrait = anterior && view === "periapical";
  const image = portrait ? { width: size.height, height: size.width } : size;
  const horizontal = rng.normal(0, HORIZONTAL_ERROR_SD_DEG);
  // Horizontal: rotate the inward (lingual) direction about z by the aiming error.
  const inward: Vec3 = norm([-aim.buccal[0], -aim.buccal[1], 0]);
  const c = Math.cos(horizontal * DEG);
  const s = Math.sin(horizontal * DEG);
  const flat: Vec3 = [inward[0] * c - inward[1] * s, inward[0] * s + inward[1] * c, 0];
  let vertical: number;
  if (view === "bitewing") {
    vertical = rng.uniform(BITEWING_TILT_DEG[0], BITEWING_TILT_DEG[1]);
  } else {
    // Paralleling: perpendicular to the long axis. The axis's tilt out of the vertical, seen along the beam,
    // sets the beam's tilt; then the aiming error.
    const axis = aim.axis ?? [0, 0, 1];
    const along = axis[0] * flat[0] + axis[1] * flat[1];
    const tilt = Math.atan2(along, Math.abs(axis[2])) / DEG; // axis leaning toward the beam direction
    const sign = axis[2] >= 0 ? 1 : -1; // lower teeth point up (+z), upper teeth down
    vertical = sign * tilt + rng.normal(0, VERTICAL_ERROR_SD_DEG);
  }
  // A positive vertical angle points the beam downward.
  const d = norm([flat[0] * Math.cos(vertical * DEG), flat[1] * Math.cos(vertical * DEG), -Math.sin(vertical * DEG)]);
  const u = norm(cross(d, [0, 0, 1]));
  const v = cross(d, u);
  const pixelSize = sensor.long / Math.max(image.width, image.height) / magnification;
  const along = rng.normal(0, PLACEMENT_SD_MM);
  const up = rng.normal(0, PLACEMENT_SD_MM);
  const distance = rng.uniform(SENSOR_DISTANCE[0], SENSOR_DISTANCE[1]);
  const centre: Vec3 = [0, 1, 2].map((k) => aim.target[k]! + distance * d[k]! + along * u[k]! + up * v[k]!) as Vec3;
  const origin: Vec3 = [0, 1, 2].map((k) => centre[k]! - (image.width / 2) * pixelSize * u[k]! - (image.height / 2) * pixelSize * v[k]!) as Vec3;
  return {
    frame: { origin, u, v, d, pixelSize, width: image.width, height: image.height },
    geometry: { sensor: sensor.name, verticalDeg: vertical, horizontalDeg: horizontal, magnification },
  };
}
