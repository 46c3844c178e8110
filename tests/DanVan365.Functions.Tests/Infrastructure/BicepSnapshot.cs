using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using DanVan365.TestUtilities;

namespace DanVan365.Functions.Tests.Infrastructure;

/// <summary>
/// What <c>bicep snapshot</c> predicts a deployment of <c>infra/main.bicep</c> creates: the ARM template engine run
/// offline over a .bicepparam file, every parameter and expression resolved except values that exist only once
/// Azure has deployed something (an identity's client id, a connection string).
/// </summary>
public sealed partial class BicepSnapshot
{
    public const string TenantId = "7f3c1d2e-5a6b-4c8d-9e0f-1a2b3c4d5e6f";

    /// <summary>Stands for the user-assigned identity's client id, known only after deployment.</summary>
    public const string IdentityClientId = "0b8e2f4a-6c1d-4e3f-8a5b-7c9d0e1f2a3b";

    private BicepSnapshot(JsonElement root) => Root = root;

    public JsonElement Root { get; }

    /// <summary>The predicted resources of one type.</summary>
    public IEnumerable<JsonElement> Resources(string type) =>
        Root.GetProperty("predictedResources").EnumerateArray()
            .Where(r => string.Equals(r.GetProperty("type").GetString(), type, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The Function App's app settings the template writes, each deployment-time expression replaced by a value of the form
    /// Azure gives it (see <see cref="DeploymentTimeValues"/>); an expression not listed there fails the test.
    /// </summary>
    public IReadOnlyDictionary<string, string> AppSettings() =>
        RawAppSettings().ToDictionary(
            s => s.Key,
            s => s.Value.StartsWith(KeyVaultReferencePrefix, StringComparison.Ordinal)
                ? KeyVaultSecretValue
                : ResolveDeploymentTimeValue(s.Key, s.Value),
            StringComparer.Ordinal);

    /// <summary>
    /// The app settings as the template writes them over the app's current ones (expressions as "[…]", Key Vault references
    /// unresolved). The template merges: union(&lt;the app's current settings, kept&gt;, &lt;its own&gt;…), evaluated only
    /// at deployment, so the snapshot leaves it an expression; its own settings are the createObject(…) arguments.
    /// </summary>
    public IReadOnlyDictionary<string, string> RawAppSettings()
    {
        var properties = AppSettingsResource().GetProperty("properties");
        if (properties.ValueKind == JsonValueKind.Object)
        {
            return properties.EnumerateObject()
                .ToDictionary(s => s.Name, s => s.Value.GetString() ?? string.Empty, StringComparer.Ordinal);
        }

        var merge = MergeArguments();
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var written in merge.Skip(1))
        {
            var pairs = ArmExpression.Arguments(written, "createObject")
                ?? throw new Xunit.Sdk.XunitException("app settings: not an object literal: " + written);
            for (var i = 0; i + 1 < pairs.Count; i += 2)
            {
                var name = ArmExpression.Literal(pairs[i]) ?? throw new Xunit.Sdk.XunitException("app setting name: " + pairs[i]);
                settings[name] = ArmExpression.Literal(pairs[i + 1]) ?? "[" + pairs[i + 1] + "]";
            }
        }

        return settings;
    }

    /// <summary>The first argument of the app settings' union: the expression of the current settings the deployment keeps.</summary>
    public string KeptAppSettingsExpression() => MergeArguments()[0];

    private List<string> MergeArguments()
    {
        var text = AppSettingsResource().GetProperty("properties").GetString() ?? string.Empty;
        var expression = text.StartsWith('[') && text.EndsWith(']') ? text[1..^1] : text;
        var arguments = ArmExpression.Arguments(expression, "union");
        return arguments is { Count: >= 2 } ? [.. arguments] : throw new Xunit.Sdk.XunitException("app settings are not a merge: " + text);
    }

    private JsonElement AppSettingsResource() => Assert.Single(
        Resources("Microsoft.Web/sites/config"),
        r => r.GetProperty("name").GetString()!.EndsWith("/appsettings", StringComparison.Ordinal));

    /// <summary>How a Key Vault reference in an app setting begins (resolved by the platform before the app starts).</summary>
    public const string KeyVaultReferencePrefix = "@Microsoft.KeyVault(";

    /// <summary>
    /// What the platform puts in place of a Key Vault reference: the secret's value. Here a test key of the seal's shape
    /// (base64, 32 bytes), as the administrator creates it (infra/README.md); never a real key.
    /// </summary>
    public static readonly string KeyVaultSecretValue = Convert.ToBase64String([.. Enumerable.Range(0, 32).Select(i => (byte)i)]);

    /// <summary>Runs <c>bicep snapshot</c> over a parameters file's text (its <c>using</c> pointing at main.bicep).</summary>
    public static BicepRun Run(string parametersText, IReadOnlyDictionary<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(parametersText);
        ArgumentNullException.ThrowIfNull(environment);

        // The parameters file must sit in infra/ (its using path is relative and bicepconfig.json is found upwards).
        var folder = Path.Combine(BicepCli.InfraFolder, "out-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var file = Path.Combine(folder, "test.bicepparam");
            File.WriteAllText(file, UsingMain().Replace(parametersText, "using '../../main.bicep'", 1));
            var (exitCode, output) = BicepCli.Run(
                [
                    "snapshot", file, "--mode", "overwrite", "--tenant-id", TenantId,
                    "--subscription-id", "d1e2f3a4-b5c6-4d7e-8f90-a1b2c3d4e5f6",
                    "--resource-group", "rg-danvan-test", "--location", "southeastasia",
                ],
                environment);
            var snapshotFile = Path.Combine(folder, "test.snapshot.json");
            if (exitCode != 0 || !File.Exists(snapshotFile))
            {
                return new BicepRun(exitCode, output, null);
            }

            using var document = JsonDocument.Parse(File.ReadAllText(snapshotFile));
            return new BicepRun(exitCode, output, new BicepSnapshot(document.RootElement.Clone()));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Expressions only a deployment can evaluate, and the shape of what Azure puts there.</summary>
    private static readonly (Regex Expression, string Value)[] DeploymentTimeValues =
    [
        (IdentityClientIdExpression(), IdentityClientId),
        (IdentityClientIdInAuthenticationString(), $"ClientId={IdentityClientId};Authorization=AAD"),
        (AppInsightsConnectionString(),
            "InstrumentationKey=00000000-0000-0000-0000-000000000000;"
            + "IngestionEndpoint=https://southeastasia-1.in.applicationinsights.azure.com/"),

        // environment().authentication.loginEndpoint in the public cloud (ARM's environment() function).
        (LoginEndpoint(), "https://login.microsoftonline.com/"),
    ];

    private static string ResolveDeploymentTimeValue(string name, string value)
    {
        if (!value.StartsWith('[') || value.StartsWith("[[", StringComparison.Ordinal))
        {
            return value;
        }

        foreach (var (expression, resolved) in DeploymentTimeValues)
        {
            if (expression.IsMatch(value))
            {
                return resolved;
            }
        }

        throw new Xunit.Sdk.XunitException($"app setting {name} holds an expression the test cannot resolve: {value}");
    }

    [GeneratedRegex(@"^using\s+'\./main\.bicep'", RegexOptions.Multiline)]
    private static partial Regex UsingMain();

    [GeneratedRegex(@"^\[reference\('[^']*/Microsoft\.ManagedIdentity/userAssignedIdentities/[^']*', '[^']*'\)\.clientId\]$")]
    private static partial Regex IdentityClientIdExpression();

    [GeneratedRegex(
        @"^\[format\('ClientId=\{0\};Authorization=AAD', reference\('[^']*/userAssignedIdentities/[^']*', '[^']*'\)\.clientId\)\]$")]
    private static partial Regex IdentityClientIdInAuthenticationString();

    [GeneratedRegex(@"^\[reference\('[^']*/Microsoft\.Insights/components/[^']*', '[^']*'\)\.ConnectionString\]$")]
    private static partial Regex AppInsightsConnectionString();

    [GeneratedRegex(@"^\[environment\(\)\.authentication\.loginEndpoint\]$")]
    private static partial Regex LoginEndpoint();
}

/// <summary>The outcome of one Bicep CLI run: exit code, everything it printed, the snapshot when it made one.</summary>
public sealed record BicepRun(int ExitCode, string Output, BicepSnapshot? Snapshot);

/// <summary>The Bicep CLI from NuGet (Azure.Bicep.CommandLine.linux-x64), obtained as infra/build.sh obtains it.</summary>
public static partial class BicepCli
{
    private static readonly Lazy<string> Executable = new(Locate);

    public static string InfraFolder => Path.Combine(TestData.RepoRoot, "infra");

    public static (int ExitCode, string Output) Run(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(environment);
        var start = new ProcessStartInfo(Executable.Value) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        return Execute(start);
    }

    private static string Locate()
    {
        // infra/bicep-cli/bicep-cli.csproj holds the version and the PackageDownload; restoring it fills the NuGet cache.
        var project = Path.Combine(InfraFolder, "bicep-cli", "bicep-cli.csproj");
        var version = VersionElement().Match(File.ReadAllText(project)).Groups[1].Value;
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } custom
            ? custom
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var bicep = Path.Combine(packages, "azure.bicep.commandline.linux-x64", version, "tools", "bicep");
        if (!File.Exists(bicep))
        {
            var restore = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in new[] { "restore", project, "--verbosity", "quiet" })
            {
                restore.ArgumentList.Add(argument);
            }

            var (exitCode, output) = Execute(restore);
            Assert.True(exitCode == 0 && File.Exists(bicep), $"restoring {project} did not bring the Bicep CLI to {bicep}:\n{output}");
        }

        // NuGet does not keep the executable bit (infra/build.sh does the same chmod).
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(bicep) & UnixFileMode.UserExecute) == 0)
        {
            File.SetUnixFileMode(bicep, File.GetUnixFileMode(bicep) | UnixFileMode.UserExecute);
        }

        return bicep;
    }

    private static (int ExitCode, string Output) Execute(ProcessStartInfo start)
    {
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + start.FileName);
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout + stderr.GetAwaiter().GetResult());
    }

    [GeneratedRegex("<BicepCliVersion>([^<]+)</BicepCliVersion>")]
    private static partial Regex VersionElement();
}
