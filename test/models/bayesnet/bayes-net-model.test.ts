import { describe, expect, it } from "vitest";
import { DataError } from "../../../core/errors.js";
import { Rng } from "../../../core/rng.js";
import type { Table } from "../../../evaluation/types.js";
import { createBayesNet } from "../../../models/bayesnet/index.js";
import { mixedTable } from "../fixtures.js";
import { modelContract, serialise } from "../model-contract.js";
import { chainTable, conditionalTv } from "./chain-fixture.js";

describe("BayesNetModel contract", () => {
  modelContract("bayesnet", () => createBayesNet({}));
  // The private path's lifecycle (seeding, save/load, context) with a budget large enough for the contract's
  // utility check on 400 rows; what privacy costs is tested below.
  modelContract("bayesnet (private, epsilon 100)", () => createBayesNet({ epsilon: 100, bins: 5 }));
});

/** Undirected edges of a fitted network, as sorted "a-b" strings. */
function edges(network: { column: string; parents: string[] }[]): string[] {
  return network.flatMap((s) => s.parents.map((p) => [p, s.column].sort().join("-"))).sort();
}

describe("known answers", () => {
  it("recovers the chain A -> B -> C and its conditional P(B | A) within 0.03", async () => {
    const model = await createBayesNet({}).fit(chainTable(5000), { rng: new Rng("fit") });
    expect(edges(model.network)).toEqual(expect.arrayContaining(["A-B", "B-C"]));
    const sample = await model.sample(30_000, new Rng("sample"));
    const a = sample.columns[0]!.values as string[];
    const b = sample.columns[1]!.values as string[];
    for (const va of ["x0", "x1", "x2"]) {
      let total = 0;
      const hits: Record<string, number> = { x0: 0, x1: 0, x2: 0 };
      for (let i = 0; i < sample.nRows; i++) {
        if (a[i] !== va) continue;
        total++;
        hits[b[i]!]!++;
      }
      for (const vb of ["x0", "x1", "x2"]) expect(Math.abs(hits[vb]! / total - (va === vb ? 0.8 : 0.1))).toBeLessThan(0.03);
    }
  });

  it("with degree 0 models every column alone, losing the dependence", async () => {
    const model = await createBayesNet({ degree: 0 }).fit(chainTable(2000), { rng: new Rng("fit") });
    expect(model.network.every((s) => s.parents.length === 0)).toBe(true);
    // Independent uniform-ish A and B: P(B | A) ≈ 1/3 everywhere, TV to the truth ≈ (0.8 - 1/3 + 2 (1/3 - 0.1)) / 2.
    expect(conditionalTv(await model.sample(5000, new Rng("s")))).toBeGreaterThan(0.4);
  });

  it("lowers the degree when the tables would exceed maxCells", async () => {
    const table = mixedTable(300);
    const model = await createBayesNet({ maxCells: 60 }).fit(table, { rng: new Rng("fit") });
    // Numeric columns have 20 bins (+ missing): with maxCells 60 they take at most one binary or 3-valued parent.
    for (const step of model.network) {
      const cells = [step.column, ...step.parents].map((name) => (name === "smoker" ? 2 : name === "site" ? 3 : name === "risk" ? 3 : name === "pocket" ? 21 : 20));
      expect(cells.reduce((p, c) => p * c, 1)).toBeLessThanOrEqual(60);
    }
  });
});

