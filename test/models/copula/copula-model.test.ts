import { describe, expect, it } from "vitest";
import { Rng } from "../../../core/rng.js";
import { UsageError } from "../../../core/errors.js";
import { ksTwoSample } from "../../../evaluation/stats/ks-two-sample.js";
import type { Table } from "../../../evaluation/types.js";
import { copulaHyperparametersSchema, createCopula } from "../../../models/copula/index.js";
import { modelContract, serialise } from "../model-contract.js";
import { correlation, labels, mixedTable, numeric } from "../fixtures.js";

modelContract("copula", () => createCopula({}));
modelContract("copula (parametric marginals)", () => createCopula({ marginals: "parametric" }));
modelContract("copula (SDV-style score correlation)", () => createCopula({ correlation: "scores" }));

/** x, y bivariate normal with correlation rho; `site` categorical with shares 0.5/0.3/0.2. */
function bivariate(n: number, rho: number, seed: string): Table {
  const rng = new Rng(seed);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const site: string[] = [];
  for (let i = 0; i < n; i++) {
    const a = rng.normal();
    const b = rng.normal();
    x[i] = Math.round(a * 1e4) / 1e4;
    y[i] = Math.round((rho * a + Math.sqrt(1 - rho * rho) * b) * 1e4) / 1e4;
    const u = rng.next();
    site.push(u < 0.5 ? "a" : u < 0.8 ? "b" : "c");
  }
  return {
    columns: [
      { name: "x", kind: "numeric", values: x },
      { name: "y", kind: "numeric", values: y },
      { name: "site", kind: "categorical", values: site },
    ],
    nRows: n,
  };
}

function finite(values: Float64Array): Float64Array {
  return values.filter((v) => !Number.isNaN(v));
}

