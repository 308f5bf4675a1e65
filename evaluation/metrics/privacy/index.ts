/**
 * Privacy metrics of the synthetic release, against real training data (members) and real holdout data
 * (non-members / control). Every metric takes `(input, ctx, options?)` where `input` is either the three tables
 * ({@link PrivacyInput}) or a {@link PrivacyWorkspace} built once and shared — sharing lets DCR, NNDR and the
 * membership attacks reuse each other's nearest-neighbour searches — and resolves to a MetricResult.
 *
 * @example
 * const ws = new PrivacyWorkspace({ train, holdout, synthetic }, ctx);   // entity column inferred (patient id)
 * const results = [
 *   await exactCopyRate(ws, ctx),
 *   await dcrOverfitting(ws, ctx),
 *   await miaEnsemble(ws, ctx, { generate }),                          // generate: optional, enables shadow MIA
 *   await anonymeterSinglingOut(ws, ctx),
 *   await kAnonymity(ws, ctx, { quasiIdentifiers: ["age", "sex"] }),
 * ];
 */
export { PrivacyWorkspace, type PrivacyInput, type RowSet } from "./shared/workspace.js";
export { THREAT_MODEL } from "./shared/result.js";
export { MIA_THRESHOLDS, type AttackDetails } from "./shared/attack.js";
export { ANONYMETER_THRESHOLDS, residualRisk, type AnonymeterDetails, type RateRecord } from "./shared/anonymeter-risk.js";
export { exactCopyRate, type ExactCopyDetails } from "./exact-copy-rate.js";
export { dcrOverfitting, type DcrDetails, type DcrOptions } from "./dcr.js";
export { dcrBaseline, type DcrBaselineDetails, type DcrBaselineOptions } from "./dcr-baseline.js";
export { nearestNeighbourDistanceRatio, type NndrDetails, type NndrOptions } from "./nndr.js";
export { miaDistance, type MiaDistanceOptions } from "./mia-distance.js";
export { miaDomias, type MiaDomiasOptions } from "./mia-domias.js";
export { miaShadow, type GenerateFn, type MiaShadowOptions } from "./mia-shadow.js";
export { combineAttacks, miaEnsemble, type EnsembleDetails, type MiaEnsembleOptions } from "./mia-ensemble.js";
export { anonymeterSinglingOut, type SinglingOutOptions } from "./anonymeter-singling-out.js";
export { anonymeterLinkability, type LinkabilityOptions } from "./anonymeter-linkability.js";
export { anonymeterInference, type InferenceDetails, type InferenceOptions } from "./anonymeter-inference.js";
export { kAnonymity, type KAnonymityDetails, type KAnonymityOptions } from "./k-anonymity.js";
export { lDiversity, type LDiversityDetails, type LDiversityOptions } from "./l-diversity.js";
export { tCloseness, type TClosenessDetails, type TClosenessOptions } from "./t-closeness.js";
