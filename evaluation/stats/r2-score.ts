/**
 * Coefficient of determination R² = 1 − Σ(y − ŷ)² / Σ(y − ȳ)², as sklearn's `r2_score`: 1 is perfect, 0 is no
 * better than predicting the mean, negative is worse. With a constant y_true it returns 1 for a perfect
 * prediction and 0 otherwise (sklearn's `force_finite=True`).
 *
 * @param weights optional multiplicity per row (bootstrap resamples)
 * Source: https://scikit-learn.org/1.2/modules/generated/sklearn.metrics.r2_score.html
 * @example
 * r2Score(Float64Array.of(3, -0.5, 2, 7), Float64Array.of(2.5, 0, 2, 8)) // 0.9486...
 */
export function r2Score(yTrue: Float64Array, yPred: Float64Array, weights?: Float64Array): number {
  let sw = 0;
  let mean = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const w = weights ? (weights[i] as number) : 1;
    sw += w;
    mean += w * (yTrue[i] as number);
  }
  if (sw === 0) return Number.NaN;
  mean /= sw;
  let ssRes = 0;
  let ssTot = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const w = weights ? (weights[i] as number) : 1;
    const t = yTrue[i] as number;
    ssRes += w * (t - (yPred[i] as number)) ** 2;
    ssTot += w * (t - mean) ** 2;
  }
  if (ssTot === 0) return ssRes === 0 ? 1 : 0;
  return 1 - ssRes / ssTot;
}
