namespace Salient.Experiments.Claims;

/// <summary>What value of a parameter a claim implies: the multiplier at which the model's median meets the claim.</summary>
/// <remarks>Immutable. Found by <c>Salient.Analysis.Calibration.ImpliedParameter</c>; written by the check exporter.</remarks>
/// <param name="Claim">The claim.</param>
/// <param name="Path">The parameter scaled.</param>
/// <param name="Baseline">The parameter's value in the run (its mean if uncertain).</param>
/// <param name="Multiplier">The implied multiplier, or null when the claim is outside the medians the grid reaches.</param>
/// <param name="Bound">When <see cref="Multiplier"/> is null: -1 when the claim is below the median at the smallest multiplier, +1 above the largest.</param>
/// <param name="Reached">The median at the end of the grid the claim lies beyond (the closest the model came), or at the implied multiplier's nearer grid factor.</param>
/// <param name="Applicable">False when the parameter cannot reach the claim: the claim's median did not move over the whole
/// grid (e.g. launcher losses to strikes against a ground-combat lethality); then <see cref="Multiplier"/> is null and
/// <see cref="Bound"/> 0, and the claim implies nothing about the parameter.</param>
public sealed record ImpliedValue(Claim Claim, string Path, double Baseline, double? Multiplier, int Bound, double Reached, bool Applicable = true)
{
    /// <summary>The implied value of the parameter (baseline x multiplier), when reached.</summary>
    public double? Value => Multiplier * Baseline;
}
