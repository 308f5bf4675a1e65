/**
 * The parallel-beam projection frame of one radiograph: which world point lands on which pixel, and how deep
 * along the beam it lies.
 *
 * Convention (shared with scene/view-geometry.ts, whose ViewFrame is a ParallelView without magnification):
 * - `origin` is the world point at the top-left corner of pixel (0, 0), on the image plane.
 * - `u` runs along image columns (x to the right), `v` along image rows (y downward); both unit, orthogonal.
 * - `d` is the beam direction, from the source toward the sensor; by default n = u × v, so (u, v, d) is
 *   right-handed and the image is seen from the tube side. An explicit `d` may be oblique to the image plane
 *   (foreshortening, bisecting-angle geometry) but must point into it: d · (u × v) > 0.
 * - A world point p projects along d onto the image plane at q = p − λ·d, where λ = ((p − o)·n) / (d·n) is its
 *   depth: the signed distance along the beam from the image plane (positive beyond the plane, toward the
 *   sensor). Its pixel coordinates are x = M·((q − o)·u)/s, y = M·((q − o)·v)/s, with s the sensor pixel pitch
 *   and M the magnification. Pixel (i, j) covers [i, i+1) × [j, j+1); its ray passes through the pixel centre
 *   (i + ½, j + ½).
 * - Magnification only scales the image (about `origin`); depths and chords stay in world millimetres, since
 *   attenuation depends on the true path length, not on its magnified shadow.
 */

/** A point or direction in world millimetres. */
export type Vec3 = readonly [x: number, y: number, z: number];

export interface ParallelView {
  /** World point at the top-left corner of pixel (0, 0), mm. */
  origin: Vec3;
  /** Unit vector along image columns (x, to the right). */
  u: Vec3;
  /** Unit vector along image rows (y, downward), orthogonal to `u`. */
  v: Vec3;
  /** Unit beam direction, source → sensor; defaults to u × v. */
  d?: Vec3;
  /** Sensor pixel pitch, mm. */
  pixelSize: number;
  width: number;
  height: number;
  /** Object-to-sensor magnification (see magnification.ts); 1 when the pixel size is already at the object. */
  magnification?: number;
}

/**
 * The affine maps of a view, precomputed for the rasteriser: for p − origin = w,
 * x = w·ax, y = w·ay (pixels), depth = w·az (mm along the beam).
 */
export interface ProjectionMaps {
  origin: Vec3;
  ax: Vec3;
  ay: Vec3;
  az: Vec3;
  width: number;
  height: number;
  /** Object-plane size of one pixel, mm (pixel pitch / magnification): a pixel's area at the object is its square. */
  objectPixelSize: number;
}

const ORTHO_TOLERANCE = 1e-6;
/** Beams closer than this cosine to grazing the image plane are refused: projection would blow up. */
const MIN_BEAM_COSINE = 1e-3;

const dot = (a: Vec3, b: Vec3) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const cross = (a: Vec3, b: Vec3): Vec3 => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];

/** The beam direction of a view: `d` normalised, or u × v. */
export function beamDirection(view: ParallelView): Vec3 {
  if (!view.d) return cross(view.u, view.v);
  const l = Math.hypot(view.d[0], view.d[1], view.d[2]);
  if (!(l > 0)) throw new RangeError(`invalid beam direction: ${view.d.join(", ")}`);
  return [view.d[0] / l, view.d[1] / l, view.d[2] / l];
}

/**
 * Checks a view and precomputes its projection. Throws a RangeError on a non-orthonormal (u, v), a beam that
 * does not point into the image plane, or a bad size, pixel pitch or magnification.
 */
export function projectionMaps(view: ParallelView): ProjectionMaps {
  const { u, v, pixelSize, width, height } = view;
  const magnification = view.magnification ?? 1;
  if (!(Number.isInteger(width) && Number.isInteger(height) && width > 0 && height > 0)) {
    throw new RangeError(`invalid image size: ${width}x${height}`);
  }
  if (!(pixelSize > 0) || !Number.isFinite(pixelSize)) throw new RangeError(`invalid pixel size: ${pixelSize}`);
  if (!(magnification > 0) || !Number.isFinite(magnification)) throw new RangeError(`invalid magnification: ${magnification}`);
  if (Math.abs(dot(u, u) - 1) > ORTHO_TOLERANCE || Math.abs(dot(v, v) - 1) > ORTHO_TOLERANCE || Math.abs(dot(u, v)) > ORTHO_TOLERANCE) {
    throw new RangeError(`view axes u and v must be orthonormal, got u=${u.join(", ")} v=${v.join(", ")}`);
  }
  const n = cross(u, v);
  const d = beamDirection(view);
  const dn = dot(d, n);
  if (!(dn > MIN_BEAM_COSINE)) throw new RangeError(`beam must point into the image plane (d·(u×v) > 0), got ${dn}`);
  // w = p − o splits as w = (q − o) + λd with λ = w·n / (d·n); (q − o)·u = w·u − λ(d·u) = w·(u − n(d·u)/(d·n)).
  const scale = magnification / pixelSize;
  const du = dot(d, u) / dn;
  const dv = dot(d, v) / dn;
  return {
    origin: view.origin,
    ax: [scale * (u[0] - n[0] * du), scale * (u[1] - n[1] * du), scale * (u[2] - n[2] * du)],
    ay: [scale * (v[0] - n[0] * dv), scale * (v[1] - n[1] * dv), scale * (v[2] - n[2] * dv)],
    az: [n[0] / dn, n[1] / dn, n[2] / dn],
    width,
    height,
    objectPixelSize: pixelSize / magnification,
  };
}

/**
 * Where a world point lands: pixel coordinates (x, y), continuous, pixel centres at half-integers, and its
 * depth along the beam, mm.
 */
export function projectPoint(view: ParallelView | ProjectionMaps, p: Vec3): { x: number; y: number; depth: number } {
  const m = "ax" in view ? view : projectionMaps(view);
  const w: Vec3 = [p[0] - m.origin[0], p[1] - m.origin[1], p[2] - m.origin[2]];
  return { x: dot(w, m.ax), y: dot(w, m.ay), depth: dot(w, m.az) };
}

/**
 * A view whose central ray passes through `centre`: the usual way to aim. The origin is set back along u and v
 * by half the image's object-plane extent, so `centre` lies on the image plane and projects to the image centre
 * (also for an oblique beam).
 */
export function centredView(options: {
  centre: Vec3;
  u: Vec3;
  v: Vec3;
  d?: Vec3;
  pixelSize: number;
  width: number;
  height: number;
  magnification?: number;
}): ParallelView {
  const { centre, u, v, pixelSize, width, height } = options;
  const magnification = options.magnification ?? 1;
  const half = (n: number) => (n / 2) * (pixelSize / magnification);
  const origin: Vec3 = [
    centre[0] - half(width) * u[0] - half(height) * v[0],
    centre[1] - half(width) * u[1] - half(height) * v[1],
    centre[2] - half(width) * u[2] - half(height) * v[2],
  ];
  return {
    origin,
    u,
    v,
    ...(options.d === undefined ? {} : { d: options.d }),
    pixelSize,
    width,
    height,
    magnification,
  };
}
