import { describe, expect, it } from "vitest";
import { Rng } from "../../../core/rng.js";
import { searchKnn, simdAvailable } from "../../../evaluation/stats/neighbors-kernel.js";
import { encodeNumeric, fitRowEncoder, kNearest, kNearestSync, rowDistance } from "../../../evaluation/stats/neighbors.js";
import type { Table } from "../../../evaluation/types.js";

// R[i][j] = ((i+1)(j+2)·0.6180339887) mod 1, i < 40, j < 3;  Q[i][j] = ((i+1)(j+3)·0.4142135623) mod 1, i < 8
const R = Array.from({ length: 40 }, (_, i) => [0, 1, 2].map((j) => ((i + 1) * (j + 2) * 0.6180339887) % 1)).flat();
const Q = Array.from({ length: 8 }, (_, i) => [0, 1, 2].map((j) => ((i + 1) * (j + 3) * 0.4142135623) % 1)).flat();

describe("kNearestSync", () => {
  // sklearn 1.2.1: NearestNeighbors(n_neighbors=3).fit(R).kneighbors(Q)
  const expectedIdx = [[29, 8, 16], [31, 10, 23], [6, 27, 14], [36, 2, 15], [4, 38, 25], [34, 6, 13], [36, 2, 15], [11, 32, 24]];
  const expectedDist = [
    [0.18864234251, 0.215810361813, 0.271051047015], [0.078714409952, 0.147277588631, 0.320036979466],
    [0.119064319619, 0.130672732687, 0.278259066281], [0.300852135884, 0.300884843567, 0.334277053858],
    [0.03602655359, 0.063745056857, 0.134477481999], [0.222178616196, 0.234154379378, 0.238128639238],
    [0.046061421908, 0.089100579895, 0.118195248718], [0.145563557704, 0.166535484929, 0.257410537448],
  ];

  it("matches sklearn NearestNeighbors on numeric data", () => {
    const res = kNearestSync(encodeNumeric(Q, 8, 3), encodeNumeric(R, 40, 3), { k: 3 });
    expect(res.k).toBe(3);
    for (let q = 0; q < 8; q++) {
      expect(Array.from(res.indices.subarray(q * 3, q * 3 + 3))).toEqual(expectedIdx[q]);
      // coordinates are stored in float32: distances agree to ~1e-7
      for (let j = 0; j < 3; j++) expect(res.distances[q * 3 + j]).toBeCloseTo(expectedDist[q]![j]!, 6);
    }
  });

  it("excludes each row from its own neighbours", () => {
    const m = encodeNumeric(R, 40, 3);
    const res = kNearestSync(m, m, { k: 2, excludeSelf: true });
    for (let q = 0; q < 40; q++) {
      expect(res.indices[q * 2]).not.toBe(q);
      expect(res.distances[q * 2]).toBeGreaterThan(0);
    }
    expect(() => kNearestSync(encodeNumeric(Q, 8, 3), m, { excludeSelf: true })).toThrow(/same rows/);
  });

  it("caps k at the reference size and finds exact copies at distance 0", () => {
    const res = kNearestSync(encodeNumeric(R.slice(0, 6), 2, 3), encodeNumeric(R.slice(0, 9), 3, 3), { k: 10 });
    expect(res.k).toBe(3);
    expect(res.distances[0]).toBe(0);
    expect(res.indices[0]).toBe(0);
  });
});

describe("WASM and JS kernels", () => {
  it("agree with brute force on random data with duplicates and ties", () => {
    expect(simdAvailable()).toBe(true);
    const rng = new Rng("kernel");
    const stride = 12;
    const nr = 1501;
    const nq = 203;
    const ref = new Float32Array(nr * stride);
    const qry = new Float32Array(nq * stride);
    // Coarse values (multiples of 1/4) make many exactly tied distances.
    for (let i = 0; i < nr * stride; i++) if (i % stride < 10) ref[i] = Math.floor(rng.next() * 5) / 4;
    for (let i = 0; i < nq * stride; i++) if (i % stride < 10) qry[i] = Math.floor(rng.next() * 5) / 4;
    for (let i = 0; i < 20; i++) qry.set(ref.subarray(i * 13 * stride, (i * 13 + 1) * stride), i * stride);
    const k = 4;
    const wasm = searchKnn({ reference: ref, nReference: nr, query: qry, nQuery: nq, stride, k });
    const js = searchKnn({ reference: ref, nReference: nr, query: qry, nQuery: nq, stride, k, forceJs: true });
    for (let q = 0; q < nq; q++) {
      const all: number[] = [];
      for (let r = 0; r < nr; r++) {
        let s = 0;
        for (let t = 0; t < stride; t++) s += ((qry[q * stride + t] as number) - (ref[r * stride + t] as number)) ** 2;
        all.push(Math.sqrt(s));
      }
      all.sort((a, b) => a - b);
      for (let j = 0; j < k; j++) {
        expect(wasm.distances[q * k + j]).toBeCloseTo(all[j]!, 12);
        expect(js.distances[q * k + j]).toBeCloseTo(all[j]!, 12);
      }
    }
    expect(Array.from(wasm.distances.subarray(0, 20 * k).filter((_, i) => i % k === 0))).toEqual(Array(20).fill(0));
  });
});

