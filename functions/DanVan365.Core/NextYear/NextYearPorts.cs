namespace DanVan365.Core.NextYear;

/// <summary>Writes next year's draft annex (.docx). Implemented by DanVan365.Documents.</summary>
public interface INextYearDraftDocuments
{
    /// <summary>The document's bytes: the same draft and ward give the same bytes.</summary>
    byte[] Write(NextYearDraft draft, Reporting.WardIdentity ward);
}
