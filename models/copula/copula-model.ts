import { parseConfig } from "../../core/config.js";
import { DataError, NotFittedError } from "../../core/errors.js";
import type { Rng } from "../../core/rng.js";
import type { EncodedTable, ModelColumn } from "../model-schema.js";
import { TabularModel, type ModelState } from "../tabular-model.js";
import { choleskyFactor } from "./cholesky-factor.js";
import { copulaHyperparametersSchema, type CopulaHyperparameters } from "./copula-hyperparameters.js";
import { empiricalCdfRange, empiricalQuantile, fitEmpiricalMarginal, type EmpiricalMarginal } from "./empirical-marginal.js";
import { categoryOfScore, frequencyIntervals, type FrequencyIntervals } from "./frequency-encoding.js";
import { LatentGaussian } from "./latent-gaussian.js";
import { HermiteCoefficients } from "./hermite-series.js";
import { latentCorrelationMatrix, shrinkAndFactor, type LatentScores } from "./latent-correlation.js";
import { normalCdf, normalQuantile } from "./normal-distribution.js";
import { fitParametricMarginal, ParametricSampler, type ParametricFamily, type ParametricMarginal } from "./parametric-marginal.js";
import { lowerBound, upperBound } from "./sorted-search.js";

/** One coordinate of the copula's latent Gaussian, for reading its correlation matrix. */
export interface LatentDimension {
  source: "context" | "target";
  column: string;
  /** "value": the column's normal score; "missing": its is-missing indicator (upper interval = missing). */
  role: "value" | "missing";
}

/** How one continuous target column is sampled, for reports. */
export interface MarginalSummary {
  column: string;
  marginal: "empirical" | ParametricFamily;
  /** KS distance of the chosen parametric family to the training values (parametric only). */
  ks?: number;
}

/** What the copula keeps of one column (target or context). */
interface ColumnCodec {
  name: string;
  type: "continuous" | "discrete";
  /** Latent dimension of the value's normal score; −1 when the column was never observed. */
  valueDim: number;
  /** Latent dimension of the is-missing indicator; −1 when the column was never (or always) missing. */
  missingDim: number;
  missingRate: number;
  missing: FrequencyIntervals | undefined;
  empirical: EmpiricalMarginal | undefined;
  parametric: ParametricMarginal | undefined;
  sampler: ParametricSampler | undefined;
  categories: FrequencyIntervals | undefined;
}

/** The JSON half of a saved copula (the numeric half: `correlation`, `knotProbabilities`, `knotValues`). */
interface SavedColumn {
  name: string;
  type: "continuous" | "discrete";
  valueDim: number;
  missingDim: number;
  missingRate: number;
  /** Continuous: where this column's knots sit in the knot arrays. */
  knots?: { offset: number; count: number };
  parametric?: ParametricMarginal;
  /** Discrete: share of each category among observed rows, by code. */
  frequencies?: number[];
}

interface SavedCopula {
  dimensions: LatentDimension[];
  /** The shrinkage λ actually used (≥ the hyperparameter when the factorisation needed more). */
  shrinkage: number;
  /** Scores are clamped to Φ⁻¹([ε, 1 − ε]), ε = 1 / (2 × training rows). */
  epsilon: number;
  context: SavedColumn[];
  targets: SavedColumn[];
}

/**
 * The conditional normal mean of every category's interval (by code), accumulating the Hermite coefficients of
 * that scoring into `hermite`. Zero-width categories get 0 (no row has them).
 */
function intervalMeans(intervals: FrequencyIntervals, hermite: HermiteCoefficients): Float64Array {
  const means = new Float64Array(intervals.frequencies.length);
  let lo = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < intervals.order.length; k++) {
    const code = intervals.order[k] as number;
    const hi = intervals.zUpper[k] as number;
    if ((intervals.frequencies[code] as number) > 0 && hi > lo) means[code] = hermite.addInterval(lo, hi);
    lo = hi;
  }
  return means;
}

