/**
 * The intraoral scan surface: the gingiva plus each crown's part above it, merged into one triangle mesh with a
 * per-vertex FDI label (0 = gingiva) and instance id (1..k per tooth in FDI order, 0 = gingiva), as in
 * Teeth3DS (dental-domain.md 4.1). Gingiva vertices come first, then the teeth in FDI order.
 */
import type { Arch, Fdi } from "../../patient/types.js";
import type { TriMesh } from "../geometry/tri-mesh.js";
import { compact, type Gingiva } from "./gingiva.js";
import type { ArchPlacement } from "./place-teeth.js";

export interface ArchScan {
  jaw: Arch;
  mesh: TriMesh;
  /** FDI number per vertex, 0 on the gingiva. */
  labels: Uint8Array;
  /** Tooth instance per vertex: i + 1 for `instanceFdi[i]`, 0 on the gingiva. */
  instances: Uint8Array;
  /** FDI number of each instance, in instance order. */
  instanceFdi: Fdi[];
}

/**
 * Merges the gingiva and the crowns' exposed parts. A crown triangle is kept when its three vertices stand
 * above the gingiva surface (the part below is covered, as in a real scan); its cut edge meets the gingiva, whose
 * triangles inside the crown were removed by buildGingiva.
 */
export function assembleScan(placement: ArchPlacement, gingiva: Gingiva): ArchScan {
  const parts: { mesh: TriMesh; fdi: Fdi; instance: number }[] = [{ mesh: gingiva.mesh, fdi: 0, instance: 0 }];
  const instanceFdi: Fdi[] = [];
  for (const tooth of placement.teeth) {
    const p = tooth.mesh.positions;
    const above = new Uint8Array(p.length / 3);
    for (let v = 0; v < above.length; v++) {
      above[v] = (p[3 * v + 2] as number) > gingiva.surfaceZ(p[3 * v] as number, p[3 * v + 1] as number) ? 1 : 0;
    }
    const kept: number[] = [];
    const idx = tooth.mesh.indices;
    for (let t = 0; t < idx.length; t += 3) {
      if (above[idx[t] as number] && above[idx[t + 1] as number] && above[idx[t + 2] as number]) kept.push(t);
    }
    if (kept.length === 0) continue;
    instanceFdi.push(tooth.fdi);
    parts.push({ mesh: compact(tooth.mesh, kept), fdi: tooth.fdi, instance: instanceFdi.length });
  }
  let vertices = 0;
  let triangles = 0;
  for (const part of parts) {
    vertices += part.mesh.positions.length / 3;
    triangles += part.mesh.indices.length / 3;
  }
  const positions = new Float32Array(3 * vertices);
  const indices = new Uint32Array(3 * triangles);
  const labels = new Uint8Array(vertices);
  const instances = new Uint8Array(vertices);
  let v0 = 0;
  let t0 = 0;
  for (const part of parts) {
    const n = part.mesh.positions.length / 3;
    positions.set(part.mesh.positions, 3 * v0);
    for (let i = 0; i < part.mesh.indices.length; i++) indices[t0 + i] = (part.mesh.indices[i] as number) + v0;
    labels.fill(part.fdi, v0, v0 + n);
    instances.fill(part.instance, v0, v0 + n);
    v0 += n;
    t0 += part.mesh.indices.length;
  }
  return { jaw: placement.jaw, mesh: { positions, indices }, labels, instances, instanceFdi };
}
