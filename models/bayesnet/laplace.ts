import type { Rng } from "../../core/rng.js";

/**
 * One draw of Laplace(0, scale) noise by inverting the CDF: x = -scale · sign(u) · ln(1 - 2|u|), u uniform in
 * (-1/2, 1/2). The Laplace mechanism (Dwork et al. 2006, "Calibrating noise to sensitivity in private data
 * analysis") adds scale = sensitivity / ε to each released value.
 *
 * Not hardened against floating-point attacks on the textbook mechanism (Mironov 2012, "On significance of the
 * least significant bits for differential privacy"); the privacy ledger says so.
 */
export function laplace(rng: Rng, scale: number): number {
  for (;;) {
    const u = rng.next() - 0.5;
    const tail = 1 - 2 * Math.abs(u);
    // u = -0.5 exactly (rng.next() === 0) would give ln(0): draw again.
    if (tail > 0) return (u < 0 ? scale : -scale) * Math.log(tail);
  }
}
