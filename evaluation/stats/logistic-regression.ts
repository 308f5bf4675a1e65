import type { Rng } from "../../core/rng.js";
import { DataError } from "../../core/errors.js";
import { choleskySolve } from "./cholesky.js";
import type { ClassLabels, Classifier, ClassifierFactory } from "./classifier.js";
import type { Matrix } from "./matrix.js";

export interface LogisticRegressionOptions {
  /** Inverse L2 strength, as sklearn's `C`; default 1.0 (sklearn's default). */
  C?: number;
  /** Fit an unpenalised intercept; default true. */
  fitIntercept?: boolean;
  /** "balanced" weighs class c by n / (nClasses · n_c), as sklearn's class_weight="balanced"; default none. */
  classWeight?: "balanced" | null;
  /** Newton iterations at most; default 100. */
  maxIter?: number;
  /** Stop when the largest gradient entry of the mean loss is below this; default 1e-10. */
  tol?: number;
  /**
   * Rows used for the Hessian (every ⌈n / hessianRows⌉-th row, rescaled); default 10 000. The gradient always
   * uses every row, so the fit still converges to the exact optimum; only the step directions are approximate.
   */
  hessianRows?: number;
}

/** A fitted binary logistic model: P(y = 1 | x) = σ(x·coef + intercept). */
export interface LogisticModel {
  coef: Float64Array;
  intercept: number;
  iterations: number;
  converged: boolean;
}

/**
 * Binary L2-regularised logistic regression, fitted by Newton's method (iteratively reweighted least squares)
 * with a backtracking line search. It minimises the same objective as sklearn's `LogisticRegression(C=C)`:
 *
 *   Σ_i s_i · [log(1 + e^{z_i}) − y_i z_i] + ‖w‖² / (2C),   z_i = x_i·w + b,
 *
 * with the intercept b unpenalised, so at convergence the coefficients agree with sklearn's lbfgs solution to
 * its tolerance. Newton is deterministic and converges in a handful of iterations; each costs one pass of
 * m·(d+1)²/2 multiply-adds for the Hessian (m = min(n, hessianRows): on large tables the Hessian comes from an
 * evenly spaced subsample of rows, a "subsampled Newton" step, while the gradient and the stopping test use
 * every row) plus a (d+1)³/6 Cholesky, which is why the table encoder caps one-hot width.
 *
 * Source: Hastie, Tibshirani & Friedman, The Elements of Statistical Learning, §4.4.1;
 * https://scikit-learn.org/1.2/modules/linear_model.html#logistic-regression
 *
 * @param y 0/1 per row
 * @param sampleWeight optional weight per row (class weights are multiplied in)
 * @throws {DataError} sizes differ, or y has only one class (the intercept would run to infinity)
 */
