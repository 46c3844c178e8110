using System.CommandLine;
using System.Text;

namespace DanVan365.Cli;

/// <summary>The danvan365 command: builds the command tree and runs it. Commands are thin: parse, call a use case, print.</summary>
public static class CliApp
{
    /// <summary>Exit code: done.</summary>
    public const int Ok = 0;

    /// <summary>Exit code: failed.</summary>
    public const int Failed = 1;

    /// <summary>Exit code: bad input or usage.</summary>
    public const int BadInput = 2;

    /// <summary>Runs the CLI in-process (tests call this with their own writers and clock); nobody at a terminal to ask.</summary>
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, TimeProvider clock,
        CancellationToken cancellationToken = default) => RunAsync(args, stdout, stderr, clock, null, cancellationToken);

    /// <summary>Runs the CLI; <paramref name="terminal"/> reads a person's answers (null when input is not a terminal).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, TimeProvider clock, TextReader? terminal,
        CancellationToken cancellationToken = default)
    {
        Console.OutputEncoding = Encoding.UTF8;
        var context = new CliContext(stdout, stderr, clock) { Terminal = terminal };
        var root = new RootCommand("DanVan365: the ward's dân vận tasks in Microsoft 365.");
        foreach (var command in CommandRegistry.Create(context))
        {
            root.Subcommands.Add(command);
        }

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                await stderr.WriteLineAsync(error.Message).ConfigureAwait(false);
            }

            return BadInput;
        }

        var config = new InvocationConfiguration { Output = stdout, Error = stderr };
        return await parsed.InvokeAsync(config, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>What every command gets: where to print and the clock, and where to read a person's answers.</summary>
public sealed record CliContext(TextWriter Out, TextWriter Error, TimeProvider Clock)
{
    /// <summary>The person's keyboard when input is an interactive terminal; null otherwise (never ask then).</summary>
    public TextReader? Terminal { get; init; }
}