/**
 * A Gaussian copula over the training columns, after SDV's GaussianCopulaSynthesizer
 * (https://docs.sdv.dev/SDV/single-table-data/modeling/synthesizers/gaussiancopulasynthesizer; Patki, Wedge &
 * Veeramachaneni, "The Synthetic Data Vault", IEEE DSAA 2016), written from the mathematics.
 *
 * Fit: every column becomes one or two standard-normal latent dimensions, each row of it a point or an interval
 * of the latent axis —
 * - continuous: a value seen once sits at its mid-rank score Φ⁻¹((a + ½)/n); a repeated value (integer columns,
 *   many zeros) owns the interval of its tie group's ranks, so ties neither collapse nor inflate the correlation;
 * - discrete: each category owns an interval as wide as its frequency, most frequent first (SDV's frequency
 *   encoding: frequency-encoding.ts);
 * - a column with missing values also gets an is-missing indicator, encoded as a two-category column, so
 *   missingness can depend on other columns (RDT's `missing_value_generation="from_column"`, as a latent
 *   dimension instead of an extra output column);
 * - context columns (FitOptions.context) are encoded the same way and join the same Gaussian.
 * The latent correlation (latent-correlation.ts) is, by default ("latent"), solved per pair from the interval
 * rows' conditional means by the tetrachoric series (hermite-series.ts), so a category's or a missingness
 * pattern's association with other columns is reproduced in full; `correlation: "scores"` gives SDV's estimate,
 * the Pearson correlation of scores drawn uniformly inside the intervals, which attenuates those associations by
 * about half. Either way it is repaired if indefinite and shrunk slightly toward the identity. Marginals are the
 * empirical quantile functions (empirical-marginal.ts) or the best parametric family (parametric-marginal.ts).
 *
 * Sample: z ~ N(0, R) (conditioned on the context's scores when fitted with a context: latent-gaussian.ts), then
 * each column inverts its transform; an indicator in its "missing" interval makes the value missing.
 *
 * Context at sampling: a category is scored by a draw inside its interval (exactly the model's latent given the
 * category, not the midpoint, which would understate the spread); a value by its place in the training quantile
 * function. A missing context value (including a category unseen in training, which the encoder makes missing)
 * sets that column's indicator, when it has one, to "missing", and leaves its value score unknown: the score is
 * drawn from its conditional distribution given the known context (an exact marginalisation, by a factor cached
 * per pattern of unknown context columns), never set to 0.
 *
 * Not differentially private: the ledger stays "none". The saved model holds per-column quantile grids,
 * category frequencies and the correlation matrix, never a training row.
 * Cost: fit O(n·c·log n + n·d²/2), sample O(n·d²/2), for c columns and d ≤ 2c latent dimensions.
 */
export class CopulaModel extends TabularModel<CopulaHyperparameters> {
  readonly kind = "copula";
  readonly stateVersion = 1;
  private gaussian: LatentGaussian | undefined;
  private dimensions: LatentDimension[] = [];
  private contextCodecs: ColumnCodec[] = [];
  private targetCodecs: ColumnCodec[] = [];
  private usedShrinkage = 0;
  private epsilon = 0;

  /** The latent dimensions, in the order of {@link latentCorrelation}'s rows (context first). */
  get latentDimensions(): readonly LatentDimension[] {
    this.requireFitted();
    return this.dimensions;
  }

  /** The fitted latent correlation matrix (a copy; row-major, after shrinkage). */
  get latentCorrelation(): Float64Array {
    return this.requireFitted().correlation.slice();
  }

  /** How each continuous target column is sampled. */
  get marginals(): MarginalSummary[] {
    this.requireFitted();
    return this.targetCodecs
      .filter((c) => c.type === "continuous" && c.valueDim >= 0)
      .map((c) => (c.parametric ? { column: c.name, marginal: c.parametric.family, ks: c.parametric.ks } : { column: c.name, marginal: "empirical" }));
  }

