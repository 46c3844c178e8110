using DanVan365.Core.Proposals;

namespace DanVan365.Documents.Proposals;

/// <summary><see cref="IAmendmentDraftDocuments"/> with <see cref="AmendmentDraftWriter"/>.</summary>
public sealed class WordAmendmentDraftDocuments : IAmendmentDraftDocuments
{
    public byte[] Write(AmendmentDraft draft, DateOnly date) => AmendmentDraftWriter.Write(draft, date);
}
