namespace DanVan365.TestUtilities;

/// <summary>Locates the repository's sample data from a test's output folder.</summary>
public static class TestData
{
    /// <summary>The repository root (the folder holding DanVan365.sln).</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>The bundled decision (text extraction of QĐ 673/QĐ-UBND, Hải An).</summary>
    public static string DecisionTextPath => Path.Combine(RepoRoot, "functions", "DanVan365.Core", "Defaults", "HaiAn",
        "qd-673-2026-hai-an.txt");

    /// <summary>A plan (Kế hoạch 45/KH-UBND, test data) carrying the bundled decision's 31 tasks as numbered paragraphs.</summary>
    public static string PlanProsePath => Path.Combine(RepoRoot, "functions", "DanVan365.Core", "Defaults", "HaiAn",
        "kh-45-2026-hai-an-prose.txt");

    /// <summary>A small plan (Kế hoạch 52/KH-UBND, test data) whose appendix table is the catalogue, two prose tasks agreeing.</summary>
    public static string PlanAppendixPath => Path.Combine(RepoRoot, "functions", "DanVan365.Core", "Defaults", "HaiAn",
        "kh-52-2026-hai-an-appendix.txt");

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DanVan365.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("DanVan365.sln not found above " + AppContext.BaseDirectory);
    }
}