  protected fitEncoded(data: EncodedTable, context: EncodedTable | undefined, rng: Rng, onProgress: (fraction: number, message: string) => void): void {
    const n = data.nRows;
    const epsilon = 0.5 / n;
    const dimensions: LatentDimension[] = [];
    const scores: LatentScores[] = [];
    const total = data.columns.length + (context?.columns.length ?? 0);
    let done = 0;
    const fitTable = (table: EncodedTable, source: LatentDimension["source"]): ColumnCodec[] =>
      table.columns.map((spec, j) => {
        onProgress((0.8 * done++) / total, `scoring ${spec.name}`);
        // One stream per column: adding a column or a draw in one column does not move another's scores.
        const columnRng = rng.fork(`${source}:${spec.name}`);
        return this.fitColumn(spec, table.values[j] as Float64Array, source, columnRng, epsilon, { dimensions, scores });
      });
    const contextCodecs = context ? fitTable(context, "context") : [];
    const targetCodecs = fitTable(data, "target");
    onProgress(0.8, "estimating the latent correlation");
    const raw = latentCorrelationMatrix(scores, n, this.hyperparameters.correlation);
    const { correlation, factor, shrinkage } = shrinkAndFactor(raw, dimensions.length, this.hyperparameters.shrinkage);
    this.gaussian = new LatentGaussian(correlation, dimensions.length, factor);
    this.dimensions = dimensions;
    this.contextCodecs = contextCodecs;
    this.targetCodecs = targetCodecs;
    this.usedShrinkage = shrinkage;
    this.epsilon = epsilon;
    onProgress(1, "fitted");
  }

