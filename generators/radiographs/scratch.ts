/**
 * Work buffers reused from one radiograph to the next, one set per thread (each worker has its own module
 * instance). A fresh full-image typed array costs about 2 ms per 3 MB on the bench machine (page faults on new
 * memory, zeroing, and the collector's work on external memory) against 0.1 ms to clear a reused one; the
 * renderer's dozen full-image intermediates made that a tenth of its time [measured, bench/radiographs-child.mjs].
 *
 * A buffer is named by its one user, holds whatever that user left in it last time, and must not be returned to
 * callers: each user clears or overwrites what it reads, and passes out only fresh arrays.
 */
const float32 = new Map<string, Float32Array>();
const float64 = new Map<string, Float64Array>();
const uint8 = new Map<string, Uint8Array>();
const int32 = new Map<string, Int32Array>();

function take<T extends Float32Array | Float64Array | Uint8Array | Int32Array>(pool: Map<string, T>, name: string, length: number, make: (n: number) => T): T {
  let buffer = pool.get(name);
  if (!buffer || buffer.length < length) {
    buffer = make(length);
    pool.set(name, buffer);
  }
  return buffer.length === length ? buffer : (buffer.subarray(0, length) as T);
}

/** The named Float32Array of `length` values; contents left from its last use. */
export const scratchFloat32 = (name: string, length: number): Float32Array => take(float32, name, length, (n) => new Float32Array(n));
/** The named Float64Array of `length` values; contents left from its last use. */
export const scratchFloat64 = (name: string, length: number): Float64Array => take(float64, name, length, (n) => new Float64Array(n));
/** The named Uint8Array of `length` values; contents left from its last use. */
export const scratchUint8 = (name: string, length: number): Uint8Array => take(uint8, name, length, (n) => new Uint8Array(n));
/** The named Int32Array of `length` values; contents left from its last use. */
export const scratchInt32 = (name: string, length: number): Int32Array => take(int32, name, length, (n) => new Int32Array(n));
