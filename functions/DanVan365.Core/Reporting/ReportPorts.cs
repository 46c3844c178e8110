using DanVan365.Core.Catalogue;

namespace DanVan365.Core.Reporting;

/// <summary>The Word side of reporting (templates, submissions, the compiled report), as the use cases see it. Implemented by
/// DanVan365.Documents.</summary>
public interface IReportDocuments
{
    /// <summary>Largest submitted file that is read at all (bytes); larger files are refused without downloading.</summary>
    long MaxSubmissionBytes { get; }

    /// <summary>A unit's template: its file name and .docx bytes (deterministic).</summary>
    (string FileName, byte[] Content) WriteTemplate(UnitTemplateSpec spec, WardIdentity ward);

    /// <summary>Reads a submitted file (never throws for a bad file: a rejection says why).</summary>
    SubmissionParseResult ParseSubmission(byte[] file, TaskCatalogue catalogue, SubmissionExpectation expectation);

    /// <summary>The compiled report's .docx bytes (deterministic).</summary>
    byte[] WriteReport(CompiledReport report);
}
