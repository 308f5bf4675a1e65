/**
 * The engine behind {@link ../stats/neighbors.ts}: exact k-nearest-neighbour search over float32 row matrices
 * by tiled squared-distance computation, in WebAssembly SIMD (f32x4) with a plain JavaScript fallback.
 *
 * This file has no Node imports, so the same code runs in the main thread and in worker threads.
 *
 * How it works (one query block at a time):
 * 1. The reference matrix lives in WebAssembly memory with its squared norms ‖r‖².
 * 2. A generated WASM function scans a block of reference rows against a block of queries with a 2 × 4
 *    register tile (two queries × four reference rows, eight f32x4 accumulators), computing
 *    v = ‖r‖² − 2 q·r (the squared distance minus the constant ‖q‖²), and writes a candidate (q, r, v)
 *    only when v beats the query's current threshold. Usually a handful of candidates per query pass.
 * 3. JavaScript keeps, per query, a max-heap of the k best candidates plus up to 32 near-ties within the
 *    float32 error margin of the k-th, lowers the threshold, and at the end recomputes the survivors' squared
 *    distances exactly in float64 from the float32 coordinates (so an exact copy has distance exactly 0) and
 *    keeps the k best.
 *
 * Exactness: the neighbour set is exact except that, among references whose squared distances agree to within
 * ~1e-6 of the squared norms (near-ties), which ones are kept is arbitrary beyond `k + 32` of them. Reported
 * distances are always the exact distances of the returned rows.
 *
 * Cost: nQuery · nRef · stride multiply-adds; measured ≈ 6·10⁹ per second per core with SIMD (bench/knn.ts).
 * The WASM module is written here byte by byte (no toolchain): the code generator is the `wasm*` helpers below.
 */

// The WebAssembly global, typed locally: this project's lib (ES2023, no DOM) and @types/node 20 do not declare it.
interface WasmMemory {
  readonly buffer: ArrayBuffer;
}
interface WasmInstance {
  readonly exports: Record<string, unknown>;
}
declare const WebAssembly: {
  Memory: new (descriptor: { initial: number; maximum?: number }) => WasmMemory;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: Record<string, Record<string, unknown>>) => WasmInstance;
  validate(bytes: Uint8Array): boolean;
};

/** Inputs of one search: row-major float32 matrices whose rows are padded to `stride` (a multiple of 4). */
export interface KernelInput {
  reference: Float32Array;
  nReference: number;
  query: Float32Array;
  nQuery: number;
  stride: number;
  /** Neighbours per query, 1 <= k <= nReference. */
  k: number;
  /** Force the JavaScript kernel (tests compare both). */
  forceJs?: boolean;
}

/** k neighbours per query, row-major (query i's neighbours at i·k .. i·k + k − 1), nearest first. */
export interface KernelOutput {
  indices: Int32Array;
  /** Euclidean distances, ascending per query. */
  distances: Float64Array;
}

const QUERY_BLOCK = 64; // queries per pass; their rows stay in L1 while reference rows stream through
const REF_BLOCK = 1024; // reference rows per scan call; thresholds are refreshed between calls
const FIRST_BLOCK = 64; // a small first block seeds the thresholds cheaply
const SLACK = 32; // extra candidates kept beyond k, to absorb float32 near-ties
const CAND_BYTES = 12; // one candidate: i32 query, i32 reference, f32 value

type ScanFn = (qPtr: number, nq: number, rPtr: number, nr: number, rnPtr: number, thrPtr: number, candPtr: number) => number;

/** Whether this runtime runs WebAssembly SIMD (Node ≥ 16.4 does). */
export function simdAvailable(): boolean {
  return SIMD_OK;
}

/**
 * Exact k-NN of every query row among the reference rows (squared Euclidean distance over the `stride`
 * coordinates; padding coordinates must be 0 in both matrices).
 *
 * Cost: O(nQuery · nReference · stride) time; memory ≈ 4·nReference·(stride + 1) bytes plus 1 MB.
 */
