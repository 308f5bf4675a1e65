export { beamDirection, centredView, projectPoint, projectionMaps, type ParallelView, type ProjectionMaps, type Vec3 } from "./parallel-view.js";
export { OBJECT_TO_SENSOR_MM, SOURCE_TO_SENSOR_MM, magnificationOf, sampleMagnification } from "./magnification.js";
export { accumulateChords, emptyTile, type ChordTile } from "./chord-tile.js";
export { rasteriseChords } from "./rasterise-chords.js";
export {
  ATTENUATION,
  EFFECTIVE_ENERGY_KEV,
  attenuationTable,
  deltaMu,
  deltaMuIn,
  mu,
  type AttenuationTable,
  type CompositeKind,
  type SurroundingsDeltaMu,
  type Tissue,
  type VolumeDeltaMu,
} from "./attenuation.js";