  /** Encodes one column into latent scores (pushed onto `latent`) and returns what sampling needs of it. */
  private fitColumn(
    spec: ModelColumn,
    values: Float64Array,
    source: LatentDimension["source"],
    rng: Rng,
    epsilon: number,
    latent: { dimensions: LatentDimension[]; scores: LatentScores[] },
  ): ColumnCodec {
    const n = values.length;
    let m = 0;
    for (let i = 0; i < n; i++) if (!Number.isNaN(values[i] as number)) m++;
    const missingRate = (n - m) / n;
    const codec: ColumnCodec = {
      name: spec.name,
      type: spec.type,
      valueDim: -1,
      missingDim: -1,
      missingRate,
      missing: undefined,
      empirical: undefined,
      parametric: undefined,
      sampler: undefined,
      categories: undefined,
    };
    if (m === 0) return codec; // never observed: always sampled missing, nothing to correlate
    codec.valueDim = latent.dimensions.length;
    latent.dimensions.push({ source, column: spec.name, role: "value" });
    const jitter = this.hyperparameters.correlation === "scores";
    const z = new Float64Array(n);
    const mask = m < n ? new Float64Array(n) : undefined;
    const clamp = (u: number): number => Math.min(1 - epsilon, Math.max(epsilon, u));
    let hermite: HermiteCoefficients | undefined;
    if (spec.type === "continuous") {
      const sorted = new Float64Array(m);
      for (let i = 0, w = 0; i < n; i++) if (!Number.isNaN(values[i] as number)) sorted[w++] = values[i] as number;
      sorted.sort();
      codec.empirical = fitEmpiricalMarginal(sorted, this.hyperparameters.quantiles);
      if (source === "target" && this.hyperparameters.marginals === "parametric") {
        const parametric = fitParametricMarginal(sorted) ?? undefined;
        if (parametric) {
          codec.parametric = parametric;
          codec.sampler = new ParametricSampler(parametric);
        }
      }
      // Score of each tie group [a, b), stored at its first sorted position a: the mid-rank score when the value is
      // unique; when tied, a draw over the group's mid-ranks ("scores") or the group's conditional mean ("latent").
      // A group under 0.1 % of the rows is scored at its middle rank like a unique value: its interval is so narrow
      // that the score equals its conditional mean to O(width²), and skipping its series terms keeps columns with
      // thousands of small ties cheap.
      const groupScore = new Float64Array(m);
      let sumSquares = 0;
      for (let a = 0; a < m; ) {
        let b = a + 1;
        while (b < m && sorted[b] === sorted[a]) b++;
        if (b - a === 1 || (!jitter && (b - a) / m < 1e-3)) {
          groupScore[a] = normalQuantile((a + b) / (2 * m));
        } else if (!jitter) {
          hermite ??= HermiteCoefficients.identity();
          const lo = a === 0 ? Number.NEGATIVE_INFINITY : normalQuantile(a / m);
          const hi = b === m ? Number.POSITIVE_INFINITY : normalQuantile(b / m);
          groupScore[a] = hermite.addInterval(lo, hi, true);
        }
        sumSquares += (b - a) * (groupScore[a] as number) ** 2;
        a = b;
      }
      // Without ties the scores are the latent itself; rescale their mean square to exactly 1 (mid-rank scores
      // fall short by O(log n / n)).
      const scale = !jitter && !hermite && sumSquares > 0 ? Math.sqrt(m / sumSquares) : 1;
      for (let i = 0; i < n; i++) {
        const x = values[i] as number;
        if (Number.isNaN(x)) continue;
        const a = lowerBound(sorted, x);
        if (jitter) {
          const b = upperBound(sorted, x);
          z[i] = b - a > 1 ? normalQuantile(clamp((a + 0.5 + (b - a - 1) * rng.next()) / m)) : (groupScore[a] as number);
        } else {
          z[i] = (groupScore[a] as number) * scale;
        }
        if (mask) mask[i] = 1;
      }
    } else {
      const counts = new Float64Array(spec.categories.length);
      for (let i = 0; i < n; i++) {
        const c = values[i] as number;
        if (!Number.isNaN(c)) counts[c]! += 1;
      }
      const categories = frequencyIntervals(counts.map((c) => c / m));
      codec.categories = categories;
      const means = jitter ? undefined : intervalMeans(categories, (hermite = new HermiteCoefficients()));
      for (let i = 0; i < n; i++) {
        const c = values[i] as number;
        if (Number.isNaN(c)) continue;
        z[i] = means ? (means[c] as number) : normalQuantile(clamp((categories.lower[c] as number) + (categories.frequencies[c] as number) * rng.next()));
        if (mask) mask[i] = 1;
      }
    }
    latent.scores.push({ scores: z, observed: mask, hermite: hermite?.values });
    if (m < n) {
      codec.missingDim = latent.dimensions.length;
      latent.dimensions.push({ source, column: spec.name, role: "missing" });
      const missing = frequencyIntervals([1 - missingRate, missingRate], true);
      codec.missing = missing;
      const indicator = jitter ? undefined : new HermiteCoefficients();
      const means = indicator ? intervalMeans(missing, indicator) : undefined;
      const zm = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const isMissing = Number.isNaN(values[i] as number);
        if (means) zm[i] = means[isMissing ? 1 : 0] as number;
        else zm[i] = normalQuantile(clamp(isMissing ? 1 - missingRate + missingRate * rng.next() : (1 - missingRate) * rng.next()));
      }
      latent.scores.push({ scores: zm, observed: undefined, hermite: indicator?.values });
    }
    return codec;
  }

  protected sampleEncoded(n: number, rng: Rng, context: EncodedTable | undefined): EncodedTable {
    const gaussian = this.requireFitted();
    const d = gaussian.dim;
    const z = new Float64Array(d);
    const eps = new Float64Array(d);
    const range = new Float64Array(2);
    // Context dimensions come first (fitted first), so "all context known" is the leading block.
    let contextDims = 0;
    for (const codec of this.contextCodecs) contextDims += (codec.valueDim >= 0 ? 1 : 0) + (codec.missingDim >= 0 ? 1 : 0);
    const isKnown = new Uint8Array(contextDims);
    const knownList = new Int32Array(contextDims);
    const fullPlan = gaussian.plan(Int32Array.from({ length: contextDims }, (_, k) => k));
    const out = this.targetCodecs.map(() => new Float64Array(n));
    for (let i = 0; i < n; i++) {
      let allKnown = true;
      if (context) {
        for (let j = 0; j < this.contextCodecs.length; j++) {
          const codec = this.contextCodecs[j] as ColumnCodec;
          const v = (context.values[j] as Float64Array)[i] as number;
          if (codec.valueDim >= 0) {
            const score = this.contextScore(codec, v, rng, range);
            if (Number.isNaN(score)) {
              allKnown = false;
              isKnown[codec.valueDim] = 0;
            } else {
              z[codec.valueDim] = score;
              isKnown[codec.valueDim] = 1;
            }
          }
          if (codec.missingDim >= 0) {
            const r = codec.missingRate;
            const u = Number.isNaN(v) ? 1 - r + r * rng.next() : (1 - r) * rng.next();
            z[codec.missingDim] = normalQuantile(this.clamp(u));
            isKnown[codec.missingDim] = 1;
          }
        }
      }
      let plan = fullPlan;
      if (!allKnown) {
        let count = 0;
        for (let k = 0; k < contextDims; k++) if (isKnown[k]) knownList[count++] = k;
        plan = gaussian.plan(knownList.subarray(0, count));
      }
      gaussian.sampleInto(plan, z, eps, rng);
      for (let t = 0; t < this.targetCodecs.length; t++) {
        const codec = this.targetCodecs[t] as ColumnCodec;
        let value = Number.NaN;
        const isMissing = codec.missingDim >= 0 && (z[codec.missingDim] as number) >= ((codec.missing as FrequencyIntervals).zUpper[0] as number);
        if (codec.valueDim >= 0 && !isMissing) {
          const score = z[codec.valueDim] as number;
          if (codec.type === "discrete") value = categoryOfScore(codec.categories as FrequencyIntervals, score);
          else if (codec.sampler) value = codec.sampler.fromScore(score);
          else value = empiricalQuantile(codec.empirical as EmpiricalMarginal, normalCdf(score));
        }
        (out[t] as Float64Array)[i] = value;
      }
    }
    return { columns: [...this.schema], values: out, nRows: n };
  }

  /** The normal score of one context value, or NaN when it is unknown (missing, or a category never seen). */
  private contextScore(codec: ColumnCodec, v: number, rng: Rng, range: Float64Array): number {
    if (Number.isNaN(v)) return Number.NaN;
    if (codec.type === "discrete") {
      const categories = codec.categories as FrequencyIntervals;
      const width = categories.frequencies[v];
      if (width === undefined || !(width > 0)) return Number.NaN;
      return normalQuantile(this.clamp((categories.lower[v] as number) + width * rng.next()));
    }
    empiricalCdfRange(codec.empirical as EmpiricalMarginal, v, range);
    const lo = range[0] as number;
    const hi = range[1] as number;
    return normalQuantile(this.clamp(hi > lo ? lo + (hi - lo) * rng.next() : lo));
  }

  private clamp(u: number): number {
    return Math.min(1 - this.epsilon, Math.max(this.epsilon, u));
  }

  private requireFitted(): LatentGaussian {
    if (!this.fitted || !this.gaussian) throw new NotFittedError(this.kind);
    return this.gaussian;
  }

  protected saveState(): ModelState {
    const gaussian = this.requireFitted();
    let knotTotal = 0;
    for (const codec of [...this.contextCodecs, ...this.targetCodecs]) knotTotal += codec.empirical?.p.length ?? 0;
    const knotProbabilities = new Float64Array(knotTotal);
    const knotValues = new Float64Array(knotTotal);
    let offset = 0;
    const save = (codec: ColumnCodec): SavedColumn => {
      const saved: SavedColumn = { name: codec.name, type: codec.type, valueDim: codec.valueDim, missingDim: codec.missingDim, missingRate: codec.missingRate };
      if (codec.empirical) {
        const count = codec.empirical.p.length;
        knotProbabilities.set(codec.empirical.p, offset);
        knotValues.set(codec.empirical.x, offset);
        saved.knots = { offset, count };
        offset += count;
      }
      if (codec.parametric) saved.parametric = codec.parametric;
      if (codec.categories) saved.frequencies = Array.from(codec.categories.frequencies);
      return saved;
    };
    const json: SavedCopula = {
      dimensions: this.dimensions,
      shrinkage: this.usedShrinkage,
      epsilon: this.epsilon,
      context: this.contextCodecs.map(save),
      targets: this.targetCodecs.map(save),
    };
    return { json, arrays: { correlation: gaussian.correlation.slice(), knotProbabilities, knotValues } };
  }

  protected loadState(state: ModelState): void {
    const json = state.json as SavedCopula;
    const { correlation, knotProbabilities, knotValues } = state.arrays;
    const broken = (what: string): DataError => new DataError(`the saved copula model is inconsistent: ${what}`, "Refit the model with `dentsynth fit records`.");
    if (!json || !Array.isArray(json.dimensions) || !Array.isArray(json.targets) || !Array.isArray(json.context)) throw broken("its state is not a copula state");
    if (!(correlation instanceof Float64Array) || !(knotProbabilities instanceof Float64Array) || !(knotValues instanceof Float64Array)) throw broken("an array is missing");
    const d = json.dimensions.length;
    if (correlation.length !== d * d) throw broken(`the correlation matrix has ${correlation.length} entries for ${d} dimensions`);
    if (json.targets.length !== this.schema.length || json.context.length !== this.contextSchema.length) throw broken("its columns differ from model.json");
    const load = (saved: SavedColumn): ColumnCodec => {
      for (const dim of [saved.valueDim, saved.missingDim]) if (!(Number.isInteger(dim) && dim >= -1 && dim < d)) throw broken(`column ${saved.name} has latent dimension ${dim}`);
      let empirical: EmpiricalMarginal | undefined;
      if (saved.knots) {
        const { offset, count } = saved.knots;
        if (!(offset >= 0 && count >= 1 && offset + count <= knotProbabilities.length && knotValues.length === knotProbabilities.length)) throw broken(`the knots of ${saved.name} are out of range`);
        empirical = { p: knotProbabilities.slice(offset, offset + count), x: knotValues.slice(offset, offset + count) };
      }
      if (saved.valueDim >= 0 && (saved.type === "continuous" ? !empirical : !saved.frequencies)) throw broken(`column ${saved.name} has no marginal`);
      return {
        name: saved.name,
        type: saved.type,
        valueDim: saved.valueDim,
        missingDim: saved.missingDim,
        missingRate: saved.missingRate,
        missing: saved.missingDim >= 0 ? frequencyIntervals([1 - saved.missingRate, saved.missingRate], true) : undefined,
        empirical,
        parametric: saved.parametric,
        sampler: saved.parametric ? new ParametricSampler(saved.parametric) : undefined,
        categories: saved.frequencies ? frequencyIntervals(saved.frequencies) : undefined,
      };
    };
    const contextCodecs = json.context.map(load);
    const targetCodecs = json.targets.map(load);
    const factor = choleskyFactor(correlation, d);
    if (!factor) throw broken("the correlation matrix is not positive definite");
    this.gaussian = new LatentGaussian(correlation.slice(), d, factor);
    this.dimensions = json.dimensions;
    this.contextCodecs = contextCodecs;
    this.targetCodecs = targetCodecs;
    this.usedShrinkage = json.shrinkage;
    this.epsilon = json.epsilon;
  }
}

/**
 * A Gaussian copula model with the given options (validated; unknown keys and bad values are reported together
 * with their paths). `createCopula({})` uses the defaults.
 *
 * @throws {UsageError} invalid options
 * @example
 * const model = await createCopula({ marginals: "empirical" }).fit(table, { rng: new Rng("42") });
 * const synthetic = await model.sample(1000, new Rng("42/sample"));
 */
export function createCopula(input: unknown): CopulaModel {
  return new CopulaModel(parseConfig(copulaHyperparametersSchema, input ?? {}));
}
