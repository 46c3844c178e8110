using DanVan365.Core.NextYear;
using DanVan365.Core.Reporting;

namespace DanVan365.Documents.NextYear;

/// <summary><see cref="INextYearDraftDocuments"/> with <see cref="NextYearDraftWriter"/>.</summary>
public sealed class WordNextYearDraftDocuments : INextYearDraftDocuments
{
    public byte[] Write(NextYearDraft draft, WardIdentity ward) => NextYearDraftWriter.Write(draft, ward);
}
