/**
 * The privacy ledger a model carries: what mechanism protected the training data and what it spent. A model
 * fitted without differential privacy says so (mechanism "none", epsilon null): the evaluation's attacks are then
 * the only evidence of its risk.
 */
export interface PrivacySpend {
  /** What the budget paid for, e.g. "structure", "conditionals", "dp-sgd". */
  step: string;
  mechanism: string;
  epsilon: number;
  delta: number;
}

export interface PrivacyLedger {
  mechanism: "none" | "privbayes" | "dp-sgd";
  /** Total epsilon spent (null when not differentially private). */
  epsilon: number | null;
  delta: number | null;
  /**
   * The unit of privacy: "row" when neighbouring datasets differ in one row; "patient" when they differ in all
   * rows of one patient (what a patient-level guarantee needs).
   */
  unit: "row" | "patient";
  /** How the total was composed, e.g. "basic composition" or "RDP accountant, orders 1.1-63". */
  accountant: string | null;
  spends: PrivacySpend[];
  /** Caveats a reviewer must read, e.g. that the column domains came from the data. */
  notes: string[];
}

export const NO_PRIVACY: PrivacyLedger = {
  mechanism: "none",
  epsilon: null,
  delta: null,
  unit: "row",
  accountant: null,
  spends: [],
  notes: ["Fitted without differential privacy: measure the risk with `dentsynth evaluate records`."],
};
