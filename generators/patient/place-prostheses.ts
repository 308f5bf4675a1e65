import type { Rng } from "../../core/rng.js";
import { valueAtAge, type ToothLossPrior } from "./preset.js";
import { POSITIONS } from "./tooth-table.js";
import type { ToothState } from "./types.js";

/**
 * Replaces some missing teeth. Each missing position (third molars excepted: they are not replaced) gets an
 * implant with the age-specific chance; a remaining gap between two present natural teeth becomes the pontic of a
 * three-unit bridge, whose two abutments are crowned (a filling on an abutment is covered by the retainer crown).
 * An abutment serves one bridge only, and a pontic never borders another pontic, so every bridge is
 * abutment-pontic-abutment as checkDomainRules expects.
 */
export function placeProstheses(rng: Rng, teeth: ToothState[], age: number, prior: ToothLossPrior): void {
  const implantChance = valueAtAge(prior.implantPerMissing, age);
  let abutments = 0; // bit set of teeth indices already holding a bridge
  for (const p of POSITIONS) {
    const tooth = teeth[p.index] as ToothState;
    if (tooth.presence !== "missing" || p.thirdMolar) continue;
    if (rng.bernoulli(implantChance)) {
      tooth.restoration = "implant";
      continue;
    }
    if (p.mesial < 0 || p.distal < 0) continue;
    const mesial = teeth[p.mesial] as ToothState;
    const distal = teeth[p.distal] as ToothState;
    if (!isFreeAbutment(mesial, abutments, p.mesial) || !isFreeAbutment(distal, abutments, p.distal)) continue;
    if (!rng.bernoulli(prior.bridgePerGap)) continue;
    tooth.restoration = "pontic";
    for (const neighbour of [mesial, distal]) {
      neighbour.restoration = "crowned";
      neighbour.filledSurfaces = [];
    }
    abutments |= (1 << p.mesial) | (1 << p.distal);
  }
}

function isFreeAbutment(tooth: ToothState, abutments: number, index: number): boolean {
  return tooth.presence === "present" && (abutments & (1 << index)) === 0;
}
