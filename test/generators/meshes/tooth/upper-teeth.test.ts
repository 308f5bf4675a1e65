/** Every maxillary tooth type (right quadrant; the left is the same shape in the local frame). */
import { describeTeeth } from "./teeth-by-type.js";

describeTeeth([11, 12, 13, 14, 15, 16, 17, 18]);
