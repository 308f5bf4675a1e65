import { DataError } from "../errors.js";

export type Vec3 = readonly [x: number, y: number, z: number];

/** How world points map to the (supersampled) image: `project` gives pixel x, y and a depth key. */
export interface Camera {
  /** Unit vector from the scene towards the camera (orthographic) or the camera position (perspective). */
  readonly toCamera: Vec3;
  readonly eye: Vec3 | null;
  readonly right: Vec3;
  readonly up: Vec3;
  /**
   * Writes [pixel x, pixel y, depth key] of world point (x, y, z) into `out`. The key is linear in screen space
   * (so it may be interpolated across a triangle) and larger means nearer: -distance for orthographic,
   * 1/distance for perspective.
   */
  project(x: number, y: number, z: number, out: Float64Array): void;
}

export interface CameraOptions {
  width: number;
  height: number;
  /** From the scene centre towards the camera. */
  direction: Vec3;
  /** Roughly up in the image; replaced by another axis when parallel to `direction`. */
  up: Vec3;
  projection: "perspective" | "orthographic";
  /** Full vertical-or-horizontal field of view (the narrower image side), degrees. */
  fovDegrees: number;
  /** Fraction of the image left empty on each side, in [0, 0.5). */
  padding: number;
}

/**
 * A camera that looks at the box [min, max] from `direction` and frames it tightly: the 8 box corners are
 * projected, and scale and image offset are chosen so their extent fills the image minus `padding` on the tighter
 * axis, centred. Everything inside the box projects inside the corners' extent (a projection maps the convex box
 * to a convex region), so nothing is cut off. For perspective the eye stands at r / sin(fov / 2) from the box
 * centre (r = half the box diagonal), so the whole box is in front of the eye and no near-plane clipping is needed.
 */
export function frameBox(min: Vec3, max: Vec3, options: CameraOptions): Camera {
  const toCamera = normalize(options.direction, "direction");
  const forward = scale(toCamera, -1);
  let right = cross(forward, options.up);
  if (length(right) < 1e-9 * length(options.up)) {
    // Looking along `up`: fall back to world z, then x, as the image's up.
    right = cross(forward, Math.abs(toCamera[2]) < 0.9 ? [0, 0, 1] : [1, 0, 0]);
  }
  right = normalize(right, "up");
  const up = cross(right, forward);
  const centre: Vec3 = [(min[0] + max[0]) / 2, (min[1] + max[1]) / 2, (min[2] + max[2]) / 2];
  const radius = Math.max(Math.hypot(max[0] - min[0], max[1] - min[1], max[2] - min[2]) / 2, 1e-6);
  const perspective = options.projection === "perspective";
  if (perspective && !(options.fovDegrees > 0 && options.fovDegrees < 180)) throw new DataError(`invalid fovDegrees: ${options.fovDegrees}`);
  if (!(options.padding >= 0 && options.padding < 0.5)) throw new DataError(`invalid padding: ${options.padding}`);
  const distance = perspective ? radius / Math.sin((options.fovDegrees * Math.PI) / 360) : 0;
  const eye: Vec3 | null = perspective ? add(centre, scale(toCamera, distance)) : null;

  // Normalised image-plane coordinates (before scaling to pixels) of a world point.
  const plane = (x: number, y: number, z: number, out: Float64Array) => {
    const dx = x - centre[0];
    const dy = y - centre[1];
    const dz = z - centre[2];
    const u = dx * right[0] + dy * right[1] + dz * right[2];
    const v = dx * up[0] + dy * up[1] + dz * up[2];
    const along = dx * forward[0] + dy * forward[1] + dz * forward[2]; // > 0: farther from the camera
    if (perspective) {
      const depth = distance + along;
      out[0] = u / depth;
      out[1] = v / depth;
      out[2] = 1 / depth;
    } else {
      out[0] = u;
      out[1] = v;
      out[2] = -along;
    }
  };

  const p = new Float64Array(3);
  let uMin = Infinity;
  let uMax = -Infinity;
  let vMin = Infinity;
  let vMax = -Infinity;
  for (let k = 0; k < 8; k++) {
    plane(k & 1 ? max[0] : min[0], k & 2 ? max[1] : min[1], k & 4 ? max[2] : min[2], p);
    uMin = Math.min(uMin, p[0]!);
    uMax = Math.max(uMax, p[0]!);
    vMin = Math.min(vMin, p[1]!);
    vMax = Math.max(vMax, p[1]!);
  }
  const usable = 1 - 2 * options.padding;
  const spanU = Math.max(uMax - uMin, 1e-12);
  const spanV = Math.max(vMax - vMin, 1e-12);
  const pixels = Math.min((options.width * usable) / spanU, (options.height * usable) / spanV);
  const uMid = (uMin + uMax) / 2;
  const vMid = (vMin + vMax) / 2;
  const cx = options.width / 2;
  const cy = options.height / 2;

  return {
    toCamera,
    eye,
    right,
    up,
    project(x, y, z, out) {
      plane(x, y, z, out);
      out[0] = cx + (out[0]! - uMid) * pixels;
      out[1] = cy - (out[1]! - vMid) * pixels; // image rows grow downwards
    },
  };
}

function normalize(v: Vec3, name: string): Vec3 {
  const l = length(v);
  if (!(l > 0) || !Number.isFinite(l)) throw new DataError(`invalid ${name}: ${JSON.stringify(v)}`);
  return [v[0] / l, v[1] / l, v[2] / l];
}

export function length(v: Vec3): number {
  return Math.hypot(v[0], v[1], v[2]);
}

export function cross(a: Vec3, b: Vec3): Vec3 {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}

function scale(v: Vec3, s: number): Vec3 {
  return [v[0] * s, v[1] * s, v[2] * s];
}

function add(a: Vec3, b: Vec3): Vec3 {
  return [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
}
