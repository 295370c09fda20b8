using Spectre.Console;

namespace Gateway.Cli;

/// <summary>
/// The command line's output: plain lines and one Spectre.Console progress display, shared by every command
/// (<c>gateway index</c>, <c>gateway models download</c>). On a terminal the progress is a live bar; when the output is
/// redirected (CI logs, tests) Spectre's fallback renderer prints a line per milestone (25, 50, 75, 95..99 %) with no
/// control codes, and each finished task adds one summary line.
/// </summary>
internal sealed class CliConsole
{
    // Wide enough that a redirected log line (a long path and its failure) is never wrapped.
    private const int RedirectedWidth = 4096;

    private readonly IAnsiConsole _console;

    public CliConsole(TextWriter output, bool interactive)
    {
        ArgumentNullException.ThrowIfNull(output);
        _console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
        });
        if (!interactive)
        {
            _console.Profile.Width = RedirectedWidth;
        }
    }

    /// <summary>A console for <paramref name="output"/>: live when it is the process's own terminal.</summary>
    public static CliConsole For(TextWriter output) => new(output, ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected);

    /// <summary>Writes one line of plain text (no markup), above the progress display while one runs.</summary>
    public void WriteLine(string text) => _console.WriteLine(text);

    /// <summary>Runs <paramref name="work"/> with a progress display; the work adds its tasks to the context.</summary>
    public Task<T> ProgressAsync<T>(Func<ProgressContext, Task<T>> work) =>
        _console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(work);

    /// <summary>A task description shown as it is (Spectre reads descriptions as markup: a path may contain brackets).</summary>
    public static string Plain(string text) => Markup.Escape(text);
}
