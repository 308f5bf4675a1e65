/**
 * Ramer-Douglas-Peucker simplification of a closed polygon given as flat [x1, y1, ...]: drops vertices that lie
 * within `tolerance` of the simplified outline (Douglas & Peucker 1973, Cartographica 10(2):112-122). For a closed
 * ring the first vertex and the vertex farthest from it anchor two chains, each simplified on its own, so the
 * result does not depend on a chord through the inside. Every dropped vertex lies within `tolerance` of the
 * result, so at 0.5 px the outline moves by at most half a pixel: collinear runs and the steps of shallow slopes
 * (a 1-px step in a run of k px lies 1/sqrt(1 + k^2) px off the chord) go, a single pixel keeps its four corners
 * (0.71 px off its diagonal). Never returns fewer than 3 vertices: if the chains collapse, the input is
 * returned as it is. Deterministic (ties keep the first farthest vertex). Cost O(n log n) typical, O(n^2) worst.
 */
export function simplifyClosedPolygon(points: readonly number[], tolerance: number): number[] {
  const n = points.length / 2;
  if (n <= 3 || tolerance <= 0) return points.slice();
  const x = (k: number): number => points[2 * (k % n)] as number;
  const y = (k: number): number => points[2 * (k % n) + 1] as number;
  let far = 0;
  let farDistance = -1;
  for (let k = 1; k < n; k++) {
    const d = (x(k) - x(0)) ** 2 + (y(k) - y(0)) ** 2;
    if (d > farDistance) {
      farDistance = d;
      far = k;
    }
  }
  const keep = new Uint8Array(n + 1);
  keep[0] = 1;
  keep[far] = 1;
  keep[n] = 1; // index n is vertex 0 again, closing the second chain
  // Explicit stack instead of recursion: a tooth outline has thousands of vertices.
  const stack: [number, number][] = [
    [0, far],
    [far, n],
  ];
  while (stack.length > 0) {
    const [a, b] = stack.pop() as [number, number];
    let worst = -1;
    let worstDistance = tolerance;
    for (let k = a + 1; k < b; k++) {
      const d = segmentDistance(x(k), y(k), x(a), y(a), x(b), y(b));
      if (d > worstDistance) {
        worstDistance = d;
        worst = k;
      }
    }
    if (worst >= 0) {
      keep[worst] = 1;
      stack.push([a, worst], [worst, b]);
    }
  }
  const out: number[] = [];
  for (let k = 0; k < n; k++) if (keep[k]) out.push(x(k), y(k));
  return out.length >= 6 ? out : points.slice();
}

/** Distance from (px, py) to the segment (ax, ay)-(bx, by). */
function segmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const lengthSquared = dx * dx + dy * dy;
  const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / lengthSquared));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}
