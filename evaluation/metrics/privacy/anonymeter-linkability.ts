/**
 * Linkability risk, Anonymeter protocol (Giomi et al., PoPETs 2023, § 4.2; common protocol in
 * shared/anonymeter-risk.ts). Linkability — connecting two records of the same person held in different
 * places — is the second anonymisation criterion of the Article 29 Working Party Opinion 05/2014.
 *
 * The attacker holds two pieces of a target's record, columns A (e.g. demographics from one source) and
 * columns B (e.g. clinical findings from another), and tries to join them through the synthetic release: find the
 * `nNeighbors` synthetic rows nearest to the target on A, and those nearest on B; the link succeeds when the two
 * neighbour sets share a row (the release has glued A and B of this person together) — or, with rows grouped
 * into patients (default then), a synthetic *patient*: in a tooth table, patient-level columns (age, sex) are
 * equal on all of a patient's teeth, so side A cannot tell the teeth apart and a row-level link would fail even
 * for a verbatim copy.
 * - main: targets are training records (one random row of each of `nAttacks` training patients);
 * - control: the same for holdout patients (real people the generator never saw);
 * - baseline: two random sets of `nNeighbors` synthetic rows per target (compared the same way).
 * Distances: the workspace's row encoding (stats/neighbors.ts, scaled on the training data) restricted to A,
 * then to B, by zeroing the other coordinates.
 *
 * Cost: two k-NN searches of 2 × nAttacks rows against the whole synthetic table (≈ 1 s at 100k rows).
 */
import type { MetricContext, MetricResult } from "../../types.js";
import { UsageError } from "../../../core/errors.js";
import { kNearest, type KnnResult } from "../../stats/neighbors.js";
import { anonymeterResult, oneRowPerEntity, type AnonymeterDetails } from "./shared/anonymeter-risk.js";
import { asWorkspace, describeSet, type PrivacyInput, type PrivacyWorkspace } from "./shared/workspace.js";

/** Options of {@link anonymeterLinkability}. */
export interface LinkabilityOptions {
  /**
   * The attacker's two column sets (disjoint). Default: the compared columns split in two halves in table order,
   * with a warning — the threat model should name them (anonymeter#22, #28).
   */
  auxCols?: readonly [readonly string[], readonly string[]];
  /** Targets per attack; default 500 (Anonymeter's default). */
  nAttacks?: number;
  /** Neighbours taken on each side; default 1. */
  nNeighbors?: number;
  /**
   * What must coincide for a link: the synthetic "row", or the synthetic "entity" (patient) the rows belong to.
   * Default "entity" when the synthetic table groups rows into patients, else "row".
   */
  linkBy?: "row" | "entity";
}

/**
 * Linkability residual risk. `value` is the residual risk in [0, 1] (goal: minimize).
 * @throws {UsageError} the column sets overlap or one is empty
 */
export async function anonymeterLinkability(
  input: PrivacyInput | PrivacyWorkspace,
  ctx: MetricContext,
  options: LinkabilityOptions = {},
): Promise<MetricResult<AnonymeterDetails>> {
  const ws = asWorkspace(input, ctx);
  const nAttacks = options.nAttacks ?? 500;
  const k = options.nNeighbors ?? 1;
  const warnings = [...ws.warnings];
  let colsA: readonly string[];
  let colsB: readonly string[];
  if (options.auxCols) {
    [colsA, colsB] = options.auxCols;
  } else {
    const half = Math.ceil(ws.columns.length / 2);
    colsA = ws.columns.slice(0, half);
    colsB = ws.columns.slice(half);
    warnings.push("auxiliary columns were not given; the compared columns were split in two halves in table order");
  }
  if (colsA.length === 0 || colsB.length === 0) throw new UsageError([{ path: "auxCols", message: "both column sets must be non-empty" }]);
  const overlap = colsA.filter((c) => colsB.includes(c));
  if (overlap.length > 0) throw new UsageError([{ path: "auxCols", message: `the two column sets overlap on ${overlap.join(", ")}` }]);

  const mainSet = ws.sample(`linkability/main/${nAttacks}`, "train", { maxEntities: nAttacks });
  const controlSet = ws.sample(`linkability/control/${nAttacks}`, "holdout", { maxEntities: nAttacks });
  const rng = ws.stream(`linkability/${nAttacks}/${k}`);
  const mainRows = oneRowPerEntity(mainSet, rng.fork("main"));
  const controlRows = oneRowPerEntity(controlSet, rng.fork("control"));
  const { synthetic } = ws.tables;

  const mainX = ws.encodedRows("train", mainRows);
  const controlX = ws.encodedRows("holdout", controlRows);
  const synX = ws.encodedRows("synthetic", ws.sample("synthetic/all", "synthetic").rows);
  // Distances on one column set: the shared encoding with the other coordinates zeroed.
  const neighbours = async (cols: readonly string[]) => {
    const syn = ws.mask(synX, cols);
    const kk = Math.min(k, synthetic.nRows);
    return Promise.all([kNearest(ws.mask(mainX, cols), syn, { k: kk }), kNearest(ws.mask(controlX, cols), syn, { k: kk })]);
  };
  const [[mainA, ctrlA], [mainB, ctrlB]] = await Promise.all([neighbours(colsA), neighbours(colsB)]);
  const synIndex = ws.entityIndex.synthetic;
  const linkBy = options.linkBy ?? (synIndex.nEntities < synthetic.nRows ? "entity" : "row");
  // Row → the unit that must coincide.
  const unit = (row: number) => (linkBy === "entity" ? (synIndex.rowEntity[row] as number) : row);
  const links = (a: KnnResult, b: KnnResult) => {
    let s = 0;
    for (let q = 0; q < a.nQuery; q++) {
      const setA = new Set(Array.from(a.indices.subarray(q * a.k, (q + 1) * a.k), unit));
      for (let j = 0; j < b.k; j++) {
        if (setA.has(unit(b.indices[q * b.k + j] as number))) {
          s++;
          break;
        }
      }
    }
    return s;
  };
  // Baseline: two random neighbour sets per target.
  const base = rng.fork("baseline");
  let baseHits = 0;
  for (let q = 0; q < mainRows.length; q++) {
    const rowsA = new Set<number>();
    while (rowsA.size < Math.min(k, synthetic.nRows)) rowsA.add(base.int(synthetic.nRows));
    const a = new Set(Array.from(rowsA, unit));
    let hit = false;
    for (let j = 0; j < k; j++) if (a.has(unit(base.int(synthetic.nRows)))) hit = true;
    if (hit) baseHits++;
  }
  if (mainSet.nEntities < nAttacks) warnings.push(`only ${mainSet.nEntities} targets were available (${nAttacks} requested)`);
  return anonymeterResult(
    "anonymeter-linkability",
    "linkability",
    { main: [links(mainA, mainB), mainRows.length], control: [links(ctrlA, ctrlB), controlRows.length], baseline: [baseHits, mainRows.length] },
    ctx,
    {
      n: ws.sizes({ real: mainSet, synthetic: ws.sample("synthetic/all", "synthetic"), holdout: controlSet }),
      setup: {
        auxCols: [[...colsA], [...colsB]],
        nNeighbors: k,
        linkBy,
        nAttacks,
        seed: rng.seed,
        main: describeSet(mainSet),
        control: describeSet(controlSet),
      },
      warnings,
      description: `linking two halves of a patient's record (${colsA.length} and ${colsB.length} columns) through the synthetic data`,
    },
  );
}
