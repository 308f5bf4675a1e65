/**
 * A solid of revolution (or nearly so): one profile per meridian, from the top pole on the axis down to the
 * bottom pole on the axis, laid on a lat-long grid (closed, manifold, genus 0 by construction). Each profile
 * lies in its own half-plane, so the solid is free of self-intersections as soon as each profile is a simple
 * curve off the axis between its poles (the argument of tooth-shape.ts).
 */
import { latLongMesh } from "../geometry/lat-long-mesh.js";
import type { TriMesh } from "../geometry/tri-mesh.js";

/** Profile of one meridian: r and z of the points between the poles, top first. */
export interface RevolvedProfile {
  r: number[];
  z: number[];
}

export function revolvedSolid(meridians: number, top: number, bottom: number, profileAt: (theta: number) => RevolvedProfile): TriMesh {
  const profiles = Array.from({ length: meridians }, (_, m) => profileAt((2 * Math.PI * m) / meridians));
  const rings = (profiles[0] as RevolvedProfile).r.length;
  const positions = new Float32Array(3 * (2 + meridians * rings));
  positions[2] = top;
  positions[positions.length - 1] = bottom;
  profiles.forEach((p, m) => {
    if (p.r.length !== rings) throw new RangeError(`revolvedSolid: profile ${m} has ${p.r.length} points, expected ${rings}`);
    const theta = (2 * Math.PI * m) / meridians;
    for (let j = 0; j < rings; j++) {
      const at = 3 * (1 + j * meridians + m);
      positions[at] = (p.r[j] as number) * Math.cos(theta);
      positions[at + 1] = (p.r[j] as number) * Math.sin(theta);
      positions[at + 2] = p.z[j] as number;
    }
  });
  return latLongMesh(meridians, rings, positions);
}
