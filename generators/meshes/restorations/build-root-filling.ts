/**
 * Root-canal filling: gutta-percha in the pulp space of a root-canal-treated tooth (host pulp). The pulp's
 * surface is moved inward along its vertex normals by a little, never more than a fraction of the way to the
 * opposite wall (so thin canals and the apex shrink in proportion and the surface cannot fold through itself).
 *
 * Simplification: the whole pulp space is filled, chamber included; clinically the chamber holds a core or the
 * crown's build-up, often as radiopaque as gutta-percha.
 */
import type { TriMesh } from "../geometry/tri-mesh.js";
import type { MaterialVolume } from "../materials.js";
import { inscribedBall } from "../lesions/inscribed-ball.js";
import { buildChecked, type ShellGuard } from "../lesions/shell-guard.js";
import type { Vec3 } from "../lesions/vec3.js";
import type { ToothMeshes } from "../tooth/render-tooth.js";

/** Inset of the filling from the canal wall, mm, and the most of the local width it may take [A]: a well
 * condensed obturation fills the canal to its walls. */
const INSET = 0.04;
const MOST_OF_WIDTH = 0.25;

export function buildRootFilling(tooth: ToothMeshes, guard: ShellGuard): MaterialVolume {
  const pulp = tooth.pulp;
  const normals = vertexNormals(pulp);
  const width = inwardWidths(pulp, normals);
  const shrink = (margin: number): TriMesh => {
    const p = pulp.positions;
    const positions = new Float32Array(p.length);
    for (let v = 0; v < p.length / 3; v++) {
      const h = Math.min(INSET * margin, MOST_OF_WIDTH * (width[v] as number));
      for (let k = 0; k < 3; k++) positions[3 * v + k] = (p[3 * v + k] as number) - h * (normals[3 * v + k] as number);
    }
    return { positions, indices: pulp.indices };
  };
  // Fallback: a small solid near the top of the chamber, on the axis below the pulp's top pole.
  const top: Vec3 = [pulp.positions[0] as number, pulp.positions[1] as number, (pulp.positions[2] as number) - 0.3];
  const mesh = buildChecked(guard, "pulp", shrink, () => inscribedBall(top, [pulp]), `root filling of ${tooth.fdi}`);
  return { mesh, material: "gutta_percha", host: "pulp", role: "restoration:root_filling", fdi: tooth.fdi };
}

/** Area-weighted outward unit normals per vertex. */
function vertexNormals(mesh: TriMesh): Float64Array {
  const p = mesh.positions;
  const idx = mesh.indices;
  const n = new Float64Array(p.length);
  for (let t = 0; t < idx.length; t += 3) {
    const a = 3 * (idx[t] as number), b = 3 * (idx[t + 1] as number), c = 3 * (idx[t + 2] as number);
    const ux = (p[b] as number) - (p[a] as number), uy = (p[b + 1] as number) - (p[a + 1] as number), uz = (p[b + 2] as number) - (p[a + 2] as number);
    const vx = (p[c] as number) - (p[a] as number), vy = (p[c + 1] as number) - (p[a + 1] as number), vz = (p[c + 2] as number) - (p[a + 2] as number);
    const nx = uy * vz - uz * vy, ny = uz * vx - ux * vz, nz = ux * vy - uy * vx;
    for (const i of [a, b, c]) {
      n[i] = (n[i] as number) + nx;
      n[i + 1] = (n[i + 1] as number) + ny;
      n[i + 2] = (n[i + 2] as number) + nz;
    }
  }
  for (let i = 0; i < n.length; i += 3) {
    const l = Math.hypot(n[i] as number, n[i + 1] as number, n[i + 2] as number) || 1;
    n[i] = (n[i] as number) / l;
    n[i + 1] = (n[i + 1] as number) / l;
    n[i + 2] = (n[i + 2] as number) / l;
  }
  return n;
}

/** Distance from each vertex along its inward normal to the mesh's opposite wall (Möller–Trumbore, all
 * triangles: a pulp has about 2,000). */
function inwardWidths(mesh: TriMesh, normals: Float64Array): Float64Array {
  const p = mesh.positions;
  const idx = mesh.indices;
  const out = new Float64Array(p.length / 3).fill(Infinity);
  for (let v = 0; v < out.length; v++) {
    const ox = p[3 * v] as number, oy = p[3 * v + 1] as number, oz = p[3 * v + 2] as number;
    const dx = -(normals[3 * v] as number), dy = -(normals[3 * v + 1] as number), dz = -(normals[3 * v + 2] as number);
    let best = Infinity;
    for (let t = 0; t < idx.length; t += 3) {
      const a = idx[t] as number, b = idx[t + 1] as number, c = idx[t + 2] as number;
      if (a === v || b === v || c === v) continue;
      const ax = p[3 * a] as number, ay = p[3 * a + 1] as number, az = p[3 * a + 2] as number;
      const e1x = (p[3 * b] as number) - ax, e1y = (p[3 * b + 1] as number) - ay, e1z = (p[3 * b + 2] as number) - az;
      const e2x = (p[3 * c] as number) - ax, e2y = (p[3 * c + 1] as number) - ay, e2z = (p[3 * c + 2] as number) - az;
      const px = dy * e2z - dz * e2y, py = dz * e2x - dx * e2z, pz = dx * e2y - dy * e2x;
      const det = e1x * px + e1y * py + e1z * pz;
      if (Math.abs(det) < 1e-12) continue;
      const inv = 1 / det;
      const sx = ox - ax, sy = oy - ay, sz = oz - az;
      const u = (sx * px + sy * py + sz * pz) * inv;
      if (u < 0 || u > 1) continue;
      const qx = sy * e1z - sz * e1y, qy = sz * e1x - sx * e1z, qz = sx * e1y - sy * e1x;
      const w = (dx * qx + dy * qy + dz * qz) * inv;
      if (w < 0 || u + w > 1) continue;
      const dist = (e2x * qx + e2y * qy + e2z * qz) * inv;
      if (dist > 1e-6 && dist < best) best = dist;
    }
    out[v] = best === Infinity ? 0 : best;
  }
  return out;
}