describe("CopulaModel known answers", () => {
  const n = 5000;
  const table = bivariate(n, 0.7, "bivariate");

  it("recovers a 0.7 correlation, the marginals and the category shares", async () => {
    const model = await createCopula({}).fit(table, { rng: new Rng("fit") });
    const dims = model.latentDimensions.map((d) => `${d.column}:${d.role}`);
    expect(dims).toEqual(["x:value", "y:value", "site:value"]);
    // The latent correlation of x and y (van der Waerden) estimates rho = 0.7.
    expect(Math.abs((model.latentCorrelation[1] as number) - 0.7)).toBeLessThan(0.03);

    const sample = await model.sample(n, new Rng("sample"));
    const sx = numeric(sample, "x");
    const sy = numeric(sample, "y");
    expect(Math.abs(correlation(sx, sy) - 0.7)).toBeLessThan(0.05);
    expect(ksTwoSample(numeric(table, "x"), sx).statistic).toBeLessThan(0.05);
    expect(ksTwoSample(numeric(table, "y"), sy).statistic).toBeLessThan(0.05);
    const sites = labels(sample, "site");
    for (const [category, share] of [["a", 0.5], ["b", 0.3], ["c", 0.2]] as const) {
      const real = labels(table, "site").filter((v) => v === category).length / n;
      const synthetic = sites.filter((v) => v === category).length / n;
      expect(Math.abs(synthetic - real)).toBeLessThan(0.02);
      expect(Math.abs(real - share)).toBeLessThan(0.02);
    }
  });

  it("reproduces a missing rate, and missingness that depends on another column", async () => {
    const rng = new Rng("missing");
    const x = numeric(table, "x");
    const random = new Float64Array(n);
    const dependent = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      random[i] = rng.bernoulli(0.2) ? Number.NaN : Math.round(rng.normal(10, 2) * 100) / 100;
      // Missing exactly when x > 1 (about 16 % of rows).
      dependent[i] = (x[i] as number) > 1 ? Number.NaN : Math.round(rng.normal() * 100) / 100;
    }
    const withMissing: Table = {
      columns: [
        { name: "x", kind: "numeric", values: x },
        { name: "random", kind: "numeric", values: random },
        { name: "dependent", kind: "numeric", values: dependent },
      ],
      nRows: n,
    };
    const rate = (v: Float64Array) => v.filter((e) => Number.isNaN(e)).length / v.length;
    /** Share of the sample's missing `dependent` rows whose x is above 1 (the truth is all of them). */
    const highShare = (sample: Table): number => {
      const sx = numeric(sample, "x");
      const sDependent = numeric(sample, "dependent");
      let high = 0;
      let missing = 0;
      for (let i = 0; i < n; i++) {
        if (!Number.isNaN(sDependent[i] as number)) continue;
        missing++;
        if ((sx[i] as number) > 1) high++;
      }
      return high / missing;
    };
    const model = await createCopula({}).fit(withMissing, { rng: new Rng("fit") });
    expect(model.latentDimensions.map((d) => `${d.column}:${d.role}`)).toEqual(["x:value", "random:value", "random:missing", "dependent:value", "dependent:missing"]);
    const sample = await model.sample(n, new Rng("sample"));
    expect(Math.abs(rate(numeric(sample, "random")) - rate(random))).toBeLessThan(0.02);
    expect(Math.abs(rate(numeric(sample, "dependent")) - rate(dependent))).toBeLessThan(0.02);
    // Only 16 % of all rows have x > 1, but nearly all rows sampled missing do.
    expect(highShare(sample)).toBeGreaterThan(0.85);
    // The observed values keep their marginal.
    expect(ksTwoSample(finite(random), finite(numeric(sample, "random"))).statistic).toBeLessThan(0.05);
    // SDV's uniform-draw scores attenuate the dependence (about a third of the missing rows have x > 1).
    const sdv = await (await createCopula({ correlation: "scores" }).fit(withMissing, { rng: new Rng("fit") })).sample(n, new Rng("sample"));
    expect(Math.abs(rate(numeric(sdv, "dependent")) - rate(dependent))).toBeLessThan(0.02);
    expect(highShare(sdv)).toBeGreaterThan(0.25);
    expect(highShare(sdv)).toBeLessThan(highShare(sample) - 0.3);
  });

  it("keeps point masses exactly: an integer column and a zero-inflated column", async () => {
    const rng = new Rng("masses");
    const m = 4000;
    const count = new Float64Array(m);
    const zeros = new Float64Array(m);
    for (let i = 0; i < m; i++) {
      count[i] = rng.poisson(2);
      zeros[i] = rng.bernoulli(0.6) ? 0 : Math.round(rng.gamma(2, 1.5) * 10) / 10;
    }
    const masses: Table = { columns: [{ name: "count", kind: "numeric", values: count }, { name: "zeros", kind: "numeric", values: zeros }], nRows: m };
    const model = await createCopula({ quantiles: 200 }).fit(masses, { rng: new Rng("fit") });
    const sample = await model.sample(m, new Rng("sample"));
    const share = (v: Float64Array, x: number) => v.filter((e) => e === x).length / v.length;
    for (const k of [0, 1, 2, 3, 4]) expect(Math.abs(share(numeric(sample, "count"), k) - share(count, k))).toBeLessThan(0.025);
    expect(Math.abs(share(numeric(sample, "zeros"), 0) - share(zeros, 0))).toBeLessThan(0.025);
    expect(ksTwoSample(zeros, numeric(sample, "zeros")).statistic).toBeLessThan(0.05);
  });

  it("fits collinear and constant columns (shrinkage keeps the factorisation)", async () => {
    const x = numeric(table, "x");
    const twice = x.map((v) => 2 * v);
    const constant = new Float64Array(n).fill(3);
    const degenerate: Table = {
      columns: [
        { name: "x", kind: "numeric", values: x },
        { name: "twice", kind: "numeric", values: twice },
        { name: "constant", kind: "numeric", values: constant },
      ],
      nRows: n,
    };
    const model = await createCopula({ shrinkage: 0 }).fit(degenerate, { rng: new Rng("fit") });
    const sample = await model.sample(1000, new Rng("sample"));
    expect(correlation(numeric(sample, "x"), numeric(sample, "twice"))).toBeGreaterThan(0.99);
    expect(new Set(numeric(sample, "constant"))).toEqual(new Set([3]));
  });

  describe("with a context", () => {
    const rows = 2000;
    const fixture = mixedTable(rows, "copula-context");
    const context: Table = { columns: fixture.columns.filter((c) => c.name === "age" || c.name === "smoker" || c.name === "site"), nRows: rows };
    const target: Table = { columns: fixture.columns.filter((c) => c.name === "pocket" || c.name === "risk"), nRows: rows };
    const given = (age: number, smoker: number, k: number, site: string | null = "clinic-a"): Table => ({
      columns: [
        { name: "age", kind: "numeric", values: new Float64Array(k).fill(age) },
        { name: "smoker", kind: "boolean", values: new Float64Array(k).fill(smoker) },
        { name: "site", kind: "categorical", values: new Array<string | null>(k).fill(site) },
      ],
      nRows: k,
    });
    const mean = (v: Float64Array) => finite(v).reduce((s, e) => s + e, 0) / finite(v).length;
    const k = 2000;

    it("moves the targets by the context's real effects", async () => {
      const model = await createCopula({}).fit(target, { rng: new Rng("fit"), context });
      expect(model.latentDimensions.filter((d) => d.source === "context").map((d) => d.column)).toEqual(["age", "smoker", "site"]);
      const smokers = mean(numeric(await model.sample(k, new Rng("a"), { context: given(50, 1, k) }), "pocket"));
      const others = mean(numeric(await model.sample(k, new Rng("b"), { context: given(50, 0, k) }), "pocket"));
      const old = mean(numeric(await model.sample(k, new Rng("c"), { context: given(80, 0, k) }), "pocket"));
      // Truth: +1.2 mm for smokers, +0.03 mm per year of age (0.9 mm from 50 to 80).
      expect(smokers - others).toBeGreaterThan(0.95);
      expect(smokers - others).toBeLessThan(1.45);
      expect(old - others).toBeGreaterThan(0.6);
      // A missing smoker status is marginalised: the mean sits near the 25/75 mix of the two conditional means.
      const unknown = mean(numeric(await model.sample(k, new Rng("d"), { context: given(50, Number.NaN, k) }), "pocket"));
      expect(Math.abs(unknown - (0.25 * smokers + 0.75 * others))).toBeLessThan(0.1);
      // So is a site never seen in training (the encoder makes it missing); site has no effect on pocket.
      const unseen = mean(numeric(await model.sample(k, new Rng("e"), { context: given(50, 0, k, "clinic-z") }), "pocket"));
      expect(Math.abs(unseen - others)).toBeLessThan(0.1);
      // Risk follows pocket: "high" (pocket > 3) is more frequent for smokers (truth: 65 % vs 2 %). A copula gets
      // only part of it: risk is nominal, laid out by frequency (low, high, unknown), so its one latent dimension
      // serves both pocket's level ("high") and its missingness ("unknown", above "high").
      const highRisk = async (smoker: number, seed: string) => labels(await model.sample(k, new Rng(seed), { context: given(50, smoker, k) }), "risk").filter((v) => v === "high").length / k;
      expect((await highRisk(1, "f")) - (await highRisk(0, "g"))).toBeGreaterThan(0.2);
    });

    it("reads a missing context value through the context's is-missing indicator", async () => {
      // Context pocket (5 % missing) → target risk, which is "unknown" exactly when pocket is missing.
      const withPocket: Table = { columns: fixture.columns.filter((c) => c.name === "pocket"), nRows: rows };
      const risk: Table = { columns: fixture.columns.filter((c) => c.name === "risk"), nRows: rows };
      const model = await createCopula({}).fit(risk, { rng: new Rng("fit"), context: withPocket });
      expect(model.latentDimensions.map((d) => `${d.source}:${d.column}:${d.role}`)).toEqual(["context:pocket:value", "context:pocket:missing", "target:risk:value"]);
      const pocketGiven = (v: number): Table => ({ columns: [{ name: "pocket", kind: "numeric", values: new Float64Array(k).fill(v) }], nRows: k });
      const share = (t: Table, label: string) => labels(t, "risk").filter((v) => v === label).length / k;
      // Truth 100 % (base rate 5 %); one Gaussian latent per column cannot carry a deterministic link, and gets half.
      expect(share(await model.sample(k, new Rng("m"), { context: pocketGiven(Number.NaN) }), "unknown")).toBeGreaterThan(0.4);
      // An observed pocket sets the indicator to "observed" and its value moves risk (truth: 100 % vs 0 % high).
      const deep = await model.sample(k, new Rng("h"), { context: pocketGiven(4) });
      const shallow = await model.sample(k, new Rng("l"), { context: pocketGiven(1.5) });
      expect(share(deep, "high") - share(shallow, "high")).toBeGreaterThan(0.35);
      expect(share(shallow, "low")).toBeGreaterThan(0.9);
    });

    it("restores a context-fitted model that samples the same rows", async () => {
      const model = await createCopula({ marginals: "parametric" }).fit(target, { rng: new Rng("fit"), context });
      const restored = createCopula({ marginals: "parametric" }).importState(model.exportState());
      const condition = given(65, 1, 300);
      expect(serialise(await restored.sample(300, new Rng("s"), { context: condition }))).toBe(serialise(await model.sample(300, new Rng("s"), { context: condition })));
    });
  });

  it("samples a column never observed in training as always missing", async () => {
    const empty: Table = { columns: [...table.columns, { name: "never", kind: "numeric", values: new Float64Array(n).fill(Number.NaN) }], nRows: n };
    const model = await createCopula({}).fit(empty, { rng: new Rng("fit") });
    expect(model.latentDimensions.some((d) => d.column === "never")).toBe(false);
    expect(numeric(await model.sample(20, new Rng("s")), "never").every((v) => Number.isNaN(v))).toBe(true);
  });

  it("is deterministic, and a second draw from the same stream differs", async () => {
    const model = await createCopula({}).fit(table, { rng: new Rng("fit") });
    const again = await createCopula({}).fit(table, { rng: new Rng("fit") });
    expect(Array.from(again.latentCorrelation)).toEqual(Array.from(model.latentCorrelation));
    const rng = new Rng("s");
    const first = await model.sample(50, rng);
    const second = await model.sample(50, rng);
    expect(serialise(first)).not.toBe(serialise(second));
    expect(serialise(await again.sample(50, new Rng("s")))).toBe(serialise(first));
  });
});

