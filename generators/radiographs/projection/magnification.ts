/**
 * Geometric magnification of an intraoral radiograph. The beam diverges from a focal spot, so an object at
 * distance OID in front of the sensor casts a shadow M = SID / (SID − OID) times its size (similar triangles,
 * SID = source-to-image distance). The paralleling technique keeps M small and nearly uniform by using a long
 * source distance, which is why a parallel-beam projector with one scale factor is a fair model: across a tooth
 * (±10 mm in depth) M changes by under 1 %.
 *
 * Source: the paralleling principle (long cone, sensor parallel to the tooth) is textbook material, e.g. White &
 * Pharoah, Oral Radiology, ch. "Projection geometry" [T]; the distances below are [U].
 */
import type { Rng } from "../../../core/rng.js";

/** Source-to-sensor distance of an intraoral unit with a long (20-40 cm) position-indicating device, mm [U]. */
export const SOURCE_TO_SENSOR_MM: readonly [number, number] = [250, 400];
/** Distance from the teeth's mid-plane to the sensor in a paralleling holder, mm [U: 7-12 mm lingual plus half a tooth]. */
export const OBJECT_TO_SENSOR_MM: readonly [number, number] = [10, 25];

/** M = SID / (SID − OID), for distances in mm; throws unless 0 ≤ OID < SID. */
export function magnificationOf(sourceToSensorMm: number, objectToSensorMm: number): number {
  if (!(sourceToSensorMm > 0) || !(objectToSensorMm >= 0) || !(objectToSensorMm < sourceToSensorMm)) {
    throw new RangeError(`invalid projection distances: source-to-sensor ${sourceToSensorMm} mm, object-to-sensor ${objectToSensorMm} mm`);
  }
  return sourceToSensorMm / (sourceToSensorMm - objectToSensorMm);
}

/**
 * A drawn geometry and its magnification: with the ranges above M spans about 1.03-1.11, the ~1.03-1.10 usually
 * quoted for the paralleling technique [U].
 */
export function sampleMagnification(rng: Rng): { sourceToSensorMm: number; objectToSensorMm: number; magnification: number } {
  const sourceToSensorMm = rng.uniform(SOURCE_TO_SENSOR_MM[0], SOURCE_TO_SENSOR_MM[1]);
  const objectToSensorMm = rng.uniform(OBJECT_TO_SENSOR_MM[0], OBJECT_TO_SENSOR_MM[1]);
  return { sourceToSensorMm, objectToSensorMm, magnification: magnificationOf(sourceToSensorMm, objectToSensorMm) };
}
