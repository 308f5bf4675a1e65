import type { PrivacyLedger, PrivacySpend } from "../privacy-ledger.js";

/** How a PrivBayes fit divides its ε (Zhang et al. 2017, §3: ε₁ = βε for the structure, ε₂ = (1-β)ε for the tables). */
export interface PrivBayesBudget {
  epsilon: number;
  /** ε₁: spent on the structure, split equally over the selections (0 when there is nothing to select). */
  structure: number;
  selections: number;
  perSelection: number;
  /** ε₂: spent on the conditional tables, split equally over them. */
  conditionals: number;
  tables: number;
  perTable: number;
}

/**
 * Splits ε between the structure (`structureShare` = β of it, over `selections` exponential-mechanism draws) and
 * the `tables` conditional tables. With no selection to make (a single column without context, or degree 0)
 * the whole ε goes to the tables rather than being left unused. By basic sequential composition (Dwork & Roth
 * 2014, "The Algorithmic Foundations of Differential Privacy", Thm 3.16) the fit is ε-DP.
 *
 * @throws {RangeError} epsilon <= 0 or no table
 */
export function splitBudget(epsilon: number, structureShare: number, selections: number, tables: number): PrivBayesBudget {
  if (!(epsilon > 0) || tables < 1) throw new RangeError(`splitBudget requires epsilon > 0 and at least one table, got ${epsilon} and ${tables}`);
  const structure = selections > 0 ? structureShare * epsilon : 0;
  const conditionals = epsilon - structure;
  return {
    epsilon,
    structure,
    selections,
    perSelection: selections > 0 ? structure / selections : 0,
    conditionals,
    tables,
    perTable: conditionals / tables,
  };
}

/**
 * Laplace scale for one noisy conditional: the joint distribution (counts / n) has L1 sensitivity 2/n, and each
 * of the tables gets ε₂ / tables, so scale = 2 · tables / (n · ε₂) (Zhang et al. 2017, NoisyConditionals).
 */
export function laplaceScale(budget: PrivBayesBudget, n: number): number {
  return 2 / (n * budget.perTable);
}

/**
 * The ledger of a private fit: one spend per structure selection and per conditional table, named after the
 * column it concerns, and the caveats a privacy reviewer has to read.
 */
export function privBayesLedger(budget: PrivBayesBudget, selectionColumns: readonly string[], tableColumns: readonly string[], hasContext: boolean): PrivacyLedger {
  const spends: PrivacySpend[] = [
    ...selectionColumns.map((name) => ({ step: `structure: parents of ${name}`, mechanism: "exponential", epsilon: budget.perSelection, delta: 0 })),
    ...tableColumns.map((name) => ({ step: `conditional table of ${name}`, mechanism: "laplace", epsilon: budget.perTable, delta: 0 })),
  ];
  const notes = [
    "Column domains come from the training data without noise and are not covered by epsilon: category lists, whether a column has missing values, the numeric bin edges (empirical quantiles), the values themselves of numeric columns with few distinct values, and each column's min, max and precision. They are only safe to release if they are public knowledge.",
    "Neighbouring datasets have the same number of rows and differ in one row, as in PrivBayes; the row count is treated as public.",
    "The unit is one row: a patient with several rows (e.g. one per tooth) is protected only at group level, with epsilon multiplied by their number of rows.",
    "Data-independent choices spend nothing: the first column (when there is no context) and the pools of candidate parents are drawn at random.",
    "Noise and selections come from the seeded alea generator in floating point: a research implementation, not hardened against floating-point attacks on the Laplace mechanism (Mironov 2012).",
  ];
  if (hasContext) notes.push("Context columns enter the conditional tables of the modelled columns (covered by epsilon); their own distribution is neither learned nor released.");
  if (budget.selections === 0) notes.push("There was no structure to choose (one column without context, or degree 0): the whole epsilon went to the conditional tables.");
  return {
    mechanism: "privbayes",
    epsilon: budget.epsilon,
    delta: 0,
    unit: "row",
    accountant: "basic sequential composition",
    spends,
    notes,
  };
}
