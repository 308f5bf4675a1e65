/**
 * Fidelity metrics (one per file) and the helpers they share. Each takes a {@link FidelityInput} and a
 * MetricContext and returns a MetricResult; wrap any of them with `withNoiseFloor` (../noise-floor.ts).
 */
export { BOUNDARY_ADHERENCE_THRESHOLDS, boundaryAdherence, type BoundaryAdherenceDetails, type BoundaryColumnDetail } from "./boundary-adherence.js";
export { CATEGORY_ADHERENCE_THRESHOLDS, categoryAdherence, type CategoryAdherenceDetails, type CategoryColumnDetail } from "./category-adherence.js";
export {
  CONTINGENCY_SIMILARITY_THRESHOLDS,
  contingencySimilarity,
  type ContingencyPairDetail,
  type ContingencySimilarityDetails,
  type ContingencySimilarityOptions,
} from "./contingency-similarity.js";
export {
  CORRELATION_SIMILARITY_THRESHOLDS,
  correlationSimilarity,
  type CorrelationPairDetail,
  type CorrelationSimilarityDetails,
  type CorrelationSimilarityOptions,
} from "./correlation-similarity.js";
export { DETECTION_THRESHOLDS, detection, type DetectionDetails, type DetectionOptions } from "./detection.js";
export { columnOf, preparePair, type FidelityInput, type PreparedPair } from "./fidelity-input.js";
export { finiteMean, fmt, interpret, type VerdictSentences } from "./interpret.js";
export { KS_COMPLEMENT_THRESHOLDS, ksComplement, type KsColumnDetail, type KsComplementDetails } from "./ks-complement.js";
export { pairBootstrap, rowWeights, type EntityDraw } from "./pair-bootstrap.js";
export {
  PRDC_THRESHOLDS,
  precisionRecallDensityCoverage,
  prdcBreakdown,
  type PrdcComponent,
  type PrdcDetails,
  type PrdcOptions,
} from "./precision-recall-density-coverage.js";
export { TV_COMPLEMENT_THRESHOLDS, tvComplement, type TvColumnDetail, type TvComplementDetails } from "./tv-complement.js";
