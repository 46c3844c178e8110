using DanVan365.Core.Status;

namespace DanVan365.Core.Reporting;

/// <summary>A unit's answer for one task (text NFC; paragraphs joined with '\n', bullets as "- ").</summary>
/// <param name="Code">Task code, e.g. "3.5.a".</param>
/// <param name="Result">Kết quả thực hiện.</param>
/// <param name="Status">Mức độ hoàn thành, or null when left empty.</param>
/// <param name="Difficulties">Khó khăn, vướng mắc.</param>
/// <param name="Proposals">Đề xuất, kiến nghị.</param>
public sealed record SubmissionRow(string Code, string Result, StatusCategory? Status, string Difficulties, string Proposals)
{
    /// <summary>True when the unit wrote anything on this row (the one rule of <see cref="RoundReports"/>: a cell not blank).</summary>
    public bool HasContent => RoundReports.HasContent(Result, Status?.Label(), Difficulties, Proposals);
}

/// <summary>One unit's report for one round (a filled template, or a form).</summary>
public sealed record Submission(string UnitCode, int Round, string CatalogueVersion, IReadOnlyList<SubmissionRow> Rows)
{
    /// <summary>The general part of a year-end report (null for any other round, or when the unit left it blank).</summary>
    public YearEndReview? Review { get; init; }

    /// <summary>The key as the Báo cáo kết quả list stores it: "round|code|unitCode".</summary>
    public static string RowKey(int round, string code, string unitCode) =>
        Sync.ReportKey.Format(round, code, unitCode);
}

/// <summary>Why a submitted file was refused.</summary>
public enum RejectionKind
{
    /// <summary>No template key: not one of our templates.</summary>
    NotATemplate,

    /// <summary>A template of another unit.</summary>
    WrongUnit,

    /// <summary>A template of another round.</summary>
    WrongRound,

    /// <summary>A template of another catalogue version (only when the caller asks).</summary>
    WrongCatalogueVersion,

    /// <summary>A task code that is not a work item of the catalogue.</summary>
    UnknownTaskCode,

    /// <summary>The same task code on two rows.</summary>
    DuplicateTaskCode,

    /// <summary>A completion word that is not one of the four status words.</summary>
    UnknownCompletionWord,

    /// <summary>A cell longer than the limit.</summary>
    TextTooLong,

    /// <summary>Not a readable .docx (broken zip or package).</summary>
    CorruptFile,

    /// <summary>The file is larger than the limit.</summary>
    FileTooLarge,

    /// <summary>The zip expands far beyond its size (zip bomb) or beyond the limit.</summary>
    ZipBomb,

    /// <summary>More rows than the unit has work items.</summary>
    TooManyRows,

    /// <summary>Last modified by someone who is neither one of the unit's people nor an administrator.</summary>
    NotTheUnitsPerson,

    /// <summary>Reading the file failed too many times; it is not tried again until it changes.</summary>
    TooManyAttempts,

    /// <summary>A year-end report's own score that is not a number of points from 0 to 100, or given by a unit not graded.</summary>
    BadSelfScore,
}

/// <summary>One reason for refusing a file, with where (task code; field: result, status, difficulties, proposals) when
/// known.</summary>
public sealed record SubmissionRejection(RejectionKind Kind, string Message, string? TaskCode = null, string? Field = null)
{
    public override string ToString() => TaskCode is null ? $"{Kind}: {Message}" : $"{Kind} ({TaskCode}): {Message}";
}

/// <summary>What the caller expects of a file (e.g. from the library folder it was uploaded to); null = do not check.</summary>
/// <param name="MaxRows">Most rows accepted (a form: the unit's work items); null = no limit.</param>
/// <param name="UnitTaskCodes">The only task codes accepted (a form: the unit's work items); null = any work item.</param>
public sealed record SubmissionExpectation(string? UnitCode = null, int? Round = null, string? CatalogueVersion = null,
    int? MaxRows = null, IReadOnlySet<string>? UnitTaskCodes = null);

/// <summary>The outcome of reading a submitted file: a submission, or the reasons it was refused (never both).</summary>
public sealed record SubmissionParseResult
{
    private SubmissionParseResult(Submission? submission, TemplateKey? key, IReadOnlyList<SubmissionRejection> rejections)
    {
        Submission = submission;
        Key = key;
        Rejections = rejections;
    }

    /// <summary>The submission when accepted.</summary>
    public Submission? Submission { get; }

    /// <summary>The template key, when one was found (also on some rejections, to tell whose file it was).</summary>
    public TemplateKey? Key { get; }

    /// <summary>Why the file was refused; empty when accepted.</summary>
    public IReadOnlyList<SubmissionRejection> Rejections { get; }

    /// <summary>True when accepted.</summary>
    public bool IsAccepted => Submission is not null;

    /// <summary>All reasons on one line (for the library's rejection column).</summary>
    public string Summary => string.Join("; ", Rejections.Select(r => r.TaskCode is null ? r.Message : $"{r.TaskCode}: {r.Message}"));

    public static SubmissionParseResult Accepted(Submission submission, TemplateKey key)
    {
        ArgumentNullException.ThrowIfNull(submission);
        return new(submission, key, []);
    }

    public static SubmissionParseResult Rejected(IReadOnlyList<SubmissionRejection> rejections, TemplateKey? key = null)
    {
        ArgumentNullException.ThrowIfNull(rejections);
        if (rejections.Count == 0)
        {
            throw new ArgumentException("A rejection needs at least one reason.", nameof(rejections));
        }

        return new(null, key, rejections);
    }

    public static SubmissionParseResult Rejected(RejectionKind kind, string message) => Rejected([new SubmissionRejection(kind, message)]);
}
