import { describe, expect, it } from "vitest";
import { Rng } from "../../../../core/rng.js";
import { mat4FromBasis, type Mat4 } from "../../../../generators/meshes/arch/mat4.js";
import { signedVolume } from "../../../../generators/meshes/geometry/signed-volume.js";
import type { TriMesh } from "../../../../generators/meshes/geometry/tri-mesh.js";
import { accumulateChords, type ChordTile } from "../../../../generators/radiographs/projection/chord-tile.js";
import { centredView, projectionMaps, type ParallelView, type Vec3 } from "../../../../generators/radiographs/projection/parallel-view.js";
import { rasteriseChords } from "../../../../generators/radiographs/projection/rasterise-chords.js";
import { box, boxChord, merge, pixelCentre, randomRigid, sphere, sphereSagitta, toLocal, torus } from "./fixtures.js";

const X: Vec3 = [1, 0, 0];
const Y: Vec3 = [0, 1, 0];
const Z: Vec3 = [0, 0, 1];

/** Chord of the tile at image pixel (i, j), 0 outside the tile. */
function chordAt(tile: ChordTile, i: number, j: number): number {
  const x = i - tile.x0;
  const y = j - tile.y0;
  if (x < 0 || y < 0 || x >= tile.width || y >= tile.height) return 0;
  return tile.data[y * tile.width + x]!;
}

/** Calls f(i, j, centre) for every pixel of the view, with the pixel centre's world point on the image plane. */
function eachPixel(view: ParallelView, f: (i: number, j: number, p: [number, number, number]) => void): void {
  const p = view.pixelSize / (view.magnification ?? 1);
  for (let j = 0; j < view.height; j++) for (let i = 0; i < view.width; i++) f(i, j, pixelCentre(view.origin, view.u, view.v, p, i, j));
}

/** Σ chord × object-plane pixel area: the volume by the divergence theorem. */
function integratedVolume(tile: ChordTile, view: ParallelView): number {
  const p = view.pixelSize / (view.magnification ?? 1);
  let sum = 0;
  for (const c of tile.data) sum += c;
  return sum * p * p;
}

/**
 * Largest change of an analytic chord f within the snapping radius (1/256 px in x and y, generous for the 1/512 px
 * worst case): the rasteriser is exact for the snapped mesh, so that is all the geometry may move.
 */
function snapSpread(f: (p: number[]) => number, p: readonly number[], u: readonly number[], v: readonly number[], pixel: number): number {
  const e = pixel / 256;
  const f0 = f([...p]);
  let spread = 0;
  for (const [a, b] of [[1, 0], [-1, 0], [0, 1], [0, -1], [1, 1], [-1, -1], [1, -1], [-1, 1]] as const) {
    spread = Math.max(spread, Math.abs(f([0, 1, 2].map((k) => p[k]! + e * (a * u[k]! + b * v[k]!))) - f0));
  }
  return spread;
}

/**
 * Snapping moves each vertex on its own (up to 1/512 px in x and y), which tilts a face: its depth at a pixel
 * then changes by up to the face's depth slope × that shift. For a box rotated by m, with the beam along z, the
 * slope of a face with normal n is |n_xy| / |n_z|; a ray crosses two faces.
 */
function boxSnapTolerance(m: Mat4, pixel: number): number {
  let slope = 0;
  for (let c = 0; c < 3; c++) slope = Math.max(slope, Math.hypot(m[4 * c]!, m[4 * c + 1]!) / Math.abs(m[4 * c + 2]!));
  return 2 * (pixel / 512) * slope;
}