export function searchKnn(input: KernelInput): KernelOutput {
  const { reference, nReference, query, nQuery, stride } = input;
  const k = input.k;
  if (!(stride > 0 && stride % 4 === 0)) throw new RangeError(`searchKnn: stride must be a positive multiple of 4, got ${stride}`);
  if (!(k >= 1 && k <= nReference)) throw new RangeError(`searchKnn: need 1 <= k <= ${nReference}, got ${k}`);
  const nRefPad = Math.ceil(nReference / 4) * 4;

  // Memory layout, every region 16-byte aligned.
  const refPtr = 0;
  const rnPtr = refPtr + nRefPad * stride * 4;
  const qPtr = rnPtr + nRefPad * 4;
  const thrPtr = qPtr + QUERY_BLOCK * stride * 4;
  const candPtr = thrPtr + QUERY_BLOCK * 4;
  const total = candPtr + QUERY_BLOCK * REF_BLOCK * CAND_BYTES;
  if (total > 2 ** 31) throw new RangeError(`searchKnn: reference too large for one pass (${(total / 2 ** 30).toFixed(1)} GiB)`);

  const useWasm = SIMD_OK && !input.forceJs;
  let buffer: ArrayBuffer;
  let scan: ScanFn;
  if (useWasm) {
    const memory = new WebAssembly.Memory({ initial: Math.ceil(total / 65536) });
    const instance = new WebAssembly.Instance(moduleFor(stride), { env: { mem: memory } });
    scan = instance.exports["scan"] as ScanFn;
    buffer = memory.buffer;
  } else {
    buffer = new ArrayBuffer(total);
    scan = jsScan(buffer, stride);
  }
  const f32 = new Float32Array(buffer);
  const i32 = new Int32Array(buffer);

  // Reference rows and their squared norms; padding rows get ‖r‖² = +∞ so they never qualify.
  f32.set(reference.subarray(0, nReference * stride), refPtr / 4);
  let rnMax = 0;
  for (let j = 0; j < nRefPad; j++) {
    if (j >= nReference) {
      f32[rnPtr / 4 + j] = Number.POSITIVE_INFINITY;
      continue;
    }
    let s = 0;
    const o = j * stride;
    for (let t = 0; t < stride; t++) {
      const v = reference[o + t] as number;
      s += v * v;
    }
    f32[rnPtr / 4 + j] = s;
    if (s > rnMax) rnMax = s;
  }

  // Per query: a max-heap of the k best candidates by approximate value, and a side buffer of up to SLACK
  // near-ties (values within the float32 margin of the heap's maximum) that may still be among the k nearest
  // once distances are recomputed exactly.
  const heapV = new Float64Array(QUERY_BLOCK * k);
  const heapR = new Int32Array(QUERY_BLOCK * k);
  const heapN = new Int32Array(QUERY_BLOCK);
  const sideV = new Float64Array(QUERY_BLOCK * SLACK);
  const sideR = new Int32Array(QUERY_BLOCK * SLACK);
  const sideN = new Int32Array(QUERY_BLOCK);
  const tol = new Float64Array(QUERY_BLOCK);
  const thr = new Float32Array(buffer, thrPtr, QUERY_BLOCK);
  // Float32 error bound of v: accumulation over stride/4 terms per lane, the lane sum and the subtraction,
  // each ≤ 2⁻²⁴ relative to ‖q‖·‖r‖ ≤ (‖q‖² + ‖r‖²)/2; doubled for safety.
  const errScale = (stride + 16) * 2 ** -24;

  const indices = new Int32Array(nQuery * k);
  const distances = new Float64Array(nQuery * k);
  const candR = new Int32Array(k + SLACK);
  const exact = new Float64Array(k + SLACK);

  /** Adds (v, r) to the side buffer of query q, replacing its largest entry when full (if v is smaller). */
  const toSide = (q: number, v: number, r: number): void => {
    const base = q * SLACK;
    const n = sideN[q] as number;
    if (n < SLACK) {
      sideV[base + n] = v;
      sideR[base + n] = r;
      sideN[q] = n + 1;
      return;
    }
    let worst = 0;
    for (let i = 1; i < SLACK; i++) if ((sideV[base + i] as number) > (sideV[base + worst] as number)) worst = i;
    if (v < (sideV[base + worst] as number)) {
      sideV[base + worst] = v;
      sideR[base + worst] = r;
    }
  };
  const sideMax = (q: number): number => {
    let m = Number.NEGATIVE_INFINITY;
    for (let i = 0, base = q * SLACK; i < SLACK; i++) m = Math.max(m, sideV[base + i] as number);
    return m;
  };
  const siftDown = (base: number, size: number): void => {
    let i = 0;
    const v = heapV[base] as number;
    const r = heapR[base] as number;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= size) break;
      const c = l + 1 < size && (heapV[base + l + 1] as number) > (heapV[base + l] as number) ? l + 1 : l;
      if ((heapV[base + c] as number) <= v) break;
      heapV[base + i] = heapV[base + c] as number;
      heapR[base + i] = heapR[base + c] as number;
      i = c;
    }
    heapV[base + i] = v;
    heapR[base + i] = r;
  };
  const siftUp = (base: number, at: number): void => {
    let i = at;
    const v = heapV[base + i] as number;
    const r = heapR[base + i] as number;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((heapV[base + parent] as number) >= v) break;
      heapV[base + i] = heapV[base + parent] as number;
      heapR[base + i] = heapR[base + parent] as number;
      i = parent;
    }
    heapV[base + i] = v;
    heapR[base + i] = r;
  };

  for (let qb = 0; qb < nQuery; qb += QUERY_BLOCK) {
    const m = Math.min(QUERY_BLOCK, nQuery - qb);
    const mPad = m + (m & 1);
    f32.set(query.subarray(qb * stride, (qb + m) * stride), qPtr / 4);
    if (mPad > m) f32.fill(0, qPtr / 4 + m * stride, qPtr / 4 + mPad * stride);
    for (let q = 0; q < mPad; q++) {
      heapN[q] = 0;
      sideN[q] = 0;
      // A padding query gets −∞ so it never produces candidates.
      thr[q] = q < m ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
      if (q < m) {
        let s = 0;
        const o = (qb + q) * stride;
        for (let t = 0; t < stride; t++) {
          const v = query[o + t] as number;
          s += v * v;
        }
        tol[q] = errScale * (s + rnMax) + 1e-30;
      }
    }

    // The first block fills the heaps (every pair is a candidate until then), so it holds about k rows.
    const first = Math.min(REF_BLOCK, Math.max(FIRST_BLOCK, Math.ceil((k + SLACK) / 4) * 4));
    for (let start = 0, size = first; start < nRefPad; start += size, size = REF_BLOCK) {
      const n = Math.min(size, nRefPad - start);
      const nc = scan(qPtr, mPad, refPtr + start * stride * 4, n, rnPtr + start * 4, thrPtr, candPtr);
      for (let c = 0, p = candPtr / 4; c < nc; c++, p += 3) {
        const q = i32[p] as number;
        const v = f32[p + 2] as number;
        // Thresholds may have dropped since the scan started (same block): re-check.
        if (!(v < (thr[q] as number))) continue;
        const r = (i32[p + 1] as number) + start;
        const base = q * k;
        const size0 = heapN[q] as number;
        if (size0 < k) {
          heapV[base + size0] = v;
          heapR[base + size0] = r;
          heapN[q] = size0 + 1;
          siftUp(base, size0);
          if (size0 + 1 < k) continue;
        } else if (v < (heapV[base] as number)) {
          const oldV = heapV[base] as number;
          const oldR = heapR[base] as number;
          heapV[base] = v;
          heapR[base] = r;
          siftDown(base, k);
          if (oldV <= (heapV[base] as number) + (tol[q] as number)) toSide(q, oldV, oldR);
        } else {
          toSide(q, v, r);
        }
        const limit = (heapV[base] as number) + (tol[q] as number);
        // A full side buffer also refuses values equal to its largest (floods of exact ties stay cheap).
        thr[q] = (sideN[q] as number) === SLACK ? Math.min(limit, sideMax(q)) : limit;
      }
    }

    // Exact float64 re-ranking of heap and side candidates.
    for (let q = 0; q < m; q++) {
      const qo = (qb + q) * stride;
      let len = 0;
      const limit = (heapV[q * k] as number) + (tol[q] as number);
      for (let e = 0; e < (heapN[q] as number); e++) candR[len++] = heapR[q * k + e] as number;
      for (let e = 0; e < (sideN[q] as number); e++) if ((sideV[q * SLACK + e] as number) <= limit) candR[len++] = sideR[q * SLACK + e] as number;
      for (let e = 0; e < len; e++) {
        const ro = (candR[e] as number) * stride;
        let s = 0;
        for (let t = 0; t < stride; t++) {
          const d = (query[qo + t] as number) - (reference[ro + t] as number);
          s += d * d;
        }
        exact[e] = s;
      }
      sortPairs(exact, candR, len);
      const out = (qb + q) * k;
      for (let e = 0; e < k; e++) {
        indices[out + e] = candR[e] as number;
        distances[out + e] = Math.sqrt(exact[e] as number);
      }
    }
  }
  return { indices, distances };
}