export function fitLogisticRegression(
  X: Matrix,
  y: ArrayLike<number>,
  options: LogisticRegressionOptions = {},
  sampleWeight?: Float64Array,
): LogisticModel {
  const { C = 1, fitIntercept = true, classWeight = null, maxIter = 100, tol = 1e-10, hessianRows = 10_000 } = options;
  const n = X.rows;
  const d = X.cols;
  if (y.length !== n) throw new DataError(`logistic regression: ${n} rows but ${y.length} labels`);
  const s = new Float64Array(n);
  let positives = 0;
  for (let i = 0; i < n; i++) {
    s[i] = sampleWeight ? (sampleWeight[i] as number) : 1;
    if (y[i] === 1) positives++;
  }
  if (positives === 0 || positives === n) throw new DataError("logistic regression requires both classes in y");
  if (classWeight === "balanced") {
    const w1 = n / (2 * positives);
    const w0 = n / (2 * (n - positives));
    for (let i = 0; i < n; i++) s[i]! *= y[i] === 1 ? w1 : w0;
  }
  let weightSum = 0;
  for (let i = 0; i < n; i++) weightSum += s[i] as number;

  const p = d + (fitIntercept ? 1 : 0); // parameters: w then b
  const theta = new Float64Array(p);
  const lambda = 1 / C;
  const z = new Float64Array(n);
  const data = X.data;

  const computeZ = (params: Float64Array, out: Float64Array): void => {
    const b = fitIntercept ? (params[d] as number) : 0;
    for (let i = 0; i < n; i++) {
      let acc = b;
      const row = i * d;
      for (let j = 0; j < d; j++) acc += (data[row + j] as number) * (params[j] as number);
      out[i] = acc;
    }
  };
  const objective = (params: Float64Array, zs: Float64Array): number => {
    let loss = 0;
    for (let i = 0; i < n; i++) {
      const zi = zs[i] as number;
      // log(1 + e^z) without overflow.
      const softplus = zi > 0 ? zi + Math.log1p(Math.exp(-zi)) : Math.log1p(Math.exp(zi));
      loss += (s[i] as number) * (softplus - (y[i] === 1 ? zi : 0));
    }
    let penalty = 0;
    for (let j = 0; j < d; j++) penalty += (params[j] as number) ** 2;
    return loss + 0.5 * lambda * penalty;
  };

  computeZ(theta, z);
  let f = objective(theta, z);
  const grad = new Float64Array(p);
  const hess = new Float64Array(p * p);
  const trialTheta = new Float64Array(p);
  const trialZ = new Float64Array(n);
  let iterations = 0;
  let converged = false;
  // Evenly spaced Hessian rows, each standing for `stride` rows.
  const stride = n > hessianRows ? Math.ceil(n / hessianRows) : 1;
  for (; iterations < maxIter; iterations++) {
    grad.fill(0);
    hess.fill(0);
    for (let i = 0; i < n; i++) {
      const pi = 1 / (1 + Math.exp(-(z[i] as number)));
      const si = s[i] as number;
      const r = si * (pi - (y[i] === 1 ? 1 : 0));
      const row = i * d;
      if (stride > 1 && i % stride !== 0) {
        for (let a = 0; a < d; a++) grad[a]! += r * (data[row + a] as number);
        if (fitIntercept) grad[d]! += r;
        continue;
      }
      const h = si * pi * (1 - pi) * stride;
      for (let a = 0; a < d; a++) {
        const xa = data[row + a] as number;
        grad[a]! += r * xa;
        const hx = h * xa;
        if (hx === 0) continue;
        // Upper triangle only; mirrored below.
        const base = a * p;
        for (let b = a; b < d; b++) hess[base + b]! += hx * (data[row + b] as number);
        if (fitIntercept) hess[base + d]! += hx;
      }
      if (fitIntercept) {
        grad[d]! += r;
        hess[d * p + d]! += h;
      }
    }
    for (let a = 0; a < d; a++) {
      grad[a]! += lambda * (theta[a] as number);
      hess[a * p + a]! += lambda;
    }
    let gmax = 0;
    for (let a = 0; a < p; a++) gmax = Math.max(gmax, Math.abs(grad[a] as number));
    if (gmax / weightSum <= tol) {
      converged = true;
      break;
    }
    for (let a = 0; a < p; a++) for (let b = 0; b < a; b++) hess[a * p + b] = hess[b * p + a] as number;
    let step = choleskySolve(hess, grad, p);
    if (!step) {
      // Saturated probabilities can make the Hessian singular in the intercept direction: add a small ridge.
      for (let a = 0; a < p; a++) hess[a * p + a]! += 1e-8 * weightSum;
      step = choleskySolve(hess, grad, p);
      if (!step) break;
    }
    let slope = 0;
    for (let a = 0; a < p; a++) slope += (grad[a] as number) * (step[a] as number);
    // Backtracking (Armijo) along the Newton direction: a full step is almost always accepted near the optimum.
    let t = 1;
    let accepted = false;
    for (let tries = 0; tries < 40; tries++) {
      for (let a = 0; a < p; a++) trialTheta[a] = (theta[a] as number) - t * (step[a] as number);
      computeZ(trialTheta, trialZ);
      const trialF = objective(trialTheta, trialZ);
      if (trialF <= f - 1e-4 * t * slope) {
        theta.set(trialTheta);
        z.set(trialZ);
        const improvement = f - trialF;
        f = trialF;
        accepted = true;
        // Objective flat to machine precision: nothing more to gain.
        if (improvement <= 1e-15 * Math.max(1, Math.abs(f))) converged = true;
        break;
      }
      t *= 0.5;
    }
    if (!accepted || converged) {
      converged = true;
      iterations++;
      break;
    }
  }
  return { coef: theta.slice(0, d), intercept: fitIntercept ? (theta[d] as number) : 0, iterations, converged };
}

