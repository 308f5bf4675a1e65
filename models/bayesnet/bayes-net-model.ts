import { DataError, NotFittedError } from "../../core/errors.js";
import type { Rng } from "../../core/rng.js";
import type { EncodedTable } from "../model-schema.js";
import { TabularModel, type ModelState, type StateArray } from "../tabular-model.js";
import { sampleCodes } from "./ancestral-sampling.js";
import { conditionalTable, type ConditionalTable } from "./conditional-table.js";
import { codesOf, fitDomain, valueInBin, WITHIN_BIN_QUANTILES, type NodeDomain } from "./discretiser.js";
import { learnStructure, type StructureOptions } from "./greedy-structure.js";
import type { BayesNetHyperparameters } from "./hyperparameters.js";
import { laplaceScale, privBayesLedger, splitBudget } from "./privacy-budget.js";

/** A fitted network: context nodes first, then the modelled columns in schema order. */
interface FittedNetwork {
  names: string[];
  contextCount: number;
  domains: NodeDomain[];
  /** Nodes in network (sampling) order with their parents. */
  steps: { node: number; parents: number[] }[];
  /** P(node | parents), aligned with `steps`. */
  tables: ConditionalTable[];
}

/** The JSON half of the saved state; the numbers live in arrays named after the node or step. */
interface SavedNetwork {
  contextCount: number;
  nodes: { name: string; type: "discrete" | "binned"; size: number; missingCode: number | null; categories?: number; bins?: number; points?: boolean; quantiles?: boolean }[];
  steps: { node: number; parents: number[] }[];
}

/**
 * A PrivBayes-style Bayesian network (Zhang et al. 2017, "PrivBayes: Private Data Release via Bayesian
 * Networks", ACM TODS 42(4):25, https://doi.org/10.1145/3134428): columns are discretised (discretiser.ts), a
 * network of degree k is built greedily by mutual information (greedy-structure.ts), each column's conditional
 * table is counted (conditional-table.ts) and rows are drawn by ancestral sampling (ancestral-sampling.ts).
 *
 * With `epsilon` the fit is ε-differentially private per row: the structure choices use the exponential mechanism
 * with βε and the conditional tables get Laplace noise with (1-β)ε; the privacy ledger lists every spend and
 * what is not covered (column domains and bin edges come from the data). Without `epsilon` the fit is exact and
 * greedy, and its risk has to be measured with the evaluation's attacks.
 *
 * Context columns (fit option `context`) are placed first in the network and may be parents of any modelled
 * column; at sampling they are fixed to the given values and never drawn.
 *
 * The saved state holds the structure, bin edges (and within-bin quartiles in non-private fits), the conditional
 * tables and marginals: no training row.
 *
 * @example
 * const model = await createBayesNet({ degree: 2, epsilon: 1 }).fit(table, { rng: new Rng("fit") });
 * const synthetic = await model.sample(1000, new Rng("sample"));
 */
export class BayesNetModel extends TabularModel<BayesNetHyperparameters> {
  readonly kind = "bayesnet";
  readonly stateVersion = 1;
  private net: FittedNetwork | undefined;

  /** The learned structure in sampling order: each modelled column with its parents (context columns included). */
  get network(): { column: string; parents: string[] }[] {
    const net = this.net;
    if (!net) throw new NotFittedError(this.kind);
    return net.steps.map((s) => ({ column: net.names[s.node] as string, parents: s.parents.map((p) => net.names[p] as string) }));
  }

  protected fitEncoded(data: EncodedTable, context: EncodedTable | undefined, rng: Rng, onProgress: (fraction: number, message: string) => void): void {
    const h = this.hyperparameters;
    const privateFit = h.epsilon !== undefined;
    const columns = [...(context?.columns ?? []), ...data.columns];
    const values = [...(context?.values ?? []), ...data.values];
    const contextCount = context?.columns.length ?? 0;
    const targets = data.columns.length;
    const n = data.nRows;

    const domains = columns.map((c, i) => fitDomain(c, values[i] as Float64Array, h.bins, !privateFit));
    const codes = domains.map((d, i) => codesOf(d, values[i] as Float64Array));
    const sizes = domains.map((d) => d.size);

    // Every modelled column is one selection, except a root without context (chosen at random, spending nothing).
    const selections = h.degree === 0 ? 0 : targets - (contextCount === 0 ? 1 : 0);
    const budget = h.epsilon === undefined ? undefined : splitBudget(h.epsilon, h.structureShare, selections, targets);
    const structureOptions: StructureOptions = { degree: h.degree, maxCells: h.maxCells, candidatePool: h.candidatePool };
    if (budget && budget.selections > 0) structureOptions.epsilonPerSelection = budget.perSelection;
    // A private fit with no selection (degree 0, or one column without context) has no choice left that reads data.
    const steps = learnStructure({ codes, sizes, contextCount }, structureOptions, rng.fork("structure"), (done, total) =>
      onProgress(0.8 * (done / total), `structure: ${done}/${total} columns placed`),
    );

    const noiseRng = rng.fork("noise");
    const scale = budget ? laplaceScale(budget, n) : 0;
    const tables = steps.map((step, s) => {
      onProgress(0.8 + 0.2 * (s / steps.length), `conditional tables: ${s}/${steps.length}`);
      return conditionalTable(
        codes[step.node] as Int32Array,
        sizes[step.node] as number,
        step.parents.map((p) => codes[p] as Int32Array),
        step.parents.map((p) => sizes[p] as number),
        budget ? { scale, rng: noiseRng } : undefined,
      );
    });
    onProgress(1, "fitted");

    const names = columns.map((c) => c.name);
    this.net = { names, contextCount, domains, steps: steps.map((s) => ({ node: s.node, parents: s.parents })), tables };
    if (budget) {
      const selected = budget.selections > 0 ? steps.slice(contextCount === 0 ? 1 : 0) : [];
      this.setPrivacy(
        privBayesLedger(
          budget,
          selected.map((s) => names[s.node] as string),
          steps.map((s) => names[s.node] as string),
          contextCount > 0,
        ),
      );
    }
  }