/**
 * Sorts the first n (key, id) pairs by key, then id, in place: Shell sort with Ciura's gaps (no closures, no
 * allocation; a few hundred pairs at most).
 */
function sortPairs(keys: Float64Array, ids: Int32Array, n: number): void {
  for (const gap of GAPS) {
    if (gap >= n) continue;
    for (let i = gap; i < n; i++) {
      const k = keys[i] as number;
      const id = ids[i] as number;
      let j = i;
      while (j >= gap && ((keys[j - gap] as number) > k || ((keys[j - gap] as number) === k && (ids[j - gap] as number) > id))) {
        keys[j] = keys[j - gap] as number;
        ids[j] = ids[j - gap] as number;
        j -= gap;
      }
      keys[j] = k;
      ids[j] = id;
    }
  }
}
const GAPS = [701, 301, 132, 57, 23, 10, 4, 1];

// ---------------------------------------------------------------------------------------------------------------
// JavaScript fallback: the same contract as the generated WASM `scan`
// ---------------------------------------------------------------------------------------------------------------

function jsScan(buffer: ArrayBuffer, stride: number): ScanFn {
  const f32 = new Float32Array(buffer);
  const i32 = new Int32Array(buffer);
  return (qPtr, nq, rPtr, nr, rnPtr, thrPtr, candPtr) => {
    let nc = 0;
    const q0 = qPtr >> 2;
    const r0 = rPtr >> 2;
    const rn0 = rnPtr >> 2;
    const th0 = thrPtr >> 2;
    let out = candPtr >> 2;
    for (let r = 0; r < nr; r++) {
      const ro = r0 + r * stride;
      const rn = f32[rn0 + r] as number;
      for (let q = 0; q < nq; q++) {
        const qo = q0 + q * stride;
        let s0 = 0;
        let s1 = 0;
        let s2 = 0;
        let s3 = 0;
        for (let t = 0; t < stride; t += 4) {
          s0 += (f32[qo + t] as number) * (f32[ro + t] as number);
          s1 += (f32[qo + t + 1] as number) * (f32[ro + t + 1] as number);
          s2 += (f32[qo + t + 2] as number) * (f32[ro + t + 2] as number);
          s3 += (f32[qo + t + 3] as number) * (f32[ro + t + 3] as number);
        }
        const v = Math.fround(rn - 2 * (s0 + s1 + s2 + s3));
        if (v < (f32[th0 + q] as number)) {
          i32[out] = q;
          i32[out + 1] = r;
          f32[out + 2] = v;
          out += 3;
          nc++;
        }
      }
    }
    return nc;
  };
}

