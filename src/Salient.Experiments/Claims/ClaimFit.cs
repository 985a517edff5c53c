namespace Salient.Experiments.Claims;

/// <summary>Where a claim falls against the model's 90% interval.</summary>
public enum ClaimFit
{
    /// <summary>The model does not report this metric at this date (or the claim is not a number or date).</summary>
    NotCompared,
    /// <summary>The claim overlaps the model's 90% interval.</summary>
    Inside,
    /// <summary>The claim lies below (or, for dates, before) the model's 90% interval.</summary>
    Below,
    /// <summary>The claim lies above (or, for dates, after) the model's 90% interval.</summary>
    Above,
    /// <summary>The claim dates an event the model never produced in any replication.</summary>
    Never,
}
