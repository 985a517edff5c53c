using System.Security.Cryptography;
using System.Text;
using Salient.Experiments.Sharding;
using Salient.Scenario.Model;

namespace Salient.Cli.Services;

/// <summary>Where a command writes when no <c>--out</c> is given.</summary>
public static class DefaultOutputFolder
{
    /// <summary>
    /// The default output folder: out/&lt;scenario&gt;[-variant][-uncalibrated][-set-&lt;hash&gt;]-&lt;seed&gt;[-shard-k-of-N],
    /// where the hash is the first 8 hex digits of the SHA-256 of the <c>--set</c> overrides in order, so a run with
    /// overrides or without the calibration never replaces the baseline run's folder.
    /// </summary>
    public static string ForRun(ScenarioModel model, IReadOnlyList<string> overrides, bool uncalibrated, ulong seed, ShardSpec? shard)
    {
        string variant = model.Variant is null ? "" : "-" + model.Variant;
        string calibration = uncalibrated ? "-uncalibrated" : "";
        string set = overrides.Count == 0 ? ""
            : "-set-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", overrides))))[..8];
        string part = shard is { } sh ? $"-shard-{sh.Index}-of-{sh.Count}" : "";
        return Path.Combine("out", $"{model.Name}{variant}{calibration}{set}-{seed}{part}");
    }
}