// ---------------------------------------------------------------------------------------------------------------
// WASM code generation
// ---------------------------------------------------------------------------------------------------------------

type Bytes = number[];

const uleb = (value: number): Bytes => {
  const out: Bytes = [];
  let n = value >>> 0;
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
};
const sleb = (value: number): Bytes => {
  const out: Bytes = [];
  let n = value | 0;
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (b & 0x40) === 0) || (n === -1 && (b & 0x40) !== 0)) {
      out.push(b);
      return out;
    }
    out.push(b | 0x80);
  }
};
const name = (s: string): Bytes => {
  const bytes = Array.from(new TextEncoder().encode(s));
  return [...uleb(bytes.length), ...bytes];
};
const vec = (items: Bytes[]): Bytes => [...uleb(items.length), ...items.flat()];
const section = (id: number, body: Bytes): Bytes => [id, ...uleb(body.length), ...body];
type Code = number | Code[];
const flat = (code: Code[]): Bytes => (code as unknown[]).flat(Infinity as 1) as Bytes;

const I32 = 0x7f;
const V128 = 0x7b;
// Core instructions.
const get = (i: number): Bytes => [0x20, ...uleb(i)];
const set = (i: number): Bytes => [0x21, ...uleb(i)];
const tee = (i: number): Bytes => [0x22, ...uleb(i)];
const i32const = (v: number): Bytes => [0x41, ...sleb(v)];
const I32_ADD = 0x6a;
const I32_MUL = 0x6c;
const I32_SHL = 0x74;
const I32_AND = 0x71;
const I32_GE_S = 0x4e;
const block = (...body: Code[]): Code => [0x02, 0x40, ...body, 0x0b];
const loop = (...body: Code[]): Code => [0x03, 0x40, ...body, 0x0b];
const ifThen = (...body: Code[]): Code => [0x04, 0x40, ...body, 0x0b];
const br = (depth: number): Bytes => [0x0c, ...uleb(depth)];
const brIf = (depth: number): Bytes => [0x0d, ...uleb(depth)];
const f32store = (offset: number): Bytes => [0x38, 2, ...uleb(offset)];
const i32store = (offset: number): Bytes => [0x36, 2, ...uleb(offset)];
const f32load = (offset: number): Bytes => [0x2a, 2, ...uleb(offset)];
// SIMD instructions (prefix 0xfd, LEB opcode; numbering of the final SIMD proposal).
const simd = (op: number, ...imm: number[]): Bytes => [0xfd, ...uleb(op), ...imm];
const v128load = (offset: number): Bytes => simd(0x00, 4, ...uleb(offset));
const V128_ZERO = simd(0x0c, ...new Array<number>(16).fill(0));
const F32X4_ADD = simd(0xe4);
const F32X4_SUB = simd(0xe5);
const F32X4_MUL = simd(0xe6);
const F32X4_LT = simd(0x43);
const F32X4_SPLAT = simd(0x13);
const I32X4_BITMASK = simd(0xa4);
const f32x4extract = (lane: number): Bytes => simd(0x1f, lane);
/** i8x16.shuffle selecting four 32-bit lanes (0-3 from the first operand, 4-7 from the second). */
const shuffle32 = (lanes: [number, number, number, number]): Bytes =>
  simd(0x0d, ...lanes.flatMap((l) => [l * 4, l * 4 + 1, l * 4 + 2, l * 4 + 3]));

