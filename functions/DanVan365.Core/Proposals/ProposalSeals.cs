using DanVan365.Core.Integrity;
using DanVan365.Core.Reporting;
using DanVan365.Core.Sync;

namespace DanVan365.Core.Proposals;

/// <summary>A row of Đề xuất điều chỉnh whose seal does not verify: not used by any rule, reported.</summary>
/// <param name="RowKey">The row's proposal id as found.</param>
/// <param name="State">The state word as found.</param>
/// <param name="By">Who changed the row last (Graph's lastModifiedBy).</param>
/// <param name="At">When (Graph's lastModifiedDateTime).</param>
public sealed record IgnoredProposal(string RowKey, string? State, FileModifier? By, DateTimeOffset? At)
{
    /// <summary>Why it is not used (Nhật ký can thiệp's reason column).</summary>
    public const string Reason = "Dòng đề xuất không do DanVan365 ghi hoặc đã bị sửa ngoài hệ thống (chứng thực không khớp): " +
        "không dùng để tính hạn, nhắc việc, báo cáo; đề xuất phải được gửi và xử lý qua DanVan365.";

    /// <summary>The record of it: the state column, found as is, nothing restored (proposals have no other source).</summary>
    public Intervention ToIntervention() => new(SiteSchema.Proposals.DisplayName, RowKey,
        SiteSchema.Proposals.Column(ProposalColumns.State).DisplayName, State, null, InterventionAction.Ignored, Reason, By, At);
}

/// <summary>
/// The seal of a proposal's row (docs/architecture.md "Records people can trust"): every column of Đề xuất điều chỉnh is the
/// workflow's (people act through the API, the CLI and the web part), so the seal covers them all (Title and the seal column
/// aside) and is written with every create and update. A row whose seal fails — one a member added in SharePoint already
/// approved, a state or a date edited — is left as it is, never used, and reported (<see cref="IgnoredProposal"/>).
/// </summary>
public static class ProposalSeals
{
    private static ListDefinition List => SiteSchema.Proposals;

    /// <summary>The row's fields for a write of <paramref name="proposal"/>, with its seal.</summary>
    public static IReadOnlyDictionary<string, string?> SealedFields(Proposal proposal, RecordSeal seal)
    {
        ArgumentNullException.ThrowIfNull(seal);
        var fields = new Dictionary<string, string?>(ProposalRows.ToFields(proposal), StringComparer.Ordinal);
        fields[SiteSchema.Seal] = seal.Seal(List.Key, FieldValues.Text(proposal.Id)!, Covered(fields));
        return fields;
    }

    /// <summary>Whether DanVan365 wrote the row as it is.</summary>
    public static SealCheck Check(CurrentRow row, RecordSeal seal)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(seal);
        return seal.Verify(List.Key, row.Key, Covered(row.Fields), row.Fields.GetValueOrDefault(SiteSchema.Seal));
    }

    /// <summary>The values the seal covers: every column but Title and the seal.</summary>
    private static Dictionary<string, string?> Covered(IReadOnlyDictionary<string, string?> fields) =>
        List.Columns.Where(c => c.Name != SiteSchema.Seal)
            .ToDictionary(c => c.Name, c => FieldValues.Text(fields.GetValueOrDefault(c.Name)), StringComparer.Ordinal);
}
