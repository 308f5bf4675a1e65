import { symmetricEigen } from "../../evaluation/stats/symmetric-eigen.js";
/**
 * Makes a symmetric matrix with unit diagonal a valid (positive semi-definite) correlation matrix.
 *
 * Why: pairwise estimates (pairs observed together under missing values, polychoric-type solutions per pair) need
 * not be jointly consistent, and one negative eigenvalue would stop the Cholesky factorisation. Clipping the
 * negative eigenvalues to zero and rescaling to a unit diagonal changes only the offending directions, unlike
 * shrinking every correlation toward zero. It is the first step of Higham's alternating projections (without the
 * iteration: one clip is already a valid correlation matrix, if not the nearest one).
 * Sources: N. J. Higham, "Computing the nearest correlation matrix", IMA J. Numer. Anal. 22:329-343 (2002);
 * eigen-decomposition by the cyclic Jacobi method, Golub & Van Loan, Matrix Computations, 4th ed., §8.5.
 *
 * @returns a new row-major n×n matrix. Cost: O(n³) per Jacobi sweep, typically under 10 sweeps.
 */
export function clipToCorrelation(matrix: Float64Array, n: number): Float64Array {
  const { values, vectors } = symmetricEigen(matrix, n);
  const out = new Float64Array(n * n);
  for (let k = 0; k < n; k++) {
    const lambda = Math.max(0, values[k] as number);
    if (lambda === 0) continue;
    for (let i = 0; i < n; i++) {
      const vik = (vectors[i * n + k] as number) * lambda;
      for (let j = 0; j <= i; j++) out[i * n + j] = (out[i * n + j] as number) + vik * (vectors[j * n + k] as number);
    }
  }
  const scale = new Float64Array(n);
  for (let i = 0; i < n; i++) scale[i] = (out[i * n + i] as number) > 0 ? 1 / Math.sqrt(out[i * n + i] as number) : 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      const r = (out[i * n + j] as number) * (scale[i] as number) * (scale[j] as number);
      out[i * n + j] = r;
      out[j * n + i] = r;
    }
    out[i * n + i] = 1;
  }
  return out;
}