describe("rasteriseChords", () => {
  it("gives a sphere's chord 2√(R² − r²) within the facet and snapping error", () => {
    const R = 10;
    const [meridians, rings] = [128, 63];
    const mesh = sphere(R, meridians, rings);
    const view = centredView({ centre: [0, 0, 0], u: X, v: Y, pixelSize: 0.25, width: 101, height: 101 });
    const tile = rasteriseChords(mesh, view);
    const sagitta = sphereSagitta(R, meridians, rings);
    const inner = R - sagitta; // the facets lie between the spheres of radius R − sagitta and R
    const chordOf = (radius: number) => (q: number[]) => 2 * Math.sqrt(Math.max(0, radius * radius - q[0]! ** 2 - q[1]! ** 2));
    let worst = -Infinity; // largest excursion outside [lo, hi]; ≤ 0 means every pixel is inside
    eachPixel(view, (i, j, p) => {
      const c = chordAt(tile, i, j);
      const lo = chordOf(inner)(p) - snapSpread(chordOf(inner), p, X, Y, 0.25) - 1e-4;
      const hi = chordOf(R)(p) + snapSpread(chordOf(R), p, X, Y, 0.25) + 1e-4;
      worst = Math.max(worst, lo - c, c - hi);
    });
    expect(worst).toBeLessThanOrEqual(0);
    // The centre pixel's ray goes through both poles (a vertex shared by 128 triangles on each side).
    expect(chordAt(tile, 50, 50)).toBeCloseTo(2 * R, 4);
  });

  it("gives a rotated box's chord (slab method) under a beam oblique to its faces", () => {
    const rng = new Rng("box");
    const [a, b, c] = [7, 4, 2.5];
    const mesh = box(a, b, c);
    for (let trial = 0; trial < 10; trial++) {
      const m = randomRigid(rng, [rng.uniform(-0.3, 0.3), rng.uniform(-0.3, 0.3), rng.uniform(-0.3, 0.3)]);
      // Centre the box on the origin before rotating it.
      const centred = mat4FromBasis([m[0]!, m[1]!, m[2]!], [m[4]!, m[5]!, m[6]!], [m[8]!, m[9]!, m[10]!], [0, 1, 2].map((k) => m[12 + k]! - (a / 2) * m[k]! - (b / 2) * m[4 + k]! - (c / 2) * m[8 + k]!));
      const view = centredView({ centre: [0, 0, 0], u: X, v: Y, pixelSize: 0.1, width: 97, height: 97 });
      const tile = rasteriseChords(mesh, view, centred);
      const slack = boxSnapTolerance(centred, 0.1);
      const analytic = (q: number[]) => {
        const local = toLocal(centred, q, Z);
        return boxChord(local.p, local.d, [0, 0, 0], [a, b, c]);
      };
      let worst = -Infinity;
      eachPixel(view, (i, j, p) => {
        worst = Math.max(worst, Math.abs(chordAt(tile, i, j) - analytic(p)) - (snapSpread(analytic, p, X, Y, 0.1) + slack + 1e-4));
      });
      expect(worst).toBeLessThanOrEqual(0);
    }
  });

  it("follows an explicit beam direction oblique to the image plane", () => {
    const d: Vec3 = (() => {
      const raw = [0.35, -0.2, 1];
      const l = Math.hypot(...raw);
      return raw.map((x) => x / l) as unknown as Vec3;
    })();
    const [lo, hi] = [[-3, -2, -1.5], [3, 2.5, 1.5]];
    const mesh = box(hi[0]! - lo[0]!, hi[1]! - lo[1]!, hi[2]! - lo[2]!, lo);
    const view = centredView({ centre: [0, 0, 0], u: X, v: Y, d, pixelSize: 0.1, width: 90, height: 80 });
    const tile = rasteriseChords(mesh, view);
    const analytic = (q: number[]) => boxChord(q, d, lo, hi);
    let inside = 0;
    let worst = -Infinity;
    eachPixel(view, (i, j, p) => {
      worst = Math.max(worst, Math.abs(chordAt(tile, i, j) - analytic(p)) - (snapSpread(analytic, p, X, Y, 0.1) + 1e-4));
      if (analytic(p) > 0) inside++;
    });
    expect(worst).toBeLessThanOrEqual(0);
    expect(inside).toBeGreaterThan(1000);
    // The slanted beam lengthens the path through the slab: 3 mm of thickness / cos(beam tilt).
    expect(chordAt(tile, 45, 40)).toBeCloseTo(3 / d[2], 4);
  });

  it("gives a torus (non-convex) the chord 2√(r² − (ρ − R)²) along its axis and 0 in its hole", () => {
    const [R, r] = [6, 2];
    const [major, minor] = [256, 64];
    const mesh = torus(R, r, major, minor);
    expect(signedVolume(mesh)).toBeGreaterThan(0);
    const view = centredView({ centre: [0, 0, 0], u: X, v: Y, pixelSize: 0.1, width: 181, height: 181 });
    const tile = rasteriseChords(mesh, view);
    // Vertices lie on the torus; facets sag inward by at most the minor and major sagittas.
    const sag = r * (1 - Math.cos(Math.PI / minor)) + (R + r) * (1 - Math.cos(Math.PI / major));
    const chordOf = (tube: number) => (q: number[]) => 2 * Math.sqrt(Math.max(0, tube * tube - (Math.hypot(q[0]!, q[1]!) - R) ** 2));
    let worst = -Infinity;
    eachPixel(view, (i, j, p) => {
      const c = chordAt(tile, i, j);
      const lo = chordOf(r - sag)(p) - snapSpread(chordOf(r - sag), p, X, Y, 0.1) - 1e-4;
      const hi = chordOf(r)(p) + snapSpread(chordOf(r), p, X, Y, 0.1) + 1e-4;
      worst = Math.max(worst, lo - c, c - hi);
    });
    expect(worst).toBeLessThanOrEqual(0);
    expect(chordAt(tile, 90, 90)).toBe(0); // the hole
    expect(chordAt(tile, 90 + 60, 90)).toBeCloseTo(2 * r, 2); // ρ = R: the full tube
  });

  it("subtracts a cavity: the chord of nested boxes (inner shell reversed) is outer − inner", () => {
    const rng = new Rng("hollow");
    const outer = box(8, 6, 5, [-4, -3, -2.5]);
    const inner = box(4, 3, 2, [-1.5, -1, -1]);
    const mesh = merge(outer, inner, true);
    expect(signedVolume(mesh)).toBeCloseTo(8 * 6 * 5 - 4 * 3 * 2, 3);
    const m = randomRigid(rng);
    const view = centredView({ centre: [0, 0, 0], u: X, v: Y, pixelSize: 0.1, width: 141, height: 141 });
    const tile = rasteriseChords(mesh, view, m);
    const slack = 2 * boxSnapTolerance(m, 0.1); // four crossings
    const analytic = (q: number[]) => {
      const local = toLocal(m, q, Z);
      return boxChord(local.p, local.d, [-4, -3, -2.5], [4, 3, 2.5]) - boxChord(local.p, local.d, [-1.5, -1, -1], [2.5, 2, 1]);
    };
    let throughCavity = 0;
    let worst = -Infinity;
    eachPixel(view, (i, j, p) => {
      worst = Math.max(worst, Math.abs(chordAt(tile, i, j) - analytic(p)) - (snapSpread(analytic, p, X, Y, 0.1) + slack + 1e-4));
      const local = toLocal(m, p, Z);
      if (boxChord(local.p, local.d, [-1.5, -1, -1], [2.5, 2, 1]) > 0.5) throughCavity++;
    });
    expect(worst).toBeLessThanOrEqual(0);
    expect(throughCavity).toBeGreaterThan(100);
  });

  it("integrates to the mesh volume (divergence theorem) within 0.5 %", () => {
    const rng = new Rng("volume");
    const meshes: [string, TriMesh][] = [
      ["sphere", sphere(5, 64, 31)],
      ["torus", torus(4, 1.5, 96, 32)],
      ["hollow box", merge(box(8, 6, 5, [-4, -3, -2.5]), box(4, 3, 2, [-1.5, -1, -1]), true)],
    ];
    for (const [name, mesh] of meshes) {
      for (let trial = 0; trial < 5; trial++) {
        const view = centredView({ centre: [0, 0, 0], u: X, v: Y, pixelSize: 0.07, width: 200, height: 200, magnification: 1.06 });
        const tile = rasteriseChords(mesh, view, randomRigid(rng));
        const volume = integratedVolume(tile, view);
        expect(Math.abs(volume / signedVolume(mesh) - 1), name).toBeLessThan(0.005);
      }
    }
  });

  it("is watertight: a sphere under many random rotations and sub-pixel shifts has no crack or spike", () => {
    const rng = new Rng("watertight");
    const R = 3; // 30 px across at 0.1 mm: coarse enough that edges and vertices hit pixel centres often
    const [meridians, rings] = [40, 19];
    const mesh = sphere(R, meridians, rings);
    const inner = R - sphereSagitta(R, meridians, rings);
    const view = centredView({ centre: [0, 0, 0], u: X, v: Y, pixelSize: 0.1, width: 70, height: 70 });
    for (let trial = 0; trial < 60; trial++) {
      // Half the trials snap the centre to a pixel centre or corner: the worst case for coincidences.
      const shift = trial % 2 === 0 ? [rng.uniform(-0.5, 0.5), rng.uniform(-0.5, 0.5), 0] : [0.05 * (trial % 4 === 1 ? 1 : 0), 0, 0];
      const m = randomRigid(rng, shift);
      const tile = rasteriseChords(mesh, view, m);
      eachPixel(view, (i, j, p) => {
        const r = Math.hypot(p[0] - shift[0]!, p[1] - shift[1]!);
        const c = chordAt(tile, i, j);
        const e = 0.1 / 256;
        const hi = 2 * Math.sqrt(Math.max(0, R * R - Math.max(0, r - e) ** 2)) + 1e-4;
        const lo = 2 * Math.sqrt(Math.max(0, inner * inner - (r + e) ** 2)) - 1e-4;
        if (c < lo || c > hi) throw new Error(`trial ${trial} pixel (${i}, ${j}): chord ${c} outside [${lo}, ${hi}]`);
      });
    }
  });

  it("counts a pixel centre on a shared edge or vertex exactly once (axis-aligned box on pixel centres)", () => {
    // Box faces and the quads' diagonals pass exactly through pixel centres; the front and back faces project
    // onto the same pixels, so every pixel is exactly 0 or exactly the box's depth.
    const view: ParallelView = { origin: [0, 0, -10], u: X, v: Y, pixelSize: 1, width: 24, height: 24 };
    const mesh = box(10, 10, 3, [4.5, 6.5, -1]);
    const tile = rasteriseChords(mesh, view);
    let full = 0;
    for (let j = 0; j < 24; j++) {
      for (let i = 0; i < 24; i++) {
        const c = chordAt(tile, i, j);
        expect(c === 0 || Math.abs(c - 3) < 1e-5, `pixel (${i}, ${j}) = ${c}`).toBe(true);
        if (c !== 0) full++;
        if (i >= 5 && i <= 13 && j >= 7 && j <= 15) expect(c).toBeCloseTo(3, 5); // strictly inside
      }
    }
    // 11 pixel centres span [4.5, 14.5] per axis: the tie rule keeps one side, so 10 × 10 (not 11 × 11 or 9 × 9).
    expect(full).toBe(100);
  });

  it("handles a mirroring transform (faces turned inside out) and keeps chords positive", () => {
    const mesh = sphere(4, 48, 23);
    const view = centredView({ centre: [0, 0, 0], u: X, v: Y, pixelSize: 0.1, width: 100, height: 100 });
    const plain = rasteriseChords(mesh, view);
    const mirror: Mat4 = mat4FromBasis([-1, 0, 0], [0, 1, 0], [0, 0, 1], [0, 0, 0]);
    const mirrored = rasteriseChords(mesh, view, mirror);
    expect(integratedVolume(mirrored, view)).toBeCloseTo(integratedVolume(plain, view), 6);
    expect(Math.min(...mirrored.data)).toBeGreaterThanOrEqual(-1e-5);
  });

  it("clips the tile to the image and returns an empty tile for a mesh outside it", () => {
    const mesh = sphere(2, 24, 11, [0, 0, 0]);
    const view: ParallelView = { origin: [-1, -1, -5], u: X, v: Y, pixelSize: 0.1, width: 50, height: 40 };
    const tile = rasteriseChords(mesh, view);
    expect([tile.x0, tile.y0]).toEqual([0, 0]);
    expect(tile.width).toBe(30); // columns whose centres lie in x ∈ [−1, 2): 0..29
    expect(tile.height).toBe(30);
    const away = rasteriseChords(mesh, { ...view, origin: [50, 50, 0] });
    expect(away.width * away.height).toBe(0);
    expect(away.data.length).toBe(0);
  });

  it("accepts precomputed projection maps and a magnified view", () => {
    const mesh = sphere(3, 32, 15);
    const view = centredView({ centre: [0, 0, 0], u: X, v: Y, pixelSize: 0.1, width: 101, height: 101, magnification: 1.1 });
    const a = rasteriseChords(mesh, view);
    const b = rasteriseChords(mesh, projectionMaps(view));
    expect(b).toEqual(a);
    // Magnified: the 6 mm sphere spans 6 × 1.1 / 0.1 = 66 pixels.
    expect(a.width).toBeGreaterThanOrEqual(65);
    expect(a.width).toBeLessThanOrEqual(67);
  });

  it("clipped to a pixel rectangle, draws exactly the unclipped chords inside it and nothing outside", () => {
    const mesh = merge(torus(6, 2, 48, 24), sphere(1.5, 24, 11, [0, 0, 0]));
    const view = centredView({ centre: [0, 0, 0], u: X, v: Y, pixelSize: 0.1, width: 181, height: 181 });
    const m = randomRigid(new Rng("clip"));
    const whole = rasteriseChords(mesh, view, m);
    for (const clip of [
      { x0: 40, y0: 75, x1: 120, y1: 98 },
      { x0: -10, y0: -10, x1: 60, y1: 300 },
      { x0: 500, y0: 0, x1: 600, y1: 10 },
    ]) {
      const part = rasteriseChords(mesh, view, m, { clip });
      if (part.width === 0) {
        expect(clip.x0).toBeGreaterThan(whole.x0 + whole.width);
        continue;
      }
      expect(part.x0).toBe(Math.max(whole.x0, clip.x0));
      expect(part.y0).toBe(Math.max(whole.y0, clip.y0));
      expect(part.x0 + part.width - 1).toBe(Math.min(whole.x0 + whole.width - 1, clip.x1));
      expect(part.y0 + part.height - 1).toBe(Math.min(whole.y0 + whole.height - 1, clip.y1));
      for (let j = part.y0; j < part.y0 + part.height; j++) for (let i = part.x0; i < part.x0 + part.width; i++) expect(chordAt(part, i, j)).toBe(chordAt(whole, i, j));
    }
  });

  it("can hold a tile in a named scratch buffer: the same chords, overwritten by the next call with that name", () => {
    const view = centredView({ centre: [0, 0, 0], u: X, v: Y, pixelSize: 0.1, width: 101, height: 101 });
    const big = rasteriseChords(sphere(3, 32, 15), view);
    const a = rasteriseChords(sphere(3, 32, 15), view, undefined, { scratch: "test-tile" });
    expect(Array.from(a.data)).toEqual(Array.from(big.data));
    const small = rasteriseChords(sphere(1, 16, 7), view);
    const b = rasteriseChords(sphere(1, 16, 7), view, undefined, { scratch: "test-tile" });
    expect(Array.from(b.data)).toEqual(Array.from(small.data));
    expect(b.data.buffer).toBe(a.data.buffer);
  });

  it("can add weight × chord into an image (and the chord into another) as it stores the tile, as accumulateChords does", () => {
    const view = centredView({ centre: [0, 0, 0], u: X, v: Y, pixelSize: 0.1, width: 101, height: 81 });
    const mesh = sphere(3, 32, 15, [0.7, -0.4, 0]);
    const plain = rasteriseChords(mesh, view);
    const expected = new Float32Array(101 * 81).fill(0.25);
    accumulateChords(expected, 101, plain, 0.3);
    const image = new Float32Array(101 * 81).fill(0.25);
    const chords = new Float32Array(101 * 81);
    const tile = rasteriseChords(mesh, view, undefined, { accumulate: { image, weight: 0.3, chords } });
    expect(Array.from(tile.data)).toEqual(Array.from(plain.data));
    expect(Array.from(image)).toEqual(Array.from(expected));
    for (let j = 0; j < 81; j++) for (let i = 0; i < 101; i++) expect(chords[j * 101 + i]).toBe(chordAt(plain, i, j));
  });
});