/** P(y = 1 | x) for each row. */
export function predictLogisticProba(model: LogisticModel, X: Matrix): Float64Array {
  const n = X.rows;
  const d = X.cols;
  const out = new Float64Array(n);
  const data = X.data;
  const coef = model.coef;
  for (let i = 0; i < n; i++) {
    let z = model.intercept;
    const row = i * d;
    for (let j = 0; j < d; j++) z += (data[row + j] as number) * (coef[j] as number);
    out[i] = 1 / (1 + Math.exp(-z));
  }
  return out;
}

/**
 * Logistic regression as a pluggable {@link ClassifierFactory}: binary directly, more classes one-vs-rest
 * (sklearn's `multi_class="ovr"`; probabilities normalised to sum to 1). A class absent from the training
 * labels gets probability 0 (rows normalised over the others), and a training set with a single class
 * predicts it with probability 1, since no model can be fitted.
 *
 * Deterministic: the rng is accepted for the interface and not used.
 */
export function logisticRegressionClassifier(options: LogisticRegressionOptions = {}): ClassifierFactory {
  return {
    name: "logistic-regression",
    create(): Classifier {
      let models: (LogisticModel | "absent" | "all")[] = [];
      let nClasses = 0;
      return {
        fit(X: Matrix, y: ClassLabels, _rng: Rng): void {
          nClasses = y.nClasses;
          const counts = new Int32Array(nClasses);
          for (let i = 0; i < y.codes.length; i++) counts[y.codes[i] as number]!++;
          const present = Array.from(counts).filter((c) => c > 0).length;
          const binaryView = (positive: number): Uint8Array => {
            const out = new Uint8Array(y.codes.length);
            for (let i = 0; i < out.length; i++) out[i] = y.codes[i] === positive ? 1 : 0;
            return out;
          };
          if (present <= 1) {
            models = Array.from(counts, (c) => (c > 0 ? "all" : "absent"));
          } else if (nClasses === 2) {
            models = [fitLogisticRegression(X, binaryView(1), options)];
          } else {
            models = Array.from(counts, (c, k) => (c === 0 ? "absent" : c === y.codes.length ? "all" : fitLogisticRegression(X, binaryView(k), options)));
          }
        },
        predictProba(X: Matrix): Matrix {
          const n = X.rows;
          const out = new Float64Array(n * nClasses);
          if (nClasses === 2 && models.length === 1 && typeof models[0] === "object") {
            const p1 = predictLogisticProba(models[0], X);
            for (let i = 0; i < n; i++) {
              out[2 * i] = 1 - (p1[i] as number);
              out[2 * i + 1] = p1[i] as number;
            }
            return { data: out, rows: n, cols: 2 };
          }
          for (let k = 0; k < nClasses; k++) {
            const model = models[k];
            if (model === "all") for (let i = 0; i < n; i++) out[i * nClasses + k] = 1;
            else if (model !== "absent" && model !== undefined) {
              const pk = predictLogisticProba(model, X);
              for (let i = 0; i < n; i++) out[i * nClasses + k] = pk[i] as number;
            }
          }
          for (let i = 0; i < n; i++) {
            let sum = 0;
            for (let k = 0; k < nClasses; k++) sum += out[i * nClasses + k] as number;
            if (sum > 0) for (let k = 0; k < nClasses; k++) out[i * nClasses + k]! /= sum;
          }
          return { data: out, rows: n, cols: nClasses };
        },
      };
    },
  };
}
