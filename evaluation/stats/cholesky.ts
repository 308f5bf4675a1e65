/**
 * Solves A x = b for a symmetric positive-definite n×n matrix A (row-major; only the lower triangle is read)
 * by Cholesky factorisation A = L Lᵀ. Used by the Newton steps of logistic regression and by ridge regression,
 * where A is a Gram matrix plus a ridge, so it is positive definite unless the data are degenerate.
 *
 * @returns the solution, or null when A is not numerically positive definite (a pivot ≤ 1e-12 × its diagonal)
 * Cost: n³/6 multiply-adds for the factorisation, n² for the solves.
 * Source: Golub & Van Loan, Matrix Computations, 4th ed., §4.2.
 */
export function choleskySolve(a: Float64Array, b: Float64Array, n: number): Float64Array | null {
  const l = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    let diag = a[j * n + j] as number;
    for (let k = 0; k < j; k++) diag -= (l[j * n + k] as number) ** 2;
    if (!(diag > 1e-12 * Math.max(1, Math.abs(a[j * n + j] as number)))) return null;
    const ljj = Math.sqrt(diag);
    l[j * n + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let s = a[i * n + j] as number;
      for (let k = 0; k < j; k++) s -= (l[i * n + k] as number) * (l[j * n + k] as number);
      l[i * n + j] = s / ljj;
    }
  }
  // Forward: L y = b; backward: Lᵀ x = y.
  const x = Float64Array.from(b);
  for (let i = 0; i < n; i++) {
    let s = x[i] as number;
    for (let k = 0; k < i; k++) s -= (l[i * n + k] as number) * (x[k] as number);
    x[i] = s / (l[i * n + i] as number);
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = x[i] as number;
    for (let k = i + 1; k < n; k++) s -= (l[k * n + i] as number) * (x[k] as number);
    x[i] = s / (l[i * n + i] as number);
  }
  return x;
}
