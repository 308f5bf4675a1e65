/**
 * F1 score of one class: 2·TP / (2·TP + FP + FN), the harmonic mean of precision and recall, as
 * sklearn's `f1_score(y_true, y_pred, pos_label=positive)`. Returns 0 when the class is never true nor
 * predicted (sklearn's `zero_division` default, with its warning turned into a plain 0).
 *
 * @param weights optional multiplicity per row (bootstrap resamples)
 * Source: https://scikit-learn.org/1.2/modules/generated/sklearn.metrics.f1_score.html
 * @example
 * f1Score(Int32Array.of(1, 1, 0, 0), Int32Array.of(1, 0, 1, 0), 1) // 0.5
 */
export function f1Score(yTrue: Int32Array, yPred: Int32Array, positive = 1, weights?: Float64Array): number {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const w = weights ? (weights[i] as number) : 1;
    const t = yTrue[i] === positive;
    const p = yPred[i] === positive;
    if (t && p) tp += w;
    else if (p) fp += w;
    else if (t) fn += w;
  }
  const denominator = 2 * tp + fp + fn;
  return denominator === 0 ? 0 : (2 * tp) / denominator;
}

/**
 * Macro-averaged F1: the unweighted mean of per-class F1 over the classes present in y_true or y_pred
 * (sklearn's `average="macro"` with default labels).
 */
export function macroF1(yTrue: Int32Array, yPred: Int32Array, nClasses: number, weights?: Float64Array): number {
  const present = new Uint8Array(nClasses);
  for (let i = 0; i < yTrue.length; i++) {
    if (weights && weights[i] === 0) continue;
    present[yTrue[i] as number] = 1;
    present[yPred[i] as number] = 1;
  }
  let sum = 0;
  let count = 0;
  for (let c = 0; c < nClasses; c++) {
    if (!present[c]) continue;
    sum += f1Score(yTrue, yPred, c, weights);
    count++;
  }
  return count === 0 ? Number.NaN : sum / count;
}
