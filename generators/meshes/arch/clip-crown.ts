/**
 * Cuts a closed tooth mesh where it enters the gingiva, keeping the exposed part (the clinical crown of a scan)
 * with one clean boundary loop: the gingival margin, to which assemble-scan.ts stitches the gingiva.
 */
import type { TriMesh } from "../geometry/tri-mesh.js";

/** The part of a mesh above a level, and its boundary. */
export interface ClippedMesh {
  mesh: TriMesh;
  /**
   * The boundary loop, as vertex indices of `mesh` in the order the kept triangles run along it (counter-
   * clockwise seen from outside the kept part). The cut vertices, placed on the crossed edges, come last in
   * `mesh` and are exactly these.
   */
  margin: Uint32Array;
}

/**
 * Keeps the part of `mesh` where `level` > 0 (level given per vertex, e.g. height above the gingiva), cut along
 * the level's zero line: each edge that crosses it gets one new vertex (linear interpolation), and each crossed
 * triangle keeps its corner or its quad (split along the shorter diagonal).
 *
 * One loop, whatever the level looks like: the kept region is the connected part around the vertex of highest
 * level, plus anything it encloses (small dips below the level, e.g. where an interdental papilla touches a
 * crown, are kept rather than leaving holes); the dropped region is the connected part around the lowest vertex.
 * Both connected on a closed genus-0 mesh (a tooth), their common border is a single loop.
 *
 * A cut vertex is kept at least MIN_SHARE of its edge away from either end, so no kept triangle is a sliver of
 * zero area; it then lies up to that share of an edge off the zero line, which the stitched gingiva follows.
 *
 * Returns null when no vertex has a positive level. Throws on a mesh whose cut gives more than one loop (not a
 * closed genus-0 surface). Cost O(V + F).
 */
export function clipAbove(mesh: TriMesh, level: Float64Array): ClippedMesh | null {
  const p = mesh.positions;
  const idx = mesh.indices;
  const nv = p.length / 3;
  if (level.length !== nv) throw new RangeError(`clipAbove requires one level per vertex: ${level.length} for ${nv}`);
  let top = -1;
  let bottom = -1;
  for (let v = 0; v < nv; v++) {
    if (top < 0 || (level[v] as number) > (level[top] as number)) top = v;
    if (bottom < 0 || (level[v] as number) < (level[bottom] as number)) bottom = v;
  }
  if (top < 0 || !((level[top] as number) > 0)) return null;

  const { start, neighbours } = vertexNeighbours(idx, nv);
  // Region growing over edges: kept = all but the dropped component of the lowest vertex, where dropped grows
  // through the vertices outside the raised component of the highest vertex.
  const raised = flood(top, start, neighbours, nv, (v) => (level[v] as number) > 0);
  const kept = new Uint8Array(nv).fill(1);
  if ((level[bottom] as number) <= 0) {
    const dropped = flood(bottom, start, neighbours, nv, (v) => raised[v] === 0);
    for (let v = 0; v < nv; v++) if (dropped[v]) kept[v] = 0;
  }

  // Kept original vertices first, in their order; then one cut vertex per crossed edge, in triangle order.
  const remap = new Int32Array(nv).fill(-1);
  let next = 0;
  for (let v = 0; v < nv; v++) if (kept[v]) remap[v] = next++;
  const cutPositions: number[] = [];
  const cutOf = new Map<number, number>();
  const cut = (a: number, b: number): number => {
    // a kept, b dropped; keyed by the unordered pair so both triangles of the edge share the vertex.
    const key = a < b ? a * nv + b : b * nv + a;
    const known = cutOf.get(key);
    if (known !== undefined) return known;
    // Levels of region-grown vertices may have the "wrong" sign; they count as just across the line.
    const la = Math.max(level[a] as number, 0);
    const lb = Math.min(level[b] as number, 0);
    const raw = la - lb > 0 ? la / (la - lb) : 0.5;
    const t = Math.min(1 - MIN_SHARE, Math.max(MIN_SHARE, raw));
    const id = next + cutPositions.length / 3;
    for (let k = 0; k < 3; k++) cutPositions.push((p[3 * a + k] as number) + t * ((p[3 * b + k] as number) - (p[3 * a + k] as number)));
    cutOf.set(key, id);
    return id;
  };

  const out: number[] = [];
  const following = new Map<number, number>(); // boundary: cut vertex → the next one along the loop
  const length2 = (u: number, v: number) => {
    const pu = position(u), pv = position(v);
    return (pu[0] - pv[0]) ** 2 + (pu[1] - pv[1]) ** 2 + (pu[2] - pv[2]) ** 2;
  };
  const position = (v: number): [number, number, number] => {
    if (v < next) {
      // Kept original vertex: find it through the inverse of remap, cached below.
      const o = original[v] as number;
      return [p[3 * o] as number, p[3 * o + 1] as number, p[3 * o + 2] as number];
    }
    const c = 3 * (v - next);
    return [cutPositions[c] as number, cutPositions[c + 1] as number, cutPositions[c + 2] as number];
  };
  const original = new Int32Array(next);
  for (let v = 0; v < nv; v++) if (kept[v]) original[remap[v] as number] = v;

  for (let t = 0; t < idx.length; t += 3) {
    const tri = [idx[t] as number, idx[t + 1] as number, idx[t + 2] as number];
    const count = kept[tri[0]!]! + kept[tri[1]!]! + kept[tri[2]!]!;
    if (count === 0) continue;
    if (count === 3) {
      out.push(remap[tri[0]!]!, remap[tri[1]!]!, remap[tri[2]!]!);
      continue;
    }
    // Rotate so the odd corner (the one kept, or the one dropped) comes first; the winding is unchanged.
    const odd = count === 1 ? tri.findIndex((v) => kept[v]) : tri.findIndex((v) => !kept[v]);
    const a = tri[odd]!, b = tri[(odd + 1) % 3]!, c = tri[(odd + 2) % 3]!;
    if (count === 1) {
      const ab = cut(a, b), ac = cut(a, c);
      out.push(remap[a]!, ab, ac);
      following.set(ab, ac);
    } else {
      // a dropped, b and c kept: the quad b, c, ca, ab.
      const ca = cut(c, a), ab = cut(b, a);
      const B = remap[b]!, C = remap[c]!;
      if (length2(B, ca) <= length2(C, ab)) out.push(B, C, ca, B, ca, ab);
      else out.push(B, C, ab, C, ca, ab);
      following.set(ca, ab);
    }
  }

  const cuts = cutPositions.length / 3;
  const positions = new Float32Array(3 * (next + cuts));
  for (let v = 0; v < next; v++) positions.set(p.subarray(3 * (original[v] as number), 3 * (original[v] as number) + 3), 3 * v);
  positions.set(cutPositions, 3 * next);
  const margin = new Uint32Array(cuts);
  if (cuts > 0) {
    // Start at the first cut vertex made, so the loop's order is fixed by the triangle order.
    let v = next;
    for (let k = 0; k < cuts; k++) {
      margin[k] = v;
      const w = following.get(v);
      if (w === undefined) throw new RangeError("clipAbove requires a closed mesh: the cut line ends");
      v = w;
    }
    if (v !== next) throw new RangeError("clipAbove requires a closed genus-0 mesh: the cut gives several loops");
  }
  return { mesh: { positions, indices: Uint32Array.from(out) }, margin };
}

