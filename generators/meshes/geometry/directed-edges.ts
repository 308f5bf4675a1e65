/**
 * The directed edges (face sides a→b, b→c, c→a) of a mesh grouped by start vertex, in compressed rows: edges
 * from u end at to[start[u] .. start[u + 1]). Edge checks then count an edge and its reverse by scanning two
 * short rows (a vertex has about six neighbours) instead of hashing vertex-pair keys, which made the topology
 * checks of the shell guard (run on every candidate volume) several times slower.
 */
export class DirectedEdges {
  readonly start: Uint32Array;
  readonly to: Uint32Array;

  /** @param keep which faces to include (by face number); all when omitted */
  constructor(indices: Uint32Array, keep?: (face: number) => boolean) {
    // One row per vertex up to the largest index (unused vertices have empty rows).
    let rows = 0;
    for (let i = 0; i < indices.length; i++) if ((indices[i] as number) >= rows) rows = (indices[i] as number) + 1;
    const start = new Uint32Array(rows + 1);
    const f = Math.floor(indices.length / 3);
    for (let t = 0; t < f; t++) {
      if (keep && !keep(t)) continue;
      for (let k = 0; k < 3; k++) {
        const u = indices[3 * t + k] as number;
        start[u + 1] = (start[u + 1] as number) + 1;
      }
    }
    for (let u = 0; u < rows; u++) start[u + 1] = (start[u + 1] as number) + (start[u] as number);
    const to = new Uint32Array(start[rows] as number);
    const fill = start.slice(0, rows);
    for (let t = 0; t < f; t++) {
      if (keep && !keep(t)) continue;
      for (let k = 0; k < 3; k++) {
        const u = indices[3 * t + k] as number;
        to[fill[u] as number] = indices[3 * t + ((k + 1) % 3)] as number;
        fill[u] = (fill[u] as number) + 1;
      }
    }
    this.start = start;
    this.to = to;
  }

  /** Number of rows: the largest vertex index + 1. */
  get rows(): number {
    return this.start.length - 1;
  }

  /** How many times the edge u→v occurs. */
  count(u: number, v: number): number {
    let n = 0;
    for (let i = this.start[u] as number, end = this.start[u + 1] as number; i < end; i++) if (this.to[i] === v) n++;
    return n;
  }

  /** Whether slot i (an edge from u) is the first slot of u's row with its end vertex: visit each edge once. */
  firstInRow(u: number, i: number): boolean {
    const v = this.to[i];
    for (let k = this.start[u] as number; k < i; k++) if (this.to[k] === v) return false;
    return true;
  }
}
