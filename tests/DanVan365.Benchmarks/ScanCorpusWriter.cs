using DanVan365.TestUtilities.Documents.Scans;

namespace DanVan365.Benchmarks;

/// <summary>`scan-corpus DIR`: writes every file of the scan corpus (and the bad scans) to a folder, to look at them.</summary>
public static class ScanCorpusWriter
{
    public static int Run(string[] args)
    {
        if (args.Length != 1)
        {
            Console.WriteLine("usage: DanVan365.Benchmarks scan-corpus DIR");
            return 2;
        }

        Directory.CreateDirectory(args[0]);
        foreach (var profile in ScanCorpus.All)
        {
            foreach (var format in Enum.GetValues<ScanFormat>())
            {
                var path = Path.Combine(args[0], ScanCorpus.FileName(profile, format));
                File.WriteAllBytes(path, ScanCorpus.Bytes(profile, format));
                Console.WriteLine($"{path} {new FileInfo(path).Length} bytes");
            }

            var scan = ScanCorpus.Get(profile);
            Console.WriteLine($"  stamped cell: {scan.StampedCell}; signature: {scan.Signature}; seal: {scan.SignatureStamp}");
        }

        foreach (var bad in BadScans.All)
        {
            var path = Path.Combine(args[0], BadScans.FileName(bad));
            File.WriteAllBytes(path, BadScans.Bytes(bad));
            Console.WriteLine($"{path} {new FileInfo(path).Length} bytes");
        }

        return 0;
    }
}
