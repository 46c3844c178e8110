namespace DanVan365.Core.Catalogue;

/// <summary>
/// One catalogue row as an importer read it, before resolution: cells as written (normalised) plus the line each
/// came from (1-based; for .docx a table row number). <see cref="TimeText"/> is null when the row has no time cell.
/// </summary>
public sealed record RawEntry(
    string Code,
    string Section,
    string? Parent,
    string Title,
    string LeadText,
    string CoordinatingText,
    string? TimeText,
    IReadOnlyList<string> Footnotes,
    int Line,
    int LeadLine,
    int CoordinatingLine,
    int TimeLine);

/// <summary>A section row as read.</summary>
public sealed record RawSection(string Code, string Title, int Line);

/// <summary>The decision's own metadata as read (the aggregating unit still a phrase).</summary>
public sealed record RawDecision(
    string Number,
    DateOnly Date,
    string Issuer,
    string Signer,
    IReadOnlyList<string> SignerCapacity,
    string? AggregatingPhrase,
    int AggregatingLine,
    IReadOnlyList<ReportingRound> ReportingRounds)
{
    /// <summary>The "Nơi nhận" entries as read (<see cref="Decision.Recipients"/>).</summary>
    public IReadOnlyList<string> Recipients { get; init; } = [];
}

/// <summary>Everything an importer read from a decision.</summary>
public sealed record RawCatalogue(
    string File,
    RawDecision Decision,
    IReadOnlyList<RawSection> Sections,
    IReadOnlyList<RawEntry> Entries,
    IReadOnlyList<Footnote> Footnotes,
    int LastLine)
{
    /// <summary>What kind of document the catalogue was read from.</summary>
    public DocumentGenre Genre { get; init; }

    /// <summary>What OCR read, for a scanned decision; null for a digital one.</summary>
    public ScanReading? Scan { get; init; }
}

/// <summary>The kinds of task document the importers read (docs/architecture.md "Decisions").</summary>
public enum DocumentGenre
{
    /// <summary>A decision whose tasks are a table (the bundled decision).</summary>
    DecisionTable,

    /// <summary>A plan (Kế hoạch) whose tasks are numbered paragraphs.</summary>
    PlanProse,

    /// <summary>A plan whose appendix table (Phụ lục) is the catalogue; its prose tasks, if any, agree with it.</summary>
    PlanAppendixTable,
}

/// <summary>Port: reads a decision into a catalogue (implemented in DanVan365.Documents, one per format). Importers read a
/// stream; <c>name</c> (the file name or path) is only used in messages. Opening files is the edges' job.</summary>
public interface IDecisionImporter
{
    /// <summary>File extensions handled, lower case with the dot (".txt").</summary>
    IReadOnlyList<string> Extensions { get; }

    /// <summary>Reads and validates the decision into a catalogue; bad input throws <see cref="Errors.InvalidInputException"/>.</summary>
    TaskCatalogue Import(System.IO.Stream stream, string name, Units.UnitDirectory units);
}
