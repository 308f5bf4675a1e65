/**
 * Linear attenuation coefficients μ (mm⁻¹) of every material the renderer meets, at one effective energy for an
 * intraoral beam of 60-70 kVp, and the Δμ each MaterialVolume adds to the line integral
 * (materials.ts: L = Σ (μ(material)·density − μ(host)) × chord).
 *
 * Why one effective energy: a monoenergetic model ignores beam hardening, but the contrast that matters (enamel
 * vs dentin vs lesion vs pulp) is fitted by measured effective μ, and metals saturate the sensor whatever their
 * exact μ. We take 35 keV [U]: a 60-70 kVp beam with the 1.5-2.5 mm Al filtration of dental units has its mean
 * energy near 30-35 keV, and at 35 keV the NIST-computed values of enamel (0.40), soft tissue (0.033) and Al
 * agree with the measured effective values of dental-domain.md 2.2 (enamel 0.35, soft tissue 0.03-0.04).
 *
 * Sources (tags as in dental-domain.md: [V] verified, [U] unverified, [A] assumption, [C] computed):
 * - Tooth tissues: JDR 1966;45:1826 via dental-domain.md 2.2: enamel 0.35, dentin 0.24 mm⁻¹ (ratio 1.46), fresh
 *   bovine bone 0.23 mm⁻¹ [V].
 * - [C] values: NIST XCOM / Hubbell & Seltzer, "Tables of X-ray mass attenuation coefficients" (NISTIR 5632),
 *   μ/ρ at 30 and 40 keV interpolated log-log to 35 keV (no absorption edge between them for these elements),
 *   mixed by mass fraction, times the stated density. Compositions and densities are [U].
 */
import type { Host, Material, MaterialVolume } from "../../meshes/materials.js";

/** Effective photon energy the table is built for, keV [U, see header]. */
export const EFFECTIVE_ENERGY_KEV = 35;

/** Everything with a μ: the volume materials plus the tissues the scene adds around them. */
export type Tissue = Material | "soft_tissue" | "cortical_bone" | "trabecular_bone";

export type AttenuationTable = Readonly<Record<Tissue, number>>;

/** Cortical bone ≈ dentin: fresh bovine bone 0.23 mm⁻¹ (JDR 1966, dental-domain.md 2.2) [V]. NIST ICRU-44 cortical bone at 35 keV gives 0.18 [C]. */
const CORTICAL_BONE = 0.23;
/** Trabecular alveolar bone as a fraction of cortical: 30-50 % by porosity (dental-domain.md 2.2) [U]; middle. */
const TRABECULAR_FRACTION = 0.4;
/** Soft tissue, ICRU-44 (ρ 1.06): 0.379 / 0.2688 cm²/g at 30 / 40 keV → 0.033 mm⁻¹ at 35 keV [C]; dental-domain.md 2.2 gives 0.03-0.04 [U]. */
const SOFT_TISSUE = 0.033;

/** Composite resin radiopacity: modern filled composites vs old (or unfilled) ones. */
export type CompositeKind = "radiopaque" | "radiolucent";

const COMPOSITE: Readonly<Record<CompositeKind, number>> = {
  // Most contemporary composites image at or above enamel (Ermis et al., "Radiopacity evaluation of contemporary resin
  // composites by digitization of images"; Hitij & Fidler, Clin Oral Invest 2013;17:1167) [U]: just above enamel.
  radiopaque: 0.4,
  // Older composites without heavy-metal glass fillers are radiolucent and mimic caries under a restoration
  // (archive.org oral radiology text Fig. 5-6/5-7, dental-domain.md 2.2) [U]: about half of dentin.
  radiolucent: 0.12,
};

/**
 * The table, with the composite kind chosen (a renderer can draw it per restoration: an old radiolucent
 * composite is one of the caries look-alikes).
 */
