using DanVan365.Core.Sync;

namespace DanVan365.Core.Reporting;

/// <summary>What ingesting one file did.</summary>
public enum IngestOutcome
{
    /// <summary>Read into Báo cáo kết quả rows.</summary>
    Accepted,

    /// <summary>Refused; the reasons are on the file's Rejection column.</summary>
    Rejected,

    /// <summary>Already ingested in this version: not read again.</summary>
    Unchanged,

    /// <summary>Accepted but some rows could not be written, or the file could not be read; it is tried again next run
    /// (refused after <see cref="IngestRetries.MaxAttempts"/> failures).</summary>
    Failed,
}

/// <summary>One file's ingestion.</summary>
/// <param name="File">The library file.</param>
/// <param name="Round">The round whose "Nộp" folder holds it.</param>
/// <param name="Outcome">What happened.</param>
/// <param name="Result">The parse result (null when unchanged).</param>
/// <param name="Plan">Row writes planned (null unless accepted).</param>
/// <param name="Failures">Rows that could not be written.</param>
/// <param name="Error">Why reading the file failed (Failed without row failures).</param>
public sealed record IngestedFile(LibraryFile File, int Round, IngestOutcome Outcome, SubmissionParseResult? Result, SyncPlan? Plan,
    IReadOnlyList<RowFailure> Failures, string? Error = null)
{
    /// <summary>Rows created or updated.</summary>
    public int RowsWritten => Plan?.Writes.Count() ?? 0;

    /// <summary>What became of a year-end report's self score (recorded as the unit's proposal, or why not); null when none.</summary>
    public string? SelfScore { get; init; }

    /// <summary>Unchanged since it was rejected: the reasons still on the file.</summary>
    public string? StandingRejection => Outcome == IngestOutcome.Unchanged
        && File.Fields.GetValueOrDefault(SubmissionIngest.RejectionColumn) is { Length: > 0 } reasons ? reasons : null;
}

/// <summary>What an ingest run did.</summary>
public sealed record IngestReport(IReadOnlyList<IngestedFile> Files)
{
    /// <summary>Processed-file values DanVan365 did not write, found and recorded in Nhật ký can thiệp (issue 22).</summary>
    public IReadOnlyList<Integrity.Intervention> Interventions { get; init; } = [];

    public int Count(IngestOutcome outcome) => Files.Count(f => f.Outcome == outcome);

    /// <summary>True when no file is rejected (now or earlier, and not replaced since) and nothing failed.</summary>
    public bool AllAccepted => Files.All(f => f.Outcome is IngestOutcome.Accepted || (f.Outcome == IngestOutcome.Unchanged
        && f.StandingRejection is null));
}

/// <summary>The outcome of submitting a local file: ingested, or refused before upload (not a template, unknown round).</summary>
public sealed record SubmitResult(IngestedFile? Ingested, SubmissionParseResult? Refused);
