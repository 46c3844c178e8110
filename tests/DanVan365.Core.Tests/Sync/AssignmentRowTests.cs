using DanVan365.Core.Catalogue;
using DanVan365.Core.Status;
using DanVan365.Core.Sync;
using DanVan365.Core.Units;

namespace DanVan365.Core.Tests.Sync;

/// <summary>One typed Phân công row: what each owner writes reads back through <see cref="AssignmentRow.From"/>.</summary>
public class AssignmentRowTests
{
    private static readonly Unit Vhxh = UnitDirectory.LoadDefault().Get("VHXH");

    private static readonly CatalogueTask Task = new("3.5.a", "3", "3.5", "Tuyên truyền, vận động nhân dân",
        new UnitReference("Phòng Văn hóa - Xã hội", ["VHXH"]), UnitReference.Empty,
        new TimeFrame("Quý III/2026", TimeFrameKind.Quarter, new DateOnly(2026, 9, 30)), []);

    private static AssignmentRow Read(params IReadOnlyDictionary<string, string?>[] writes)
    {
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (name, value) in writes.SelectMany(w => w))
        {
            fields[name] = value;
        }

        return AssignmentRow.From(new CurrentRow("7", "3.5.a|VHXH", null, fields))!;
    }

    [Fact]
    public void SyncFields_ThenFrom_TaskUnitAndLastDay()
    {
        var row = Read(AssignmentRow.SyncFields(Task, Vhxh));

        Assert.Equal(new AssignmentKey("3.5.a", "VHXH"), row.Key);
        Assert.Equal("[3.5.a] " + Vhxh.Name, row.Title);
        Assert.Equal(Task.Title, row.TaskText);
        Assert.Equal(new DateOnly(2026, 9, 30), row.LastDay);
        Assert.All(AssignmentRow.SyncFields(Task, Vhxh).Keys, k => Assert.Equal(ColumnOwner.Sync, SiteSchema.Assignments.OwnerOf(k)));
    }

    [Fact]
    public void ProgressAndLinkFields_ThenFrom_SameValues()
    {
        var row = Read(AssignmentRow.SyncFields(Task, Vhxh), AssignmentRow.PlannerLinkFields("task-1", "h1"),
            AssignmentRow.ProgressFields(100, new DateOnly(2026, 9, 28), StatusCategory.CompletedOnTime));

        Assert.Equal("task-1", row.PlannerTaskId);
        Assert.Equal("h1", row.PlannerHash);
        Assert.Equal(100, row.PercentComplete);
        Assert.True(row.IsCompleted);
        Assert.Equal(StatusCategory.CompletedOnTime, row.Category(new DateOnly(2026, 10, 1)));
    }

    [Fact]
    public void ProgressFields_NoCategory_StatusLeftAlone()
    {
        var fields = AssignmentRow.ProgressFields(40, null, null);

        Assert.False(fields.ContainsKey(AssignmentColumns.Status));
        Assert.Null(fields[AssignmentColumns.CompletedOn]);
    }

    [Fact]
    public void ExtensionFields_ThenFrom_EffectiveLastDayMoves()
    {
        var row = Read(AssignmentRow.SyncFields(Task, Vhxh), AssignmentRow.ExtensionFields(new DateOnly(2026, 10, 31)));

        Assert.Equal(new DateOnly(2026, 10, 31), row.EffectiveLastDay);
        Assert.True(row.IsExtended);
        Assert.Null(FieldValues.ParseDate(AssignmentRow.ExtensionFields(null)[AssignmentColumns.ExtendedLastDay]));
    }
}
