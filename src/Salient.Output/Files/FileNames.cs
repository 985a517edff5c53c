namespace Salient.Output.Files;

/// <summary>File names made from metric and input paths (plots of sweeps, sensitivity studies and calibrations).</summary>
public static class FileNames
{
    /// <summary>Replaces characters that are not safe in a file name.</summary>
    public static string Safe(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return new([.. name.Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_')]);
    }
}
