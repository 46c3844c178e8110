using System.IO.Compression;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using DanVan365.TestUtilities;

namespace DanVan365.Cli.Tests.Deploy;

/// <summary>
/// The built web part package (webpart/sharepoint/solution/danvan365.sppkg; CI builds it before the .NET tests, with the
/// example API settings of .ci/run): the bundled code asks for a token for the application ID URI api://&lt;client id&gt;
/// and calls the configured origin only, its API access request names the API by display name with the scope the API
/// defines, and its version is package.json's. The expected values are build.sh's input: DANVAN_API_CLIENT_ID and
/// DANVAN_API_ORIGIN from the environment, else webpart/api.env; with neither, the package must be unconfigured.
/// </summary>
public partial class WebPartPackageTests
{
    private static readonly string WebPart = Path.Combine(TestData.RepoRoot, "webpart");
    private static readonly string Package = Path.Combine(WebPart, "sharepoint", "solution", "danvan365.sppkg");

    [Fact]
    public void BuiltPackage_BundledResourceAndOrigin_AreTheBuildInput()
    {
        var (clientId, origin) = BuildInput();
        var code = BundledCode();

        var resources = AppIdUri().Matches(code).Select(m => m.Value).Distinct().ToList();

        if (clientId.Length == 0)
        {
            Assert.Empty(resources);
            return;
        }

        Assert.Equal(["api://" + clientId.ToLowerInvariant()], resources);
        Assert.Contains("\"" + origin + "\"", code.Replace('\'', '"'), StringComparison.Ordinal);
        Assert.DoesNotContain("\"DanVan365 API\"", code.Replace('\'', '"'), StringComparison.Ordinal);
    }

    [Fact]
    public void BuiltPackage_ApiAccessRequest_DisplayNameAndUserImpersonationOnly()
    {
        using var zip = ZipFile.OpenRead(RequirePackage());

        var requests = zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
            .SelectMany(e =>
            {
                using var stream = e.Open();
                return XDocument.Load(stream).Descendants().Where(x => x.Name.LocalName == "WebApiPermissionRequest").ToList();
            })
            .Select(x => ((string?)x.Attribute("ResourceId"), (string?)x.Attribute("Scope")))
            .Distinct().ToList();

        Assert.Equal([("DanVan365 API", "user_impersonation")], requests);
    }

    [Fact]
    public void PackageSolution_Version_IsPackageJsonsWithAFourthZero()
    {
        using var packageJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(WebPart, "package.json")));
        using var solution = JsonDocument.Parse(File.ReadAllText(Path.Combine(WebPart, "config", "package-solution.json")));
        var want = packageJson.RootElement.GetProperty("version").GetString() + ".0";

        var root = solution.RootElement.GetProperty("solution");

        Assert.Equal(want, root.GetProperty("version").GetString());
        Assert.All(root.GetProperty("features").EnumerateArray(), f => Assert.Equal(want, f.GetProperty("version").GetString()));
        using var zip = ZipFile.OpenRead(RequirePackage());
        var manifest = zip.Entries.Single(e => e.FullName.Equals("AppManifest.xml", StringComparison.OrdinalIgnoreCase));
        using var stream = manifest.Open();
        Assert.Equal(want, (string?)XDocument.Load(stream).Root!.Attribute("Version"));
    }

    private static string RequirePackage()
    {
        Assert.True(File.Exists(Package), $"{Package} is missing: run `bash webpart/build.sh` first (CI does, before the .NET tests)");
        return Package;
    }

    private static string BundledCode()
    {
        using var zip = ZipFile.OpenRead(RequirePackage());
        var scripts = zip.Entries.Where(e => e.FullName.EndsWith(".js", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.NotEmpty(scripts);
        return string.Concat(scripts.Select(e =>
        {
            using var reader = new StreamReader(e.Open());
            return reader.ReadToEnd();
        }));
    }

    /// <summary>build.sh's input, read the way build.sh reads it: the environment first, then webpart/api.env.</summary>
    private static (string ClientId, string Origin) BuildInput()
    {
        var file = Path.Combine(WebPart, "api.env");
        var lines = File.Exists(file) ? File.ReadAllLines(file) : [];
        string Read(string name) =>
            Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value
            : lines.LastOrDefault(l => l.StartsWith(name + "=", StringComparison.Ordinal))?[(name.Length + 1)..].Trim().Trim('"') ?? "";
        return (Read("DANVAN_API_CLIENT_ID"), Read("DANVAN_API_ORIGIN"));
    }

    [GeneratedRegex(@"api://[0-9a-fA-F-]{36}")]
    private static partial Regex AppIdUri();
}
