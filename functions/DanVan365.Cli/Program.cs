using DanVan365.Cli;

// Questions (e.g. serve's "build the web part now?") are asked only when a person is at the terminal.
var terminal = Console.IsInputRedirected ? null : Console.In;
return await CliApp.RunAsync(args, Console.Out, Console.Error, TimeProvider.System, terminal).ConfigureAwait(false);
