import type { MetricContext, MetricResult } from "../../types.js";
import { columnOf, preparePair, type FidelityInput } from "./fidelity-input.js";
import { adherenceResult, type EntityShares } from "./adherence-result.js";
import { fmt } from "./interpret.js";

export interface BoundaryColumnDetail {
  column: string;
  /** Real minimum and maximum (epoch ms for datetimes). */
  min: number;
  max: number;
  /** Share of present synthetic values inside [min, max]. */
  score: number;
  below: number;
  above: number;
}

export interface BoundaryAdherenceDetails {
  columns: BoundaryColumnDetail[];
  resamples: number;
  bootstrapSeed: string;
}

/**
 * Verdict thresholds (dentsynth's choice). A disjoint real sample also has a few values beyond the training
 * range, so "good" is below 1; compare with the noise floor.
 */
export const BOUNDARY_ADHERENCE_THRESHOLDS = { good: 0.95, acceptable: 0.9 } as const;

/**
 * BoundaryAdherence (SDMetrics diagnostic): for each numeric or datetime column, the share of present synthetic
 * values within the real column's [min, max]; the value is the mean over columns, 1 = nothing out of range.
 * Catches impossible values (negative pocket depths, ages of 140) that shape scores average away.
 *
 * Interval: cluster bootstrap over synthetic entities only; the real bounds are held fixed, as they are the
 * definition of "in range".
 * Source: https://docs.sdv.dev/sdmetrics/metrics/metrics-glossary/boundaryadherence
 */
export function boundaryAdherence(input: FidelityInput, ctx: MetricContext): MetricResult<BoundaryAdherenceDetails> {
  const pair = preparePair(input);
  const warnings = [...pair.warnings];
  const cols = pair.shared.filter((c) => c.kind === "numeric" || c.kind === "datetime");
  const details: BoundaryColumnDetail[] = [];
  // Per usable column and synthetic entity: present values and values in range, so a resample costs O(entities).
  const perEntity: EntityShares[] = [];
  const rowEntity = pair.syntheticIndex.rowEntity;
  for (const c of cols) {
    const real = columnOf(pair.real, c.name).values as Float64Array;
    const syn = columnOf(pair.synthetic, c.name).values as Float64Array;
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < real.length; i++) {
      const v = real[i] as number;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    if (min > max) {
      warnings.push(`${c.name}: no real values, so no bounds`);
      continue;
    }
    const entityPresent = new Float64Array(pair.syntheticIndex.nEntities);
    const entityInside = new Float64Array(pair.syntheticIndex.nEntities);
    let inside = 0;
    let below = 0;
    let above = 0;
    for (let i = 0; i < syn.length; i++) {
      const v = syn[i] as number;
      if (v !== v) continue;
      const e = rowEntity[i] as number;
      entityPresent[e]!++;
      if (v < min) below++;
      else if (v > max) above++;
      else {
        entityInside[e]!++;
        inside++;
      }
    }
    const present = inside + below + above;
    if (present === 0) {
      warnings.push(`${c.name}: no synthetic values`);
      continue;
    }
    details.push({ column: c.name, min, max, score: inside / present, below, above });
    perEntity.push({ present: entityPresent, inside: entityInside });
  }
  if (cols.length === 0) warnings.push("no numeric or datetime column to check");
  return adherenceResult(pair, ctx, {
    metric: "boundary-adherence",
    columns: details,
    perEntity,
    thresholds: BOUNDARY_ADHERENCE_THRESHOLDS,
    sentences: (value) => ({
      good: `Synthetic numbers stay within the real ranges (${fmt(value)} of values in range on average).`,
      acceptable: `Some synthetic numbers fall outside the real ranges (${fmt(value)} in range on average).`,
      poor: `Many synthetic numbers fall outside the real ranges (${fmt(value)} in range on average); check for impossible values.`,
      notApplicable: "There is no numeric or datetime column to check.",
    }),
    warnings,
  });
}
