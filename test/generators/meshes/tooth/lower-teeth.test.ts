/** Every mandibular tooth type (left quadrant; the right is the same shape in the local frame). */
import { describeTeeth } from "./teeth-by-type.js";

describeTeeth([31, 32, 33, 34, 35, 36, 37, 38]);
