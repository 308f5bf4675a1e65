/**
 * Damped Newton iteration for a small square system f(x) = 0 (two or three unknowns here: the arch form's
 * width, depth and exponent), with a forward-difference Jacobian.
 *
 * Why not bisection: the arch fit used nested bisections, about 2,000 evaluations of a sampled curve per fit
 * (~300 ms). The residuals are smooth in the parameters, so Newton converges in a handful of steps, each costing
 * n + 1 evaluations. A step that does not reduce the residual norm is halved (backtracking), and the unknowns are
 * kept inside their bounds, so a poor start cannot run off to a degenerate curve.
 */
export interface NewtonOptions {
  /** Finite-difference step per unknown. */
  steps: readonly number[];
  lower: readonly number[];
  upper: readonly number[];
  /** Stop when every |f_i| is below this (default 1e-6). */
  tolerance?: number;
  /** Default 40. */
  maxIterations?: number;
}

export interface NewtonResult {
  x: number[];
  residual: number[];
  converged: boolean;
}

export function solveNewton(f: (x: readonly number[]) => number[], x0: readonly number[], options: NewtonOptions): NewtonResult {
  const n = x0.length;
  const tolerance = options.tolerance ?? 1e-6;
  const maxIterations = options.maxIterations ?? 40;
  const clamp = (v: number[]) => v.map((value, i) => Math.min(options.upper[i] as number, Math.max(options.lower[i] as number, value)));
  const norm = (r: readonly number[]) => Math.hypot(...r);
  let x = clamp([...x0]);
  let r = f(x);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    if (r.every((v) => Math.abs(v) < tolerance)) return { x, residual: r, converged: true };
    // Jacobian column j = (f(x + h e_j) − f(x)) / h, stepping inward at an upper bound.
    const jacobian: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
    for (let j = 0; j < n; j++) {
      const h = (x[j] as number) + (options.steps[j] as number) > (options.upper[j] as number) ? -(options.steps[j] as number) : (options.steps[j] as number);
      const xh = [...x];
      xh[j] = (xh[j] as number) + h;
      const rh = f(xh);
      for (let i = 0; i < n; i++) (jacobian[i] as number[])[j] = ((rh[i] as number) - (r[i] as number)) / h;
    }
    const delta = solveLinear(jacobian, r.map((v) => -v));
    if (delta === null) break;
    let scale = 1;
    let accepted = false;
    for (let k = 0; k < 12; k++) {
      const candidate = clamp(x.map((v, i) => v + scale * (delta[i] as number)));
      const rc = f(candidate);
      if (norm(rc) < norm(r)) {
        x = candidate;
        r = rc;
        accepted = true;
        break;
      }
      scale /= 2;
    }
    if (!accepted) break;
  }
  return { x, residual: r, converged: r.every((v) => Math.abs(v) < tolerance) };
}

/** Gaussian elimination with partial pivoting; null when the matrix is singular. */
function solveLinear(a: number[][], b: number[]): number[] | null {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i] as number]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let row = col + 1; row < n; row++) if (Math.abs((m[row] as number[])[col] as number) > Math.abs((m[pivot] as number[])[col] as number)) pivot = row;
    if (Math.abs((m[pivot] as number[])[col] as number) < 1e-12) return null;
    [m[col], m[pivot]] = [m[pivot] as number[], m[col] as number[]];
    const p = m[col] as number[];
    for (let row = col + 1; row < n; row++) {
      const q = m[row] as number[];
      const factor = (q[col] as number) / (p[col] as number);
      for (let k = col; k <= n; k++) q[k] = (q[k] as number) - factor * (p[k] as number);
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let row = n - 1; row >= 0; row--) {
    const p = m[row] as number[];
    let sum = p[n] as number;
    for (let k = row + 1; k < n; k++) sum -= (p[k] as number) * (x[k] as number);
    x[row] = sum / (p[row] as number);
  }
  return x;
}