  protected sampleEncoded(n: number, rng: Rng, context: EncodedTable | undefined): EncodedTable {
    const net = this.net;
    if (!net || !this.columns) throw new NotFittedError(this.kind);
    const given: (Int32Array | undefined)[] = net.domains.map((d, i) =>
      i < net.contextCount ? codesOf(d, (context?.values[i] as Float64Array | undefined) ?? new Float64Array(n).fill(Number.NaN)) : undefined,
    );
    const codes = sampleCodes({ sizes: net.domains.map((d) => d.size), steps: net.steps, tables: net.tables }, given, n, rng);
    const values = this.columns.map((_, j) => {
      const node = net.contextCount + j;
      const domain = net.domains[node] as NodeDomain;
      const nodeCodes = codes[node] as Int32Array;
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const code = nodeCodes[i] as number;
        if (domain.type === "discrete") out[i] = code === domain.missingCode ? Number.NaN : code;
        else out[i] = valueInBin(domain, code, domain.points ? 0 : rng.next());
      }
      return out;
    });
    return { columns: [...this.columns], values, nRows: n };
  }

  protected saveState(): ModelState {
    const net = this.net;
    if (!net) throw new NotFittedError(this.kind);
    const arrays: Record<string, StateArray> = {};
    const nodes: SavedNetwork["nodes"] = net.domains.map((d, i) => {
      const name = net.names[i] as string;
      if (d.type === "discrete") return { name, type: "discrete", size: d.size, missingCode: d.missingCode, categories: d.categories };
      arrays[`node${i}-lo`] = d.lo;
      arrays[`node${i}-hi`] = d.hi;
      if (d.quantiles) arrays[`node${i}-quantiles`] = d.quantiles;
      return { name, type: "binned", size: d.size, missingCode: d.missingCode, bins: d.lo.length, points: d.points, quantiles: d.quantiles !== null };
    });
    net.tables.forEach((t, s) => {
      arrays[`step${s}-conditional`] = t.probabilities;
      arrays[`step${s}-marginal`] = t.marginal;
    });
    const json: SavedNetwork = { contextCount: net.contextCount, nodes, steps: net.steps };
    return { json, arrays };
  }

  protected loadState(state: ModelState): void {
    const saved = state.json as SavedNetwork;
    const broken = (what: string) => new DataError(`the saved bayesnet state is inconsistent: ${what}`, "Refit the model with `dentsynth fit records`.");
    const array = (name: string, length: number): Float64Array => {
      const a = state.arrays[name];
      if (!(a instanceof Float64Array) || a.length !== length) throw broken(`array ${name} is missing or has the wrong length`);
      return a;
    };
    const domains: NodeDomain[] = saved.nodes.map((node, i) => {
      if (node.type === "discrete") return { type: "discrete", categories: node.categories ?? 0, missingCode: node.missingCode, size: node.size };
      const bins = node.bins ?? 0;
      return {
        type: "binned",
        points: node.points ?? false,
        lo: array(`node${i}-lo`, bins),
        hi: array(`node${i}-hi`, bins),
        quantiles: node.quantiles ? array(`node${i}-quantiles`, bins * (WITHIN_BIN_QUANTILES + 1)) : null,
        missingCode: node.missingCode,
        size: node.size,
      };
    });
    const tables: ConditionalTable[] = saved.steps.map((step, s) => {
      const childSize = (domains[step.node] as NodeDomain | undefined)?.size;
      if (childSize === undefined) throw broken(`step ${s} names node ${step.node}`);
      const configs = step.parents.reduce((c, p) => c * ((domains[p] as NodeDomain | undefined)?.size ?? Number.NaN), 1);
      if (!Number.isInteger(configs)) throw broken(`step ${s} has an unknown parent`);
      return { childSize, configs, probabilities: array(`step${s}-conditional`, configs * childSize), marginal: array(`step${s}-marginal`, childSize) };
    });
    if (this.columns && saved.nodes.length !== saved.contextCount + this.columns.length) throw broken("the node count does not match the columns");
    this.net = { names: saved.nodes.map((n) => n.name), contextCount: saved.contextCount, domains, steps: saved.steps, tables };
  }
}