describe("fitRowEncoder", () => {
  const reference: Table = {
    nRows: 6,
    columns: [
      { name: "patient", kind: "id", values: ["a", "a", "b", "c", "c", "d"] },
      { name: "age", kind: "numeric", values: Float64Array.from([30, 45, 60, 52, 38, Number.NaN]) },
      { name: "sex", kind: "categorical", values: ["F", "M", "F", "F", "M", "M"] },
      { name: "dmft", kind: "numeric", values: Float64Array.from([3, 10, 15, 8, 5, 7]) },
    ],
  };
  const query: Table = {
    nRows: 4,
    columns: [
      { name: "patient", kind: "id", values: ["x", "y", "z", "w"] },
      { name: "age", kind: "numeric", values: Float64Array.from([31, 59, Number.NaN, 45]) },
      { name: "sex", kind: "categorical", values: ["F", "F", "M", "F"] },
      { name: "dmft", kind: "numeric", values: Float64Array.from([4, 14, 7, 10]) },
    ],
  };

  // Reference, by hand in numpy with the documented rules (range scaling from the reference, centred at its
  // mean; NaN → 0 plus a missing indicator; sex as one 0/1 mismatch coordinate), then
  // sklearn NearestNeighbors(n_neighbors=2).fit(enc(ref)).kneighbors(enc(query)):
  //   distances [[0.0897527467855751, 0.7753135566408671], [0.0897527467855751, 0.5517648452415617],
  //              [0.0, 1.0307764064044151], [0.28674417556808757, 0.6508541396588879]]
  //   indices   [[0, 3], [2, 3], [5, 1], [3, 2]]
  it("encodes mixed types (range scaling, mismatch, missing indicator) like the numpy reference", () => {
    const enc = fitRowEncoder(reference);
    expect(enc.columns.map((c) => c.name)).toEqual(["age", "sex", "dmft"]);
    expect(enc.dims).toBe(4);
    const res = kNearestSync(enc.encode(query), enc.encode(reference), { k: 2 });
    const d = [[0.0897527467855751, 0.7753135566408671], [0.0897527467855751, 0.5517648452415617], [0.0, 1.0307764064044151], [0.28674417556808757, 0.6508541396588879]];
    expect(Array.from(res.indices)).toEqual([0, 3, 2, 3, 5, 1, 3, 2]);
    d.flat().forEach((v, i) => expect(res.distances[i]).toBeCloseTo(v, 6));
  });

  it("gives every pair of different categories squared distance 1 (simplex coordinates)", () => {
    const labels = ["a", "b", "c", "d", "e", null];
    const t: Table = { nRows: 6, columns: [{ name: "c", kind: "categorical", values: labels }] };
    const enc = fitRowEncoder(t);
    expect(enc.dims).toBe(5);
    const m = enc.encode(t);
    for (let i = 0; i < 6; i++) for (let j = 0; j < 6; j++) expect(rowDistance(m, i, m, j)).toBeCloseTo(i === j ? 0 : 1, 6);
    // weight 4 → squared distance 4
    const heavy = fitRowEncoder(t, { weights: { c: 4 } }).encode(t);
    expect(rowDistance(heavy, 0, heavy, 1)).toBeCloseTo(2, 6);
  });

  it("pools rare categories beyond maxCategories and rejects wrong kinds", () => {
    const t: Table = { nRows: 5, columns: [{ name: "c", kind: "categorical", values: ["a", "a", "b", "c", "d"] }] };
    const enc = fitRowEncoder(t, { maxCategories: 2 });
    const m = enc.encode(t);
    expect(enc.columns[0]!.pooled).toBe(true);
    expect(rowDistance(m, 2, m, 3)).toBe(0); // b and c share the pooled level
    expect(rowDistance(m, 0, m, 2)).toBeCloseTo(1, 6);
    expect(() => fitRowEncoder(reference, { columns: ["patient"] })).toThrow(/id column/);
    const bad: Table = { nRows: 1, columns: [{ name: "c", kind: "numeric", values: Float64Array.from([1]) }] };
    expect(() => enc.encode(bad)).toThrow(/expected categorical/);
  });
});

describe("kNearest (worker threads)", () => {
  it("returns the same neighbours as the single-thread search", async () => {
    const rng = new Rng("workers");
    const n = 3000;
    const d = 20;
    const ref = encodeNumeric(Float64Array.from({ length: n * d }, () => rng.next()), n, d);
    const qry = encodeNumeric(Float64Array.from({ length: n * d }, () => rng.next()), n, d);
    const sync = kNearestSync(qry, ref, { k: 2 });
    // workerThreshold 0 forces two workers (loaded through neighbors-worker.mjs + tsx under vitest)
    const big = await kNearest(qry, ref, { k: 2, workers: 2, workerThreshold: 0 });
    expect(Array.from(big.indices)).toEqual(Array.from(sync.indices));
    expect(Array.from(big.distances)).toEqual(Array.from(sync.distances));
  });
});
