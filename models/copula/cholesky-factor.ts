/**
 * The lower Cholesky factor L of a symmetric positive-definite n×n matrix A = L Lᵀ (row-major; only the lower
 * triangle of A is read). The evaluation's `choleskySolve` solves a system and discards L; the copula needs L
 * itself, to turn independent normals into correlated ones and to condition on context dimensions.
 *
 * @returns L (row-major, zeros above the diagonal), or null when A is not numerically positive definite
 * (a pivot ≤ 1e-12 × its diagonal entry)
 * Cost: n³/6 multiply-adds. Source: Golub & Van Loan, Matrix Computations, 4th ed., §4.2.
 */
export function choleskyFactor(a: Float64Array, n: number): Float64Array | null {
  const l = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    const rowJ = j * n;
    let diag = a[rowJ + j] as number;
    for (let k = 0; k < j; k++) diag -= (l[rowJ + k] as number) ** 2;
    if (!(diag > 1e-12 * Math.max(1, Math.abs(a[rowJ + j] as number)))) return null;
    const ljj = Math.sqrt(diag);
    l[rowJ + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      const rowI = i * n;
      let s = a[rowI + j] as number;
      for (let k = 0; k < j; k++) s -= (l[rowI + k] as number) * (l[rowJ + k] as number);
      l[rowI + j] = s / ljj;
    }
  }
  return l;
}
