import type { Rng } from "../../core/rng.js";
import { DataError } from "../../core/errors.js";
import { choleskySolve } from "./cholesky.js";
import type { Regressor, RegressorFactory } from "./classifier.js";
import type { Matrix } from "./matrix.js";

export interface RidgeOptions {
  /** L2 strength, as sklearn's Ridge `alpha`; default 1.0. Use a tiny value for ordinary least squares. */
  alpha?: number;
  fitIntercept?: boolean;
}

export interface LinearModel {
  coef: Float64Array;
  intercept: number;
}

/**
 * Ridge regression, minimising Σ s_i (y_i − x_i·w − b)² + α‖w‖² with an unpenalised intercept, solved in
 * closed form on the centred normal equations (the same solution as sklearn's `Ridge(alpha)`).
 *
 * Cost: n·d²/2 for the Gram matrix, d³/6 for the solve.
 * Source: https://scikit-learn.org/1.2/modules/linear_model.html#ridge-regression-and-classification
 *
 * @throws {DataError} sizes differ or the system is singular (α = 0 with collinear columns)
 */
export function fitRidge(X: Matrix, y: Float64Array, options: RidgeOptions = {}, sampleWeight?: Float64Array): LinearModel {
  const { alpha = 1, fitIntercept = true } = options;
  const n = X.rows;
  const d = X.cols;
  if (y.length !== n) throw new DataError(`ridge regression: ${n} rows but ${y.length} targets`);
  const data = X.data;
  // Weighted means (zero when not fitting an intercept, so nothing is centred).
  const mx = new Float64Array(d);
  let my = 0;
  let sw = 0;
  if (fitIntercept) {
    for (let i = 0; i < n; i++) {
      const s = sampleWeight ? (sampleWeight[i] as number) : 1;
      sw += s;
      my += s * (y[i] as number);
      const row = i * d;
      for (let j = 0; j < d; j++) mx[j]! += s * (data[row + j] as number);
    }
    if (sw <= 0) throw new DataError("ridge regression requires positive total weight");
    my /= sw;
    for (let j = 0; j < d; j++) mx[j]! /= sw;
  }
  const gram = new Float64Array(d * d);
  const rhs = new Float64Array(d);
  const centred = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    const s = sampleWeight ? (sampleWeight[i] as number) : 1;
    if (s === 0) continue;
    const row = i * d;
    for (let j = 0; j < d; j++) centred[j] = (data[row + j] as number) - (mx[j] as number);
    const ry = s * ((y[i] as number) - my);
    for (let a = 0; a < d; a++) {
      const xa = s * (centred[a] as number);
      rhs[a]! += ry * (centred[a] as number);
      if (xa === 0) continue;
      const base = a * d;
      for (let b = a; b < d; b++) gram[base + b]! += xa * (centred[b] as number);
    }
  }
  for (let a = 0; a < d; a++) {
    gram[a * d + a]! += alpha;
    for (let b = 0; b < a; b++) gram[a * d + b] = gram[b * d + a] as number;
  }
  const coef = d === 0 ? new Float64Array(0) : choleskySolve(gram, rhs, d);
  if (!coef) throw new DataError("ridge regression: singular system; increase alpha");
  let intercept = 0;
  if (fitIntercept) {
    intercept = my;
    for (let j = 0; j < d; j++) intercept -= (mx[j] as number) * (coef[j] as number);
  }
  return { coef, intercept };
}

/** x·coef + intercept for each row. */
export function predictLinear(model: LinearModel, X: Matrix): Float64Array {
  const out = new Float64Array(X.rows);
  for (let i = 0; i < X.rows; i++) {
    let acc = model.intercept;
    const row = i * X.cols;
    for (let j = 0; j < X.cols; j++) acc += (X.data[row + j] as number) * (model.coef[j] as number);
    out[i] = acc;
  }
  return out;
}

/** Ridge regression as a pluggable {@link RegressorFactory}. Deterministic (the rng is unused). */
export function ridgeRegressor(options: RidgeOptions = {}): RegressorFactory {
  return {
    name: "ridge-regression",
    create(): Regressor {
      let model: LinearModel | null = null;
      return {
        fit(X: Matrix, y: Float64Array, _rng: Rng): void {
          model = fitRidge(X, y, options);
        },
        predict(X: Matrix): Float64Array {
          if (!model) throw new DataError("ridge regression: predict before fit");
          return predictLinear(model, X);
        },
      };
    },
  };
}
