using Salient.Cli.CommandLine;
using Spectre.Console;

namespace Salient.Cli.Rendering;

/// <summary>
/// Progress bars around long work: the work runs on a worker thread while the bar is refreshed. Only on a terminal
/// (<see cref="ConsoleSetup.ShowsProgress"/>): when the output is a pipe, a file or a log, the work runs without any
/// progress lines and the command prints only its summary.
/// </summary>
internal static class ProgressDisplay
{
    /// <summary>Runs <paramref name="work"/> behind a spinner with <paramref name="status"/> on a terminal, or silently.</summary>
    public static void Status(IAnsiConsole console, string status, Action work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (ConsoleSetup.ShowsProgress(console)) console.Status().Start(status, _ => work());
        else work();
    }

    /// <summary>Runs <paramref name="work"/> behind a bar of <paramref name="total"/> replications that stays on screen with elapsed and remaining time (salient run).</summary>
    public static T Replications<T>(IAnsiConsole console, int total, Func<Action<int>, T> work, CancellationToken cancel)
    {
        if (!ConsoleSetup.ShowsProgress(console)) return work(_ => { });
        T value = default!;
        int done = 0;
        console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("replications", maxValue: total);
                var run = Task.Run(() => work(d => Volatile.Write(ref done, Math.Max(d, Volatile.Read(ref done)))), cancel);
                while (!((IAsyncResult)run).AsyncWaitHandle.WaitOne(100)) task.Value = Volatile.Read(ref done);
                value = run.GetAwaiter().GetResult();
                task.Value = total;
            });
        return value;
    }

    /// <summary>Runs <paramref name="work"/> behind a transient bar labelled <paramref name="label"/> (compare's baseline and variants).</summary>
    public static T Transient<T>(IAnsiConsole console, string label, int total, Func<Action<int>, CancellationToken, T> work, CancellationToken cancel)
    {
        if (!ConsoleSetup.ShowsProgress(console)) return work(_ => { }, cancel);
        T value = default!;
        int done = 0;
        console.Progress().AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(label, maxValue: total);
                var run = Task.Run(() => work(d => Volatile.Write(ref done, Math.Max(d, Volatile.Read(ref done))), cancel), cancel);
                while (!run.Wait(100, cancel)) task.Value = Volatile.Read(ref done);
                value = run.Result;
                task.Value = total;
            });
        return value;
    }

    /// <summary>Calls <paramref name="body"/> for 0..count-1 under a transient bar of design points (sweep, sensitivity).</summary>
    public static void Points(IAnsiConsole console, int count, string label, Action<int> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!ConsoleSetup.ShowsProgress(console))
        {
            for (int p = 0; p < count; p++) body(p);
            return;
        }
        console.Progress().AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask($"{label} ({count:N0} points)", maxValue: count);
                for (int p = 0; p < count; p++)
                {
                    body(p);
                    task.Increment(1);
                }
            });
    }
}
