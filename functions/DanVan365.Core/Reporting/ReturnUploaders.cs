using DanVan365.Core.Units;

namespace DanVan365.Core.Reporting;

/// <summary>
/// Who last modified a library file, as Graph's identitySet gives it: the person (Entra object id and name) and/or the
/// application. A file written app-only has no person.
/// </summary>
/// <param name="UserId">The person's object id, or null.</param>
/// <param name="UserName">The person's display name as Graph gives it, or null.</param>
/// <param name="ApplicationId">The application's id, or null.</param>
/// <param name="ApplicationName">The application's display name, or null.</param>
public sealed record FileModifier(string? UserId, string? UserName, string? ApplicationId = null, string? ApplicationName = null);

/// <summary>
/// Issue 13: an uploaded return counts only if the person who last modified it may submit the unit's report, by the one
/// rule of <see cref="ReportSubmitters.MaySubmit"/> (the unit's head or an assignee, or the head of the aggregating unit;
/// the same rule as the report form's). A file last modified by an application only, or by nobody Graph names, does not
/// count either. Pure: the caller gives the directory and the author of the file's content (Integrity.ProcessedStamp: the
/// one judged for this content, never the app's own later column writes), judged on every read of the file.
/// </summary>
public static class ReturnUploaders
{
    /// <summary>The opening of every refusal's message (how a standing refusal is recognised on the file's row).</summary>
    public const string RefusalOpening = "Báo cáo không được tính: ";

    /// <summary>Null when the return of <paramref name="unitCode"/> counts; otherwise the reason, in Vietnamese.</summary>
    /// <param name="units">The ward's unit directory.</param>
    /// <param name="unitCode">The unit whose return the file is.</param>
    /// <param name="aggregatingUnitCode">The unit that compiles the returns (its head is an administrator), or null.</param>
    /// <param name="modifiedBy">Who last modified the file (null: Graph named nobody).</param>
    public static SubmissionRejection? Refusal(UnitDirectory units, string unitCode, string? aggregatingUnitCode, FileModifier? modifiedBy)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(unitCode);
        var unitName = units.Find(unitCode)?.Name ?? unitCode;
        if (modifiedBy?.UserId is not { Length: > 0 } userId)
        {
            var by = modifiedBy?.ApplicationId is { Length: > 0 } || modifiedBy?.ApplicationName is { Length: > 0 }
                ? $"một ứng dụng ({modifiedBy.ApplicationName ?? modifiedBy.ApplicationId}), không phải một người"
                : "không xác định được người";
            return Refuse($"tệp được sửa lần cuối bởi {by}. Trưởng đơn vị hoặc cán bộ được phân công của {unitName} cần tải tệp lên lại.");
        }

        if (ReportSubmitters.MaySubmit(units, unitCode, aggregatingUnitCode, userId))
        {
            return null;
        }

        var name = PersonName(units, userId) ?? modifiedBy.UserName ?? userId;
        return Refuse($"người sửa tệp lần cuối ({name}) không phải trưởng đơn vị hay cán bộ được phân công của {unitName}, cũng không " +
            $"phải người quản trị báo cáo. Trưởng đơn vị hoặc cán bộ được phân công của {unitName} cần tải tệp lên lại.");
    }

    private static SubmissionRejection Refuse(string reason) => new(RejectionKind.NotTheUnitsPerson, RefusalOpening + reason);

    private static string? PersonName(UnitDirectory units, string objectId) =>
        units.People.FirstOrDefault(p => ReportSubmitters.SameId(p.ObjectId, objectId))?.DisplayName;
}