/** Share of an edge a cut vertex keeps from either end [A: 5 %, well above float32 resolution on 0.1 mm edges]. */
const MIN_SHARE = 0.05;

/** Vertex adjacency in CSR form, from the triangles' edges (each neighbour listed once per incident edge side). */
function vertexNeighbours(idx: Uint32Array, nv: number): { start: Uint32Array; neighbours: Uint32Array } {
  const start = new Uint32Array(nv + 1);
  for (let i = 0; i < idx.length; i++) start[(idx[i] as number) + 1] = (start[(idx[i] as number) + 1] as number) + 2;
  for (let v = 0; v < nv; v++) start[v + 1] = (start[v + 1] as number) + (start[v] as number);
  const fill = start.slice(0, nv);
  const neighbours = new Uint32Array(start[nv] as number);
  for (let t = 0; t < idx.length; t += 3) {
    for (let k = 0; k < 3; k++) {
      const u = idx[t + k] as number;
      const v = idx[t + ((k + 1) % 3)] as number;
      const w = idx[t + ((k + 2) % 3)] as number;
      neighbours[fill[u]!++] = v;
      neighbours[fill[u]!++] = w;
    }
  }
  return { start, neighbours };
}

/** Vertices reachable from `seed` through vertices that pass `inside` (seed included when it passes). */
function flood(seed: number, start: Uint32Array, neighbours: Uint32Array, nv: number, inside: (v: number) => boolean): Uint8Array {
  const mark = new Uint8Array(nv);
  if (!inside(seed)) return mark;
  const stack = [seed];
  mark[seed] = 1;
  while (stack.length > 0) {
    const v = stack.pop()!;
    for (let k = start[v] as number; k < (start[v + 1] as number); k++) {
      const w = neighbours[k] as number;
      if (!mark[w] && inside(w)) {
        mark[w] = 1;
        stack.push(w);
      }
    }
  }
  return mark;
}
