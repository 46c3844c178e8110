using DanVan365.Core.Planner;

namespace DanVan365.Core.Tests.Planner;

public class PlannerTaskShapeTests
{
    [Fact]
    public void ArchivedTitle_Twice_PrefixOnce()
    {
        var once = PlannerDesign.ArchivedTitle("[3.5.a] Tuyên truyền");

        Assert.Equal("[Bãi bỏ] [3.5.a] Tuyên truyền", once);
        Assert.Equal(once, PlannerDesign.ArchivedTitle(once));
        Assert.Equal("3.5.a", PlannerDesign.CodeFromTitle(once));
    }

    [Fact]
    public void ArchivedTitle_LongTitle_CutToPlannerLimit()
    {
        var title = PlannerDesign.ArchivedTitle(new string('a', PlannerLimits.TitleLength));

        Assert.Equal(PlannerLimits.TitleLength, title.Length);
        Assert.StartsWith(PlannerDesign.ArchivedPrefix, title, StringComparison.Ordinal);
        Assert.EndsWith("…", title, StringComparison.Ordinal);
    }

    [Fact]
    public void IsArchived_NeedsPrefixAndLabel()
    {
        var label = new HashSet<int> { PlannerDesign.ArchivedCategory };

        Assert.True(PlannerDesign.IsArchived("[Bãi bỏ] [1.1] x", label));
        Assert.False(PlannerDesign.IsArchived("[1.1] x", label));
        Assert.False(PlannerDesign.IsArchived("[Bãi bỏ] [1.1] x", new HashSet<int> { 3 }));
    }

    [Fact]
    public void LabelChanges_Archived_SetsArchiveLabelOnly()
    {
        var changes = PlannerDesign.LabelChanges(null, archived: true, new HashSet<int> { 2 });

        Assert.Equal(new Dictionary<int, bool> { [PlannerDesign.ArchivedCategory] = true }, changes);
    }

    [Fact]
    public void LabelChanges_BackInDecision_ArchiveLabelGoesSectionLabelSet()
    {
        var changes = PlannerDesign.LabelChanges(2, archived: false, new HashSet<int> { 2, PlannerDesign.ArchivedCategory });

        Assert.Equal(new Dictionary<int, bool> { [2] = true, [PlannerDesign.ArchivedCategory] = false }, changes);
    }

    [Fact]
    public void LabelChanges_NeverArchived_ArchiveLabelUntouched()
    {
        var changes = PlannerDesign.LabelChanges(2, archived: false, new HashSet<int> { 2, 7 });

        Assert.Equal(new Dictionary<int, bool> { [2] = true }, changes);
    }

    [Fact]
    public void IsSyncItemToRemove_OnlySyncItemsNoLongerWanted()
    {
        const string Key = "3.5.a|VHXH";
        var kept = PlannerDesign.ChecklistItemId(Key, "Phối hợp: Phòng Kinh tế");
        var dropped = PlannerDesign.ChecklistItemId(Key, "Phối hợp: Công an phường");
        var wanted = new HashSet<string> { kept };

        Assert.False(PlannerDesign.IsSyncItemToRemove(Key, kept, "Phối hợp: Phòng Kinh tế", wanted));
        Assert.True(PlannerDesign.IsSyncItemToRemove(Key, dropped, "Phối hợp: Công an phường", wanted));
        // A person's own item (random id), and a sync item a person renamed: both stay.
        Assert.False(PlannerDesign.IsSyncItemToRemove(Key, "95a1b2c3", "Gọi điện cho Mặt trận", wanted));
        Assert.False(PlannerDesign.IsSyncItemToRemove(Key, dropped, "Phối hợp: Công an phường (đã gọi)", wanted));
    }

    [Fact]
    public void ChecklistItemId_StablePerKeyAndTitle()
    {
        Assert.Equal(PlannerDesign.ChecklistItemId("1.1|VP", "a"), PlannerDesign.ChecklistItemId("1.1|VP", "a"));
        Assert.NotEqual(PlannerDesign.ChecklistItemId("1.1|VP", "a"), PlannerDesign.ChecklistItemId("1.1|KT", "a"));
    }
}
