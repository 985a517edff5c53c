using Salient.Experiments.Errors;

namespace Salient.Output.Files;

/// <summary>A user-facing output failure (unwritable folder, full disk): the CLI prints it without a stack trace.</summary>
public sealed class OutputException(string message, Exception? inner = null) : UserErrorException(message, inner);
