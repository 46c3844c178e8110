using DanVan365.Core.Catalogue;
using DanVan365.Core.Reporting;

namespace DanVan365.Documents.Reporting;

/// <summary><see cref="IReportDocuments"/> with the Open XML writers and parser of this assembly.</summary>
public sealed class WordReportDocuments(SubmissionParserLimits? limits = null) : IReportDocuments
{
    private readonly SubmissionParserLimits _limits = limits ?? SubmissionParserLimits.Default;

    public long MaxSubmissionBytes => _limits.MaxFileBytes;

    public (string FileName, byte[] Content) WriteTemplate(UnitTemplateSpec spec, WardIdentity ward) =>
        (TemplateWriter.FileName(spec), TemplateWriter.Write(spec, ward));

    public SubmissionParseResult ParseSubmission(byte[] file, TaskCatalogue catalogue, SubmissionExpectation expectation) =>
        SubmissionParser.Parse(file, catalogue, expectation, _limits);

    public byte[] WriteReport(CompiledReport report) => ReportWriter.Write(report);
}
