using DanVan365.Functions.Security;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan365.Functions.Tests.Security;

/// <summary>The middleware's choice of what to authenticate comes from the function's trigger, not from the request.</summary>
public class MiddlewareTriggerTests
{
    private static readonly IServiceProvider NoServices = new ServiceCollection().BuildServiceProvider();

    [Theory]
    [InlineData("timerTrigger")]
    [InlineData("queueTrigger")]
    public async Task Invoke_NonHttpTrigger_RunsTheFunction(string trigger)
    {
        var ran = false;
        var context = new InvocationContext(new MetadataFunction("Job", trigger, [], null), NoServices, http: null);

        await new EntraAuthenticationMiddleware().Invoke(context, _ =>
        {
            ran = true;
            return Task.CompletedTask;
        });

        Assert.True(ran);
    }

    [Fact]
    public async Task Invoke_HttpTriggerWithoutHttpContext_RefusesAndNeverRuns()
    {
        var ran = false;
        var context = new InvocationContext(new MetadataFunction("Status", "httpTrigger", ["get"], "status"), NoServices, http: null);

        await Assert.ThrowsAsync<InvalidOperationException>(() => new EntraAuthenticationMiddleware().Invoke(context, _ =>
        {
            ran = true;
            return Task.CompletedTask;
        }));

        Assert.False(ran);
    }

    [Fact]
    public void IsHttpTriggered_EveryHttpTriggerInMetadata_True()
    {
        var functions = FunctionsMetadataFile.Read();

        Assert.All(functions, f => Assert.Equal(
            f.IsHttp,
            EntraAuthenticationMiddleware.IsHttpTriggered(new InvocationContext(f, NoServices, http: null))));
        Assert.Contains(functions, f => !f.IsHttp);
    }
}
