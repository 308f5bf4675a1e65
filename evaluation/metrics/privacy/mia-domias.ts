/**
 * DOMIAS membership inference (van Breugel, Sun, Qian & van der Schaar, "Membership Inference Attacks against
 * Synthetic Data through Overfitting Detection", AISTATS 2023; vanderschaarlab/DOMIAS `src/domias/evaluator.py`).
 *
 * The attacker scores a candidate record x by the density ratio p_syn(x) / p_ref(x): the synthetic data's density
 * relative to the population's, estimated from a reference sample of real records. A generator that overfits puts
 * extra synthetic mass right on its training records, which raises the ratio there even where the population is
 * dense — DOMIAS therefore catches *local* overfitting that plain distance attacks miss, especially on rare
 * patients.
 *
 * Our implementation, written from the paper:
 * - reference = one seeded half of the holdout patients; non-member candidates = the other half (so no candidate
 *   is in the reference); members = as many training patients (seeded) — the candidates all attacks share;
 * - densities: Gaussian KDEs (Scott's rule; each point sums its 64 nearest kernels, see shared/density.ts) in the
 *   space of the leading principal
 *   components of the encoded rows (fitted on the reference), at most 8 components / 95 % of the variance; the
 *   paper's default estimator is a BNAF flow, its library default a Gaussian "prior" — a KDE is in between;
 * - row score log p_syn(x) − log p_ref(x); a patient's score is the mean over its rows (a sum would favour
 *   patients with more teeth).
 *
 * Cost: two k-NN searches of the candidate rows among ≤ 5 000 centres in ≤ 8 dimensions: well under a second.
 */
import type { MetricContext, MetricResult } from "../../types.js";
import { attackResult, type AttackDetails } from "./shared/attack.js";
import { fitKde, fitPca, kdeLogDensity, projectPca } from "./shared/density.js";
import { DEFAULT_MIA_ENTITIES, DEFAULT_MIA_ROWS, allSynthetic, holdoutHalves, miaCandidates } from "./shared/standard-sets.js";
import { aggregateByEntity, asWorkspace, describeSet, type PrivacyInput, type PrivacyWorkspace, type RowSet } from "./shared/workspace.js";

/** Options of {@link miaDomias}. */
export interface MiaDomiasOptions {
  /** Candidate patients per side; default 2 000. */
  maxEntities?: number;
  /** Candidate rows per side (whole patients); default 10 000. */
  maxRows?: number;
  /** Kernel centres drawn from the synthetic data and from the reference (whole patients); default 5 000 each. */
  maxKernelRows?: number;
  /** Principal components kept at most; default 8. */
  maxComponents?: number;
  /** Variance share the components should explain; default 0.95. */
  varianceShare?: number;
}

/**
 * DOMIAS density-ratio membership attack with a holdout reference. `value` is the ROC AUC over patients (goal:
 * minimize, 0.5 = no leak).
 */
export async function miaDomias(
  input: PrivacyInput | PrivacyWorkspace,
  ctx: MetricContext,
  options: MiaDomiasOptions = {},
): Promise<MetricResult<AttackDetails>> {
  const ws = asWorkspace(input, ctx);
  const maxEntities = options.maxEntities ?? DEFAULT_MIA_ENTITIES;
  const maxRows = options.maxRows ?? DEFAULT_MIA_ROWS;
  const maxKernel = options.maxKernelRows ?? 5_000;
  const { reference: refHalf } = holdoutHalves(ws);
  const { members, nonMembers } = miaCandidates(ws, maxEntities, maxRows);
  const reference = ws.subsetOf(`domias/reference/${maxKernel}`, refHalf, { maxRows: maxKernel });
  const synCentres = ws.subsetOf(`domias/synthetic/${maxKernel}`, allSynthetic(ws), { maxRows: maxKernel });

  const pca = fitPca(ws.encoded(reference), { maxComponents: options.maxComponents ?? 8, varianceShare: options.varianceShare ?? 0.95 });
  const project = (s: RowSet) => projectPca(pca, ws.encoded(s));
  const kdeSyn = fitKde(project(synCentres), synCentres.rows.length, pca.k);
  const kdeRef = fitKde(project(reference), reference.rows.length, pca.k);
  const logRatio = async (s: RowSet) => {
    const x = project(s);
    const [a, b] = await Promise.all([kdeLogDensity(kdeSyn, x, s.rows.length), kdeLogDensity(kdeRef, x, s.rows.length)]);
    return a.map((v, i) => v - (b[i] as number));
  };
  const warnings = [...ws.warnings];
  if (members.nEntities < 30) warnings.push(`only ${members.nEntities} patients per side: the AUC interval is wide`);
  if (reference.rows.length < 50) warnings.push(`the reference density rests on ${reference.rows.length} rows only`);
  return attackResult(
    "mia-domias",
    "DOMIAS density ratio p_syn / p_ref",
    aggregateByEntity(await logRatio(members), members, "mean"),
    aggregateByEntity(await logRatio(nonMembers), nonMembers, "mean"),
    ctx,
    {
      n: ws.sizes({ real: members, synthetic: synCentres, holdout: nonMembers }),
      aggregation: "mean over each patient's rows of log p_syn(x) − log p_ref(x)",
      setup: {
        members: describeSet(members),
        nonMembers: describeSet(nonMembers),
        reference: describeSet(reference),
        syntheticCentres: describeSet(synCentres),
        components: pca.k,
        varianceExplained: pca.explained,
        bandwidthSynthetic: Array.from(kdeSyn.bandwidth),
        bandwidthReference: Array.from(kdeRef.bandwidth),
      },
      warnings,
      description: "DOMIAS density-ratio attack (where synthetic data are denser than the real population)",
    },
  );
}
