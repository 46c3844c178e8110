using DanVan365.Benchmarks;

// Dispatch by first argument: `dotnet run --project tests/DanVan365.Benchmarks -c Release -- emulator [seconds]`.
var which = args.Length > 0 ? args[0] : "help";
switch (which)
{
    case "emulator":
        return await EmulatorBenchmark.RunAsync(args.Skip(1).ToArray()).ConfigureAwait(false);
    case "sync":
        return await SyncBenchmark.RunAsync().ConfigureAwait(false);
    case "import":
        return ImportBenchmark.Run();
    case "scans":
        return ScanBenchmark.Run(args.Skip(1).ToArray());
    case "scan-corpus":
        return ScanCorpusWriter.Run(args.Skip(1).ToArray());
    case "report":
        await ReportBenchmark.RunAsync().ConfigureAwait(false);
        return 0;
    default:
        Console.WriteLine("usage: DanVan365.Benchmarks emulator [seconds-per-phase] [concurrency] | sync | report | import"
            + " | scans [PROFILE…] | scan-corpus DIR");
        return which == "help" ? 0 : 2;
}