/**
 * The scan function for one stride (row length in floats, a multiple of 4), fully unrolled over the row so
 * every load has a constant offset.
 *
 * scan(qPtr, nq, rPtr, nr, rnPtr, thrPtr, candPtr) -> number of candidates written
 *   nq even, nr a multiple of 4. For reference rows j (outer, four at a time) and query rows i (inner, two at a
 *   time): v = rn[j] − 2·dot(q_i, r_j); if v < thr[i], append (i, j, v) at candPtr.
 */
function buildScanModule(stride: number): Uint8Array {
  const ROW = stride * 4;
  // Parameters 0..6; then locals.
  const P_Q = 0, P_NQ = 1, P_R = 2, P_NR = 3, P_RN = 4, P_THR = 5, P_CAND = 6;
  let next = 7;
  const qi = next++, rj = next++, nc = next++, qa = next++, ra = next++, bits = next++, slot = next++;
  const nI32 = next - 7;
  const acc: number[] = [];
  for (let i = 0; i < 8; i++) acc.push(next++);
  const ld: number[] = [];
  for (let i = 0; i < 6; i++) ld.push(next++);
  const tmp: number[] = [];
  for (let i = 0; i < 4; i++) tmp.push(next++);
  const nV128 = next - 7 - nI32;

  // Horizontal sums of four accumulators → one vector [Σa0, Σa1, Σa2, Σa3] (a 4 × 4 transpose-add).
  const hsum4 = (a0: number, a1: number, a2: number, a3: number): Code[] => [
    get(a0), get(a1), shuffle32([0, 4, 1, 5]), get(a0), get(a1), shuffle32([2, 6, 3, 7]), F32X4_ADD, set(tmp[0]!),
    get(a2), get(a3), shuffle32([0, 4, 1, 5]), get(a2), get(a3), shuffle32([2, 6, 3, 7]), F32X4_ADD, set(tmp[1]!),
    get(tmp[0]!), get(tmp[1]!), shuffle32([0, 1, 4, 5]), get(tmp[0]!), get(tmp[1]!), shuffle32([2, 3, 6, 7]), F32X4_ADD,
  ];

  const inner: Code[] = [];
  for (let t = 0; t < stride / 4; t++) {
    const off = t * 16;
    inner.push(get(qa), v128load(off), set(ld[0]!), get(qa), v128load(ROW + off), set(ld[1]!));
    for (let r = 0; r < 4; r++) inner.push(get(ra), v128load(r * ROW + off), set(ld[2 + r]!));
    for (let q = 0; q < 2; q++) {
      for (let r = 0; r < 4; r++) {
        const a = acc[q * 4 + r]!;
        // First step initialises the accumulator instead of adding to zero.
        inner.push(t === 0 ? [] : get(a), get(ld[q]!), get(ld[2 + r]!), F32X4_MUL, t === 0 ? [] : F32X4_ADD, set(a));
      }
    }
  }

  const epilogue: Code[] = [];
  for (let q = 0; q < 2; q++) {
    epilogue.push(
      // v = rn[rj..rj+3] − 2·dots
      get(P_RN), get(rj), i32const(2), I32_SHL, I32_ADD, v128load(0),
      hsum4(acc[q * 4]!, acc[q * 4 + 1]!, acc[q * 4 + 2]!, acc[q * 4 + 3]!), tee(tmp[2]!), get(tmp[2]!), F32X4_ADD,
      F32X4_SUB, tee(tmp[3]!),
      // mask of lanes with v < thr[qi + q]
      get(P_THR), get(qi), i32const(q), I32_ADD, i32const(2), I32_SHL, I32_ADD, f32load(0), F32X4_SPLAT,
      F32X4_LT, I32X4_BITMASK, tee(bits),
      ifThen(
        [0, 1, 2, 3].map((lane) => [
          get(bits), i32const(1 << lane), I32_AND,
          ifThen(
            get(P_CAND), get(nc), i32const(CAND_BYTES), I32_MUL, I32_ADD, set(slot),
            get(slot), get(qi), i32const(q), I32_ADD, i32store(0),
            get(slot), get(rj), i32const(lane), I32_ADD, i32store(4),
            get(slot), get(tmp[3]!), f32x4extract(lane), f32store(8),
            get(nc), i32const(1), I32_ADD, set(nc),
          ),
        ]),
      ),
    );
  }

  const body = flat([
    i32const(0), set(nc), i32const(0), set(rj),
    block(loop(
      get(rj), get(P_NR), I32_GE_S, brIf(1),
      get(P_R), get(rj), i32const(ROW), I32_MUL, I32_ADD, set(ra),
      i32const(0), set(qi),
      block(loop(
        get(qi), get(P_NQ), I32_GE_S, brIf(1),
        get(P_Q), get(qi), i32const(ROW), I32_MUL, I32_ADD, set(qa),
        inner,
        epilogue,
        get(qi), i32const(2), I32_ADD, set(qi), br(0),
      )),
      get(rj), i32const(4), I32_ADD, set(rj), br(0),
    )),
    get(nc),
  ]);
  const locals = vec([[...uleb(nI32), I32], [...uleb(nV128), V128]]);
  const func = [...locals, ...body, 0x0b];
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, vec([[0x60, ...vec(new Array<Bytes>(7).fill([I32])), ...vec([[I32]])]])),
    ...section(2, vec([[...name("env"), ...name("mem"), 0x02, 0x00, ...uleb(1)]])),
    ...section(3, vec([[0]])),
    ...section(7, vec([[...name("scan"), 0x00, 0]])),
    ...section(10, vec([[...uleb(func.length), ...func]])),
  ]);
}

const modules = new Map<number, object>();

function moduleFor(stride: number): object {
  let mod = modules.get(stride);
  if (!mod) {
    mod = new WebAssembly.Module(buildScanModule(stride));
    modules.set(stride, mod);
  }
  return mod;
}

const SIMD_OK: boolean = (() => {
  try {
    return typeof WebAssembly === "object" && WebAssembly.validate(buildScanModule(4));
  } catch {
    return false;
  }
})();
