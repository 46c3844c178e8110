using DanVan365.M365.Client;
using DanVan365.M365.Lists;

namespace DanVan365.M365.Tests.Lists;

public class UniqueKeyConflictTests
{
    private static BatchOutcome Outcome(int status, string code, string message) =>
        new("1", status, $"{{\"error\":{{\"code\":\"{code}\",\"message\":\"{message}\"}}}}", new Dictionary<string, string>());

    [Theory]
    [InlineData(409, "nameAlreadyExists",
        "The list item could not be added or updated because duplicate values were found in the following field(s) in the list: [Title].",
        true)]
    [InlineData(400, "invalidRequest",
        "The list item could not be added or updated because duplicate values were found in the following field(s) in the list: [Title].",
        true)]
    [InlineData(500, "generalException", "duplicate values were found", true)]
    [InlineData(409, "Conflict", "The request conflicts with a newer change of the resource.", false)]
    [InlineData(503, "serviceNotAvailable", "duplicate values were found", false)]
    [InlineData(400, "invalidRequest", "Field 'X' is not recognized", false)]
    public void Is_StatusAndText_RecognisesOnlyKeyConflicts(int status, string code, string message, bool expected) =>
        Assert.Equal(expected, UniqueKeyConflict.Is(Outcome(status, code, message)));
}
