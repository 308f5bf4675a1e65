import { describe, expect, it } from "vitest";
import { DataError } from "../../../core/errors.js";
import { Rng } from "../../../core/rng.js";
import { fitLogisticRegression, logisticRegressionClassifier, predictLogisticProba } from "../../../evaluation/stats/logistic-regression.js";
import type { Matrix } from "../../../evaluation/stats/matrix.js";

const rows = [[0.5, 1.2], [1.5, -0.3], [-0.7, 0.8], [2.1, 1.9], [-1.2, -0.5], [0.3, 0.1], [1.1, 2.2], [-0.4, -1.7], [0.9, -0.8], [-1.8, 0.6], [1.7, 0.4], [-0.2, 1.4]];
const X: Matrix = { data: Float64Array.from(rows.flat()), rows: 12, cols: 2 };
const y = [1, 1, 0, 1, 0, 0, 1, 0, 1, 0, 1, 0];

// Reference: scikit-learn 1.2.1. newton-cg with a tight tolerance reaches the exact optimum; the default lbfgs
// stops at a gradient of ~1e-5 and agrees to about 5 digits (coef [1.531195634717043, 0.24077747838600125]).
describe("fitLogisticRegression", () => {
  it("matches sklearn LogisticRegression(C=1) coefficients and probabilities", () => {
    // >>> m = LogisticRegression(C=1.0, tol=1e-12, max_iter=10000, solver="newton-cg").fit(X, y)
    // >>> m.coef_, m.intercept_, m.predict_proba(X)[:3, 1]
    // [[1.5312051205025925, 0.24077621240983926]] [-0.6361489165260766]
    // [0.6030967536420491, 0.830394523028169, 0.18014409645335624]
    const model = fitLogisticRegression(X, y);
    expect(model.converged).toBe(true);
    expect(model.coef[0]).toBeCloseTo(1.5312051205025925, 10);
    expect(model.coef[1]).toBeCloseTo(0.24077621240983926, 10);
    expect(model.intercept).toBeCloseTo(-0.6361489165260766, 10);
    const p = predictLogisticProba(model, X);
    expect(p[0]).toBeCloseTo(0.6030967536420491, 10);
    expect(p[1]).toBeCloseTo(0.830394523028169, 10);
    expect(p[2]).toBeCloseTo(0.18014409645335624, 10);
  });

  it("matches sklearn with C=0.5 and class_weight='balanced'", () => {
    // >>> LogisticRegression(C=0.5, class_weight="balanced", tol=1e-12, max_iter=10000, solver="newton-cg").fit(X[:10], y[:10])
    // coef_ [[0.9728250881955355, 0.3292934121121692]] intercept_ [-0.32724924272138367]
    const X10: Matrix = { data: X.data.subarray(0, 20), rows: 10, cols: 2 };
    const model = fitLogisticRegression(X10, y.slice(0, 10), { C: 0.5, classWeight: "balanced" });
    expect(model.coef[0]).toBeCloseTo(0.9728250881955355, 9);
    expect(model.coef[1]).toBeCloseTo(0.3292934121121692, 9);
    expect(model.intercept).toBeCloseTo(-0.32724924272138367, 9);
  });

  it("stays finite on separable data thanks to the L2 penalty", () => {
    const sep: Matrix = { data: Float64Array.of(-2, -1, 1, 2), rows: 4, cols: 1 };
    const model = fitLogisticRegression(sep, [0, 0, 1, 1]);
    expect(model.converged).toBe(true);
    expect(Number.isFinite(model.coef[0] as number)).toBe(true);
  });

  it("rejects a single class", () => {
    expect(() => fitLogisticRegression(X, new Array(12).fill(0))).toThrowError(DataError);
  });
});

describe("logisticRegressionClassifier", () => {
  it("one-vs-rest probabilities match sklearn multi_class='ovr'", () => {
    // >>> y3 = [0,1,2,1,0,2,1,0,2,0,1,2]
    // >>> LogisticRegression(C=1.0, multi_class="ovr", tol=1e-12, max_iter=100000).fit(X, y3).predict_proba(X[:2])
    // [[0.21602007734816495, 0.41548932794641114, 0.368490594705424],
    //  [0.1440124168991645, 0.5663001029778428, 0.28968748012299267]]   (lbfgs; agrees to ~1e-6)
    const clf = logisticRegressionClassifier().create();
    clf.fit(X, { codes: Int32Array.of(0, 1, 2, 1, 0, 2, 1, 0, 2, 0, 1, 2), nClasses: 3 }, new Rng("x"));
    const proba = clf.predictProba({ data: X.data.subarray(0, 4), rows: 2, cols: 2 }) as Matrix;
    const expected = [0.21602007734816495, 0.41548932794641114, 0.368490594705424, 0.1440124168991645, 0.5663001029778428, 0.28968748012299267];
    expected.forEach((e, i) => expect(proba.data[i]).toBeCloseTo(e, 5));
  });

  it("predicts the only class seen when training data have one class", () => {
    const clf = logisticRegressionClassifier().create();
    clf.fit(X, { codes: new Int32Array(12).fill(1), nClasses: 3 }, new Rng("x"));
    const proba = clf.predictProba({ data: X.data.subarray(0, 2), rows: 1, cols: 2 }) as Matrix;
    expect(Array.from(proba.data)).toEqual([0, 1, 0]);
  });
});
