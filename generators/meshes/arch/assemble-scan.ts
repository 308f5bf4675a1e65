/**
 * The intraoral scan surface: the gingiva plus each crown's part above it, joined into one open triangle mesh
 * with a per-vertex FDI label (0 = gingiva) and instance id (1..k per tooth in FDI order, 0 = gingiva), as in
 * Teeth3DS (dental-domain.md 4.1). Gingiva vertices come first, then the teeth in FDI order.
 *
 * Like a real scan, the surface has no slits at the gum line: each crown is cut along its intersection with the
 * gingiva (clip-crown.ts) and the gingiva gets a matching hole stitched to the cut (stitch-gingiva.ts), so every
 * edge lies in at most two triangles and the only boundary is the band's outer border (one loop: the horseshoe's
 * lingual foot, distal end, buccal foot and other distal end).
 *
 * Labels on the seam: the vertices shared by a crown and the gingiva are the crown's cut vertices, and they take
 * the crown's label. Every crown triangle then has all three corners labelled with its tooth, so a tooth's labelled
 * vertices are exactly its visible crown, cervical line included, and the gingiva's first row of triangles carries
 * the label change, as in Teeth3DS, where the per-vertex labels change across one row of triangles at the margin.
 */
import type { Arch, Fdi } from "../../patient/types.js";
import type { TriMesh } from "../geometry/tri-mesh.js";
import { clipAbove } from "./clip-crown.js";
import type { Gingiva } from "./gingiva.js";
import type { ArchPlacement } from "./place-teeth.js";
import { stitchGingiva, type MarginLoop } from "./stitch-gingiva.js";

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
 * Cuts each crown at the gingiva surface (the part below is covered, as in a real scan), cuts the matching holes
 * into the gingiva band, stitches them together and labels the vertices. Cost: about linear in the crowns'
 * vertices (each is located on the arch once) plus the band's grid.
 */
export function assembleScan(placement: ArchPlacement, gingiva: Gingiva): ArchScan {
  const caps: { mesh: TriMesh; margin: Uint32Array; fdi: Fdi }[] = [];
  for (const tooth of placement.teeth) {
    const p = tooth.mesh.positions;
    const level = new Float64Array(p.length / 3);
    for (let v = 0; v < level.length; v++) level[v] = (p[3 * v + 2] as number) - gingiva.cutZ(p[3 * v] as number, p[3 * v + 1] as number);
    const clipped = clipAbove(tooth.mesh, level);
    if (clipped !== null) caps.push({ ...clipped, fdi: tooth.fdi });
  }

  // The margins in the band's plane; a crown entirely above the gingiva (no margin) stays a closed shell.
  const loops: MarginLoop[] = [];
  for (const cap of caps) {
    if (cap.margin.length === 0) continue;
    const s = new Float64Array(cap.margin.length);
    const n = new Float64Array(cap.margin.length);
    const q = cap.mesh.positions;
    cap.margin.forEach((v, k) => {
      const at = gingiva.locate(q[3 * v] as number, q[3 * v + 1] as number);
      s[k] = at.s;
      n[k] = at.n;
    });
    loops.push({ s, n });
  }
  const gum = stitchGingiva(gingiva.sheet, loops);

  // Final vertex order: the band's grid vertices in use, then each crown's vertices.
  const band = gingiva.mesh.positions;
  const gridCount = band.length / 3;
  const gridIndex = new Int32Array(gridCount).fill(-1);
  for (const v of gum) if (v < gridCount) gridIndex[v] = 0;
  let vertices = 0;
  for (let v = 0; v < gridCount; v++) if (gridIndex[v] === 0) gridIndex[v] = vertices++;
  const gingivaVertices = vertices;
  const capStart: number[] = [];
  for (const cap of caps) {
    capStart.push(vertices);
    vertices += cap.mesh.positions.length / 3;
  }
  // Stitch ids of loop vertices (gridCount + running index over the loops) → final vertex.
  const loopVertex: number[] = [];
  caps.forEach((cap, c) => {
    for (const v of cap.margin) loopVertex.push(capStart[c]! + v);
  });

  let triangles = gum.length;
  for (const cap of caps) triangles += cap.mesh.indices.length;
  const positions = new Float32Array(3 * vertices);
  const indices = new Uint32Array(triangles);
  const labels = new Uint8Array(vertices);
  const instances = new Uint8Array(vertices);
  const instanceFdi: Fdi[] = [];
  for (let v = 0; v < gridCount; v++) {
    const r = gridIndex[v] as number;
    if (r >= 0) positions.set(band.subarray(3 * v, 3 * v + 3), 3 * r);
  }
  for (let k = 0; k < gum.length; k++) {
    const v = gum[k] as number;
    indices[k] = v < gridCount ? (gridIndex[v] as number) : (loopVertex[v - gridCount] as number);
  }
  let t0 = gum.length;
  caps.forEach((cap, c) => {
    const v0 = capStart[c]!;
    const n = cap.mesh.positions.length / 3;
    positions.set(cap.mesh.positions, 3 * v0);
    for (let i = 0; i < cap.mesh.indices.length; i++) indices[t0 + i] = (cap.mesh.indices[i] as number) + v0;
    t0 += cap.mesh.indices.length;
    instanceFdi.push(cap.fdi);
    labels.fill(cap.fdi, v0, v0 + n);
    instances.fill(instanceFdi.length, v0, v0 + n);
  });
  labels.fill(0, 0, gingivaVertices);
  return { jaw: placement.jaw, mesh: { positions, indices }, labels, instances, instanceFdi };
}