export function attenuationTable(options: { composite?: CompositeKind } = {}): AttenuationTable {
  return {
    enamel: 0.35, // JDR 1966 [V]
    dentin: 0.24, // JDR 1966 [V]
    pulp: SOFT_TISSUE, // pulp ≈ soft tissue ≈ water (dental-domain.md 2.2) [V]
    soft_tissue: SOFT_TISSUE,
    cortical_bone: CORTICAL_BONE,
    trabecular_bone: TRABECULAR_FRACTION * CORTICAL_BONE,
    // Dry air, 0.2928 cm²/g at 35 keV × 1.205e-3 g/cm³ [C]: negligible, kept so air volumes (voids) subtract their host.
    air: 3.5e-5,
    composite: COMPOSITE[options.composite ?? "radiopaque"],
    // Glass ionomers range from below dentin to above enamel (Hitij & Fidler 2013; Dentomaxillofac Radiol, PMC3699023) [U]: between.
    glass_ionomer: 0.28,
    // Lithium disilicate (IPS e.max) images within the range of tooth tissue (Pekkan et al., "Comparative radiopacity of ceramics and
    // metals with human and bovine dental tissues", J Prosthet Dent) [U].
    // Stoichiometric Li2Si2O5 alone would give 0.14 [C]; commercial glass-ceramics add ZrO2, ZnO, K2O and P2O5.
    ceramic: 0.3,
    // 3Y-TZP: ZrO2 + 5.2 wt% Y2O3 (Zr 70.2, Y 4.1, O 25.7 wt%), 6.05 g/cm³ [C]: strongly radiopaque.
    zirconia: 7.4,
    // Set high-copper amalgam: Hg 50, Ag 25, Sn 13, Cu 12 wt%, 11.6 g/cm³ [C]: ~65× enamel, fully opaque.
    amalgam: 23,
    // Base-metal crown alloy Co 63, Cr 29, Mo 6, Si 2 wt%, 8.3 g/cm³ [C] [A: representative; a gold alloy is
    // higher still and equally opaque in practice].
    metal_alloy: 5.0,
    // Commercially pure titanium (grade 4), 4.51 g/cm³ [C].
    titanium: 1.45,
    // Gutta-percha points (ZnO 60-75 %, BaSO4, gutta-percha) are reported at about 6-10 mm Al per mm [U];
    // Al is 0.21 mm⁻¹ at 35 keV [C] → ~1.3-2.1.
    gutta_percha: 1.5,
  };
}

/** The default table (radiopaque composite). */
export const ATTENUATION: AttenuationTable = attenuationTable();

/** μ of a material at the given relative density (a lesion's density is 1 − its mineral loss). */
export function mu(tissue: Tissue, density = 1, table: AttenuationTable = ATTENUATION): number {
  const value = table[tissue];
  if (value === undefined) throw new RangeError(`unknown material: ${String(tissue)}`);
  if (!(density >= 0)) throw new RangeError(`invalid density: ${density}`);
  return value * density;
}

/** Δμ of a volume whose host is "surroundings": one value per tissue the caller may find along the ray. */
export interface SurroundingsDeltaMu {
  /** Δμ where the ray runs above the alveolar crest (soft tissue around the crown). */
  softTissue: number;
  /** Δμ where it runs below the crest (the volume displaces alveolar bone). */
  bone: number;
}

export type VolumeDeltaMu = { host: "resolved"; value: number } | ({ host: "surroundings" } & SurroundingsDeltaMu);

/** Δμ = μ(material)·density − μ(host), for a host the caller has resolved. */
export function deltaMuIn(volume: Pick<MaterialVolume, "material" | "density">, host: Tissue, table: AttenuationTable = ATTENUATION): number {
  return mu(volume.material, volume.density ?? 1, table) - mu(host, 1, table);
}

/**
 * Δμ of a MaterialVolume: the weight of its chord image in the line integral. A volume in the mouth itself
 * (host "surroundings") gets both candidates, since only the caller knows where the crest lies along each ray;
 * `bone` names the bone it displaces below the crest (trabecular by default: the alveolar process is mostly
 * cancellous, its cortical plates being thin).
 */
export function deltaMu(
  volume: Pick<MaterialVolume, "material" | "density" | "host">,
  options: { table?: AttenuationTable; bone?: "cortical_bone" | "trabecular_bone" } = {},
): VolumeDeltaMu {
  const table = options.table ?? ATTENUATION;
  const host: Host = volume.host;
  if (host === "surroundings") {
    return {
      host: "surroundings",
      softTissue: deltaMuIn(volume, "soft_tissue", table),
      bone: deltaMuIn(volume, options.bone ?? "trabecular_bone", table),
    };
  }
  return { host: "resolved", value: deltaMuIn(volume, host, table) };
}
