namespace Salient.Scenario.Model;

/// <summary>
/// A calibration file applied to a scenario that has changed since it was fitted: the <c>scenario_hash</c> it records
/// is not the hash of the scenario as written now (uncalibrated, no variant or <c>--set</c>: what
/// <c>salient calibrate</c> hashes). The file's values still apply; this only says they were fitted to other inputs.
/// </summary>
/// <param name="File">The calibration file, relative to the scenario (as <see cref="ScenarioModel.Calibration"/>).</param>
/// <param name="FittedHash">The <c>scenario_hash</c> the file records.</param>
/// <param name="CurrentHash">The hash of the scenario as written now, which a new calibration would record.</param>
public sealed record StaleCalibration(string File, string FittedHash, string CurrentHash)
{
    /// <summary>A hash as people read it: <c>sha256:</c> and its first 12 hex digits.</summary>
    public static string Short(string hash)
    {
        ArgumentNullException.ThrowIfNull(hash);
        const string prefix = "sha256:";
        int keep = (hash.StartsWith(prefix, StringComparison.Ordinal) ? prefix.Length : 0) + 12;
        return hash.Length <= keep ? hash : hash[..keep];
    }
}
