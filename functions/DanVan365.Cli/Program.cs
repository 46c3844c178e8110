using DanVan365.Cli;

return await CliApp.RunAsync(args, Console.Out, Console.Error, TimeProvider.System).ConfigureAwait(false);
