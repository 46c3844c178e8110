using DanVan365.Cli.Target;
using DanVan365.Core.Lockdown;
using DanVan365.Core.Sync;
using DanVan365.Core.Units;

namespace DanVan365.Cli.Doctor;

/// <summary>
/// The part of `danvan365 doctor` that only a deployed ward has (with --tenant): the lists' schema version, the site grant,
/// the group and the unit directory's people as Graph shows them, and what Graph cannot show (<see cref="TenantDeployment"/>).
/// </summary>
internal static class TenantDoctor
{
    /// <summary>Checks the deployment and writes the lines; returns true when something is missing.</summary>
    public static async Task<bool> WriteAsync(M365Session session, UnitDirectory units, string wardName, TextWriter output,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(output);
        var deployment = await TenantDeployment.CheckAsync(session.Get<ITenantInspector>(), units, cancellationToken).ConfigureAwait(false);
        var schemaCurrent = await session.Get<ISiteProvisioner>().IsProvisionedAsync(cancellationToken).ConfigureAwait(false);
        IReadOnlyList<ProtectionCheck> checks = [TenantDeployment.ListSchema(schemaCurrent), .. deployment];
        var text = WardProtections.Render(wardName, checks)
            .Replace("Kiểm tra các lớp bảo vệ — ", "Kiểm tra triển khai trên tổ chức — ", StringComparison.Ordinal);
        await output.WriteAsync(text.AsMemory(), cancellationToken).ConfigureAwait(false);
        return checks.Any(c => c.State == ProtectionState.Missing);
    }
}
