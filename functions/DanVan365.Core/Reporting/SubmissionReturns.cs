using System.Globalization;
using DanVan365.Core.Integrity;
using DanVan365.Core.Sync;
using DanVan365.Core.Time;

namespace DanVan365.Core.Reporting;

/// <summary>
/// The returns of submissions (list Trả lại báo cáo, <see cref="SiteSchema.Returns"/>) and who made each unit's submission
/// (a sealed state value), over the list and state ports. Only sealed rows and values count: a row or value a member typed
/// in SharePoint is ignored (docs/architecture.md "Records people can trust").
/// </summary>
public sealed class SubmissionReturns(IListStore lists, IStateStore state, RecordSeal seal, TimeProvider clock)
{
    /// <summary>The state key of who made the submission of (round, unit): "submitted-by|round|unit".</summary>
    public static string SubmitterKey(int round, string unitCode) =>
        string.Create(CultureInfo.InvariantCulture, $"submitted-by|{round}|{unitCode}");

    /// <summary>Every return DanVan365 recorded (sealed rows only), oldest first.</summary>
    public async Task<IReadOnlyList<RecordedReturn>> ReadAsync(CancellationToken cancellationToken)
    {
        var rows = await lists.ReadAsync(SiteSchema.Returns, cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => ReturnRow.Read(r, seal)).OfType<RecordedReturn>().OrderBy(r => r.Return.ReturnedAt)];
    }

    /// <summary>The open returns, for the rule of <see cref="RoundReports"/>.</summary>
    public async Task<ReturnedSubmissions> OpenAsync(CancellationToken cancellationToken) =>
        new((await ReadAsync(cancellationToken).ConfigureAwait(false)).Select(r => r.Return));

    /// <summary>Writes a new return row (sealed). Throws when the row could not be written.</summary>
    public async Task AddAsync(SubmissionReturn value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(value);
        var fields = ReturnRow.SealedValues(value, seal);
        var change = new RowChange(ChangeKind.Create, value.Key, null, null, fields, [.. fields.Keys.Order(StringComparer.Ordinal)]);
        var plan = new SyncPlan(SiteSchema.Returns, [change]);
        var applied = await lists.ApplyAsync(plan, [new DesiredRow(value.Key, fields)], WardTime.Today(clock), cancellationToken)
            .ConfigureAwait(false);
        if (!applied.Succeeded)
        {
            throw new ReturnNotWrittenException(applied.Failures[0].Reason);
        }
    }

    /// <summary>
    /// Closes the open returns of (round, unit): the unit submitted again (state "Đã nộp lại", the day; re-sealed). The rows stay:
    /// the history of who returned what, when and why.
    /// </summary>
    public async Task<IReadOnlyList<RowFailure>> CloseAsync(int round, string unitCode, CancellationToken cancellationToken)
    {
        var open = (await ReadAsync(cancellationToken).ConfigureAwait(false))
            .Where(r => r.Return.IsOpen && r.Return.Round == round && string.Equals(r.Return.UnitCode, unitCode, StringComparison.Ordinal))
            .ToList();
        if (open.Count == 0)
        {
            return [];
        }

        var today = WardTime.Today(clock);
        var patches = open.Select(r =>
        {
            var all = ReturnRow.SealedValues(r.Return with { ResubmittedOn = today }, seal);
            var fields = new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                [ReturnColumns.State] = all[ReturnColumns.State],
                [ReturnColumns.ResubmittedOn] = all[ReturnColumns.ResubmittedOn],
                [SiteSchema.Seal] = all[SiteSchema.Seal],
            };
            return new RowPatch(r.Return.Key, r.ItemId, fields) { ETag = r.ETag };
        }).ToList();
        return (await lists.PatchAsync(SiteSchema.Returns, patches, cancellationToken).ConfigureAwait(false)).Failures;
    }

    /// <summary>Records who made the submission of (round, unit): "u:{object id}", or "op" for the operator of the app.</summary>
    public Task RecordSubmitterAsync(int round, string unitCode, string submitter, CancellationToken cancellationToken) =>
        state.SetAsync(SubmitterKey(round, unitCode), submitter, cancellationToken);

    /// <summary>
    /// The recorded maker of the submission of (round, unit) ("u:{object id}", "op"), or null when unknown or not sealed.
    /// </summary>
    public Task<string?> SubmitterAsync(int round, string unitCode, CancellationToken cancellationToken) =>
        state.GetAsync(SubmitterKey(round, unitCode), cancellationToken);
}

/// <summary>The return row could not be written (a busy or failing list): nothing was returned; the caller may try again.</summary>
public sealed class ReturnNotWrittenException(string reason) : Errors.DanVanException("The return row was not written: " + reason);