describe("the saved model", () => {
  it("keeps a quantile grid per column, not the training values", async () => {
    const table = bivariate(5000, 0.5, "grid");
    const model = await createCopula({ quantiles: 100 }).fit(table, { rng: new Rng("fit") });
    const { state } = model.exportState();
    // Two continuous columns of 5000 distinct-ish values: at most 100 knots each (plus ends of point masses).
    expect(state.arrays.knotValues?.length).toBeLessThanOrEqual(2 * 104);
    const training = new Set([...numeric(table, "x"), ...numeric(table, "y")]);
    const knots = Array.from(state.arrays.knotValues as Float64Array);
    const copied = knots.filter((v) => training.has(v)).length;
    // Only the extremes (the schema's min and max anyway) and rare coincidences are training values.
    expect(copied).toBeLessThan(knots.length / 4);
    expect(state.arrays.correlation?.length).toBe(9);
  });

  it("refuses a state whose arrays do not match its JSON", async () => {
    const model = await createCopula({}).fit(mixedTable(200), { rng: new Rng("fit") });
    const saved = model.exportState();
    const broken = { ...saved, state: { ...saved.state, arrays: { ...saved.state.arrays, correlation: new Float64Array(4) } } };
    expect(() => createCopula({}).importState(broken)).toThrow(/inconsistent/);
  });

  it("says it is not fitted before a fit", () => {
    expect(() => createCopula({}).latentCorrelation).toThrow(/not been fitted/);
  });
});

