/**
 * The last resort of a volume builder: a small octahedron around a point, well inside the ball that touches the
 * nearest surface, so it lies strictly inside its host whatever the tooth's facets do. A lesion then keeps a
 * (smaller) volume at its charted place rather than none: every charted lesion has its volume.
 */
import type { TriMesh } from "../geometry/tri-mesh.js";
import { closestPointOnSurface } from "./closest-point.js";
import type { Vec3 } from "./vec3.js";

/** Fraction of the clearance used as the octahedron's radius [A]. */
const BALL_FRACTION = 0.45;

export function inscribedBall(centre: Vec3, surfaces: readonly TriMesh[]): TriMesh {
  let clearance = Infinity;
  for (const s of surfaces) clearance = Math.min(clearance, closestPointOnSurface(s, centre).distance);
  const r = BALL_FRACTION * clearance;
  const [x, y, z] = centre;
  const positions = Float32Array.from([x + r, y, z, x - r, y, z, x, y + r, z, x, y - r, z, x, y, z + r, x, y, z - r]);
  // +x 0, −x 1, +y 2, −y 3, +z 4, −z 5; each face counter-clockwise seen from outside.
  const indices = Uint32Array.from([0, 2, 4, 2, 1, 4, 1, 3, 4, 3, 0, 4, 2, 0, 5, 1, 2, 5, 3, 1, 5, 0, 3, 5]);
  return { positions, indices };
}
