using System.Globalization;
using Gateway.Photos.Ingestion;
using Spectre.Console;

namespace Gateway.Cli;

/// <summary>An ingestion run's progress (local or followed on a gateway) as one task of the <see cref="CliConsole"/> progress.
/// The task appears on the first report; the <c>done</c> report finishes it and writes a summary line.</summary>
internal sealed class IngestProgressTask(ProgressContext context, CliConsole console) : IProgress<IngestProgress>
{
    private readonly Lock _lock = new();
    private ProgressTask? _task;
    private bool _done;

    public void Report(IngestProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        lock (_lock)
        {
            var text = Describe(value);
            _task ??= context.AddTask(CliConsole.Plain(text), maxValue: Math.Max(1, value.Total));

            // Not ProgressTask.IsFinished: that is also true once Value reaches MaxValue, which a run reports before its
            // "done" (every photo written, the refresh or alias swap still to come), and the summary line was then lost.
            if (_done)
            {
                return;
            }

            _task.IsIndeterminate = value.Total == 0 && value.Phase != "done";
            _task.MaxValue = Math.Max(1, value.Total);
            _task.Value = value.Done;
            _task.Description = CliConsole.Plain(text);
            if (value.Phase == "done")
            {
                _done = true;
                _task.Value = _task.MaxValue;
                _task.StopTask();
                console.WriteLine(text);
            }
        }
    }

    /// <summary>The task's text: <c>indexing 120/400, 2 failed, 3.1 photos/s</c>.</summary>
    public static string Describe(IngestProgress value) => string.Create(CultureInfo.InvariantCulture,
        $"{value.Phase} {value.Done}/{value.Total}, {value.Failed} failed, {value.PhotosPerSecond:F1} photos/s");
}
