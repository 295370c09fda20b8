using System.Globalization;
using Gateway.Embeddings.Models;
using Spectre.Console;

namespace Gateway.Cli;

/// <summary>A model download's progress as one task per file of the <see cref="CliConsole"/> progress; a finished file
/// writes its summary line (<see cref="DownloadProgressText"/>).</summary>
internal sealed class DownloadProgressTasks(ProgressContext context, CliConsole console) : IProgress<DownloadProgress>
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, ProgressTask> _tasks = new(StringComparer.Ordinal);

    public void Report(DownloadProgress value)
    {
        lock (_lock)
        {
            var description = CliConsole.Plain(string.Create(CultureInfo.InvariantCulture, $"{value.File}  {value.BytesPerSecond / 1_000_000:0.0} MB/s"));
            if (!_tasks.TryGetValue(value.File, out var task))
            {
                task = context.AddTask(description);
                _tasks[value.File] = task;
            }

            if (task.IsFinished)
            {
                return;
            }

            task.Description = description;
            if (value.BytesTotal is > 0 and { } total)
            {
                task.IsIndeterminate = false;
                task.MaxValue = total;
                task.Value = Math.Min(value.BytesDone, total);
            }
            else
            {
                task.IsIndeterminate = true;
            }

            if (value.Completed)
            {
                task.IsIndeterminate = false;
                task.Value = task.MaxValue;
                task.StopTask();
                console.WriteLine(DownloadProgressText.Format(value));
            }
        }
    }
}