describe("private fits", () => {
  it("fill the ledger: total epsilon, per-step spends summing to it, and the caveats", async () => {
    const model = await createBayesNet({ epsilon: 1 }).fit(chainTable(2000), { rng: new Rng("fit") });
    const ledger = model.privacy;
    expect(ledger).toMatchObject({ mechanism: "privbayes", epsilon: 1, delta: 0, unit: "row", accountant: "basic sequential composition" });
    // Three columns: the root is random (free), two structure selections, three conditional tables.
    expect(ledger.spends.filter((s) => s.mechanism === "exponential").length).toBe(2);
    expect(ledger.spends.filter((s) => s.mechanism === "laplace").length).toBe(3);
    expect(ledger.spends.filter((s) => s.mechanism === "exponential").reduce((s, x) => s + x.epsilon, 0)).toBeCloseTo(0.3, 12);
    expect(ledger.spends.reduce((s, x) => s + x.epsilon, 0)).toBeCloseTo(1, 12);
    expect(ledger.notes.join(" ")).toMatch(/bin edges/);
    const plain = await createBayesNet({}).fit(chainTable(200), { rng: new Rng("fit") });
    expect(plain.privacy.mechanism).toBe("none");
    expect(plain.privacy.epsilon).toBeNull();
  });

  it("at epsilon 0.01 on 500 rows learn visibly noisier conditionals than a non-private fit", async () => {
    const train = chainTable(500, "small");
    const tv = async (hyper: object) => {
      let sum = 0;
      for (const seed of ["1", "2", "3"]) {
        const model = await createBayesNet(hyper).fit(train, { rng: new Rng(`fit-${seed}`) });
        sum += conditionalTv(await model.sample(4000, new Rng(`sample-${seed}`)));
      }
      return sum / 3;
    };
    const exact = await tv({});
    const noisy = await tv({ epsilon: 0.01 });
    // Non-private: sampling and estimation error only. Private: Laplace scale 2 * 3 / (500 * 0.007) = 1.7 per cell
    // of a distribution whose cells are about 0.1, so the tables are close to random.
    expect(exact).toBeLessThan(0.06);
    expect(noisy).toBeGreaterThan(0.2);
    // A moderate budget sits in between: the effect is the noise, not a broken private path.
    const moderate = await tv({ epsilon: 5 });
    expect(moderate).toBeLessThan(noisy);
  });

  it("give identical models and samples for a fixed seed, other noise for another", async () => {
    const train = chainTable(500, "small");
    const fit = (seed: string) => createBayesNet({ epsilon: 0.5 }).fit(train, { rng: new Rng(seed) });
    const [a, b, c] = await Promise.all([fit("same"), fit("same"), fit("other")]);
    const arrays = (m: typeof a) => JSON.stringify(Object.entries(m.exportState().state.arrays).map(([k, v]) => [k, Array.from(v)]));
    expect(arrays(a)).toBe(arrays(b));
    expect(serialise(await a.sample(200, new Rng("s")))).toBe(serialise(await b.sample(200, new Rng("s"))));
    expect(arrays(c)).not.toBe(arrays(a));
  });

  it("keep only bin edges of numeric columns (no within-bin quantiles)", async () => {
    const names = (hyper: object) =>
      createBayesNet(hyper)
        .fit(mixedTable(300), { rng: new Rng("fit") })
        .then((m) => Object.keys(m.exportState().state.arrays));
    expect((await names({})).some((k) => k.endsWith("-quantiles"))).toBe(true);
    expect((await names({ epsilon: 1 })).some((k) => k.endsWith("-quantiles"))).toBe(false);
  });
});

describe("state and edge cases", () => {
  it("keeps no training rows: every saved array is far shorter than the data", async () => {
    const n = 3000;
    const model = await createBayesNet({}).fit(mixedTable(n), { rng: new Rng("fit") });
    const { state } = model.exportState();
    for (const [name, array] of Object.entries(state.arrays)) expect(array.length, name).toBeLessThan(n / 2);
    expect(JSON.stringify(state.json).length).toBeLessThan(5000);
  });

  it("samples from the marginal where a context value is unknown (missing where training had none)", async () => {
    const table = mixedTable(400);
    const context: Table = { columns: table.columns.filter((c) => c.name === "smoker"), nRows: 400 };
    const target: Table = { columns: table.columns.filter((c) => c.name === "pocket" || c.name === "risk"), nRows: 400 };
    const model = await createBayesNet({}).fit(target, { rng: new Rng("fit"), context });
    expect(model.network[0]!.parents).toContain("smoker");
    const given: Table = { columns: [{ name: "smoker", kind: "boolean", values: new Float64Array(100).fill(Number.NaN) }], nRows: 100 };
    const sample = await model.sample(100, new Rng("s"), { context: given });
    expect(sample.nRows).toBe(100);
    expect((sample.columns[0]!.values as Float64Array).some((v) => !Number.isNaN(v))).toBe(true);
  });

  it("handles datetime and all-missing columns", async () => {
    const n = 200;
    const rng = new Rng("dates");
    const day = 86_400_000;
    const table: Table = {
      columns: [
        { name: "visit", kind: "datetime", values: Float64Array.from({ length: n }, () => Date.UTC(2020, 0, 1) + rng.int(700) * day) },
        { name: "empty", kind: "numeric", values: new Float64Array(n).fill(Number.NaN) },
        { name: "nothing", kind: "categorical", values: new Array<string | null>(n).fill(null) },
      ],
      nRows: n,
    };
    const sample = await (await createBayesNet({}).fit(table, { rng: new Rng("fit") })).sample(50, new Rng("s"));
    expect(sample.columns.map((c) => c.kind)).toEqual(["datetime", "numeric", "categorical"]);
    for (const v of sample.columns[0]!.values as Float64Array) expect(v % day).toBe(0);
    expect(Array.from(sample.columns[1]!.values as Float64Array).every(Number.isNaN)).toBe(true);
    expect((sample.columns[2]!.values as (string | null)[]).every((v) => v === null)).toBe(true);
  });

  it("refuses a saved state whose arrays do not match its structure", async () => {
    const model = await createBayesNet({}).fit(chainTable(300), { rng: new Rng("fit") });
    const saved = model.exportState();
    const arrays = { ...saved.state.arrays, "step1-conditional": new Float64Array(2) };
    expect(() => createBayesNet({}).importState({ ...saved, state: { json: saved.state.json, arrays } })).toThrow(DataError);
  });

  it("reports progress up to 1", async () => {
    const fractions: number[] = [];
    await createBayesNet({}).fit(chainTable(300), { rng: new Rng("fit"), onProgress: (f) => fractions.push(f) });
    expect(fractions.at(-1)).toBe(1);
    expect(fractions.every((f, i) => i === 0 || f >= (fractions[i - 1] as number))).toBe(true);
  });
});
