using DanVan365.Core.Status;

namespace DanVan365.Core.Tests.Status;

/// <summary>The one severity order (<see cref="StatusCategories.Severity"/>): the least advanced status of a task counts.</summary>
public class StatusCategoryTests
{
    [Fact]
    public void Severity_AllCategories_CompletedOnTimeLeastThenLateThenInProgressThenOverdue()
    {
        Assert.Equal([0, 1, 2, 3], StatusCategories.All.Select(c => c.Severity()));
    }

    [Fact]
    public void LeastAdvanced_MixedWords_HighestSeverity()
    {
        Assert.Equal(StatusCategory.InProgressOnTime, StatusCategories.LeastAdvanced(
            [StatusCategory.CompletedOnTime, StatusCategory.InProgressOnTime, StatusCategory.CompletedLate]));
        Assert.Equal(StatusCategory.InProgressOverdue, StatusCategories.LeastAdvanced(
            [StatusCategory.InProgressOverdue, StatusCategory.InProgressOnTime]));
    }

    [Fact]
    public void LeastAdvanced_Empty_Null()
    {
        Assert.Null(StatusCategories.LeastAdvanced([]));
    }
}
