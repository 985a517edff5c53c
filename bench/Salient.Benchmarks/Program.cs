using BenchmarkDotNet.Running;

namespace Salient.Benchmarks;

/// <summary>
/// Entry point: <c>dotnet run -c Release --project bench/Salient.Benchmarks -- --filter '*'</c>, or <c>-- profile
/// SCENARIO [REPLICATIONS [SEED]]</c> for the per-phase split (<see cref="Profile"/>), or <c>-- finish SCENARIO N
/// TILE.parquet</c> for the finishing step's memory (<see cref="FinishMemory"/>).
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "profile") Profile.Run(args);
        else if (args.Length > 0 && args[0] == "finish") FinishMemory.Run(args);
        else BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