describe("parametric marginals", () => {
  it("picks a fitting family per column and reproduces the marginal", async () => {
    const rng = new Rng("families");
    const n = 4000;
    const uniform = new Float64Array(n);
    const beta = new Float64Array(n);
    const normal = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      uniform[i] = Math.round(rng.uniform(0, 10) * 1e4) / 1e4;
      beta[i] = Math.round(rng.beta(2, 5) * 1e4) / 1e4;
      normal[i] = Math.round(rng.normal(5, 2) * 1e4) / 1e4;
    }
    const table: Table = {
      columns: [
        { name: "uniform", kind: "numeric", values: uniform },
        { name: "beta", kind: "numeric", values: beta },
        { name: "normal", kind: "numeric", values: normal },
      ],
      nRows: n,
    };
    const model = await createCopula({ marginals: "parametric" }).fit(table, { rng: new Rng("fit") });
    const chosen = Object.fromEntries(model.marginals.map((m) => [m.column, m.marginal]));
    // Beta(≈1, ≈1) nests the uniform and may win on KS by a hair: either is a correct flat fit.
    expect(["uniform", "beta"]).toContain(chosen.uniform);
    expect(chosen.beta).toBe("beta");
    expect(["normal", "truncated-normal"]).toContain(chosen.normal);
    const sample = await model.sample(n, new Rng("sample"));
    for (const name of ["uniform", "beta", "normal"]) expect(ksTwoSample(numeric(table, name), numeric(sample, name)).statistic).toBeLessThan(0.05);
  });
});

describe("createCopula", () => {
  it("fills defaults and reports every bad option with its path", () => {
    expect(createCopula({}).hyperparameters).toEqual({ marginals: "empirical", correlation: "latent", quantiles: 1000, shrinkage: 0.001 });
    expect(createCopula(undefined).hyperparameters.marginals).toBe("empirical");
    let error: unknown;
    try {
      createCopula({ marginals: "kde", quantiles: 3, extra: 1 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UsageError);
    const paths = (error as UsageError).problems.map((p) => p.path).sort();
    expect(paths).toEqual(["", "marginals", "quantiles"]);
    expect((error as UsageError).message).toContain('"empirical", "parametric"');
  });

  it("describes every option", () => {
    for (const [key, field] of Object.entries(copulaHyperparametersSchema.shape)) expect(field.description, key).toBeTruthy();
  });
});
