/**
 * A dense row-major matrix of doubles: row i is `data[i * cols .. (i + 1) * cols)`.
 *
 * The one numeric layout of the evaluation (encoder output, model input, neighbour search): a single typed
 * array instead of arrays of rows, so hot loops read contiguous memory and no per-row objects are made.
 */
export interface Matrix {
  data: Float64Array;
  rows: number;
  cols: number;
}

/** A zero-filled rows × cols matrix. */
export function zeroMatrix(rows: number, cols: number): Matrix {
  return { data: new Float64Array(rows * cols), rows, cols };
}

/** A new matrix of the given rows (indices may repeat). */
export function takeMatrixRows(m: Matrix, rows: ArrayLike<number>): Matrix {
  const out = new Float64Array(rows.length * m.cols);
  for (let i = 0; i < rows.length; i++) {
    const src = (rows[i] as number) * m.cols;
    out.set(m.data.subarray(src, src + m.cols), i * m.cols);
  }
  return { data: out, rows: rows.length, cols: m.cols };
}

/** The rows of `a` followed by the rows of `b` (same width). */
export function stackRows(a: Matrix, b: Matrix): Matrix {
  if (a.cols !== b.cols) throw new RangeError(`stackRows requires equal widths, got ${a.cols} and ${b.cols}`);
  const out = new Float64Array(a.data.length + b.data.length);
  out.set(a.data, 0);
  out.set(b.data, a.data.length);
  return { data: out, rows: a.rows + b.rows, cols: a.cols };
}
