using DanVan365.Core.Catalogue;
using DanVan365.Core.Units;

namespace DanVan365.Core.Reporting;

/// <summary>A template written and uploaded.</summary>
public sealed record IssuedTemplate(UnitTemplateSpec Spec, string FileName, byte[] Content, LibraryFile File);

/// <summary>Use case: one template per expected unit for a round, uploaded to "…/Đợt N/Mẫu/".</summary>
public sealed class ReportTemplates(ILibraryStore library, IReportDocuments documents)
{
    public async Task<IReadOnlyList<IssuedTemplate>> IssueAsync(TaskCatalogue catalogue, UnitDirectory units, ReportRound round,
        WardIdentity? ward, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(round);
        ward ??= WardIdentity.From(catalogue.Decision, units: units);
        var folder = ReportLibrary.TemplatesFolder(catalogue.Decision, round.Number);
        await library.EnsureFolderAsync(folder, cancellationToken).ConfigureAwait(false);
        var issued = new List<IssuedTemplate>();
        foreach (var spec in ReportPlanner.Templates(catalogue, units, round))
        {
            var (name, content) = documents.WriteTemplate(spec, ward);
            var file = await library.UploadAsync(folder, name, content, cancellationToken).ConfigureAwait(false);
            issued.Add(new IssuedTemplate(spec, name, content, file));
        }

        return issued;
    }
}
