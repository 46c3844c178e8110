using DanVan365.Core.Catalogue;
using DanVan365.Core.NextYear;
using DanVan365.Core.Sync;
using DanVan365.Core.Time;

namespace DanVan365.Core.Wards;

/// <summary>Next year's draft and its document, and which decision it was built from.</summary>
/// <param name="Draft">The draft (<see cref="NextYearDraftBuilder"/>).</param>
/// <param name="Content">The .docx bytes.</param>
/// <param name="Source">The decision file in use in the library, or null when the caller's catalogue was used.</param>
public sealed record NextYearResult(NextYearDraft Draft, byte[] Content, string? Source);

/// <summary>
/// Use case: next year's draft annex (issue 24, docs/architecture.md "Next year's draft"): this year's catalogue (the
/// library's decision in use, or the caller's) and the Phân công rows as of today (ICT) give the draft
/// (<see cref="NextYearDraftBuilder"/>) and its Word document. It reads only: nothing is written to Microsoft 365, so it needs
/// no lease.
/// </summary>
public sealed class WardNextYear(WardContext ward, DecisionIntake decisions, IListStore lists, INextYearDraftDocuments documents,
    TimeProvider clock)
{
    /// <summary>
    /// The draft from the library's decision in use; when the library has none, from <paramref name="fallback"/> (null: throws
    /// <see cref="NoDecisionException"/>).
    /// </summary>
    public async Task<NextYearResult> DraftInUseAsync(TaskCatalogue? fallback, CancellationToken cancellationToken)
    {
        var current = await decisions.CurrentAsync(cancellationToken).ConfigureAwait(false);
        if (current is null)
        {
            return await DraftAsync(fallback ?? throw new NoDecisionException(ward.Id), cancellationToken).ConfigureAwait(false);
        }

        return await DraftAsync(current.Catalogue, cancellationToken).ConfigureAwait(false) with { Source = current.File.Name };
    }

    /// <summary>The draft from <paramref name="catalogue"/> (this year's decision) and the ward's Phân công rows.</summary>
    public async Task<NextYearResult> DraftAsync(TaskCatalogue catalogue, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var rows = await lists.ReadAsync(SiteSchema.Assignments, cancellationToken).ConfigureAwait(false);
        var assignments = rows.Select(AssignmentRow.From).OfType<AssignmentRow>().ToList();
        var draft = NextYearDraftBuilder.Build(catalogue, assignments, ward.Units, WardTime.Today(clock));
        return new NextYearResult(draft, documents.Write(draft, ward.IdentityFor(catalogue.Decision)), null);
    }
}
