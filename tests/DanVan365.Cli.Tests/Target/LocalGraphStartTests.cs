using DanVan365.Cli.Target;
using DanVan365.LocalM365;
using DanVan365.TestUtilities;
using Microsoft.Extensions.Time.Testing;

namespace DanVan365.Cli.Tests.Target;

public class LocalGraphStartTests
{
    [Fact]
    public async Task Options_DataFolder_StateAndOutboxThereOnTheGivenClock()
    {
        using var folder = new TempDir();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 20, 2, 0, 0, TimeSpan.Zero));

        var options = LocalGraphStart.Options(folder.Path, clock);
        await using var server = await LocalGraphServer.StartAsync(options, CancellationToken.None);

        Assert.Equal(Path.Combine(folder.Path, LocalGraphStart.OutboxFolder), server.OutboxDirectory);
        Assert.Same(clock, options.Clock);
        Assert.Equal(0, options.Port);
        Assert.Equal(folder.Path, server.DataDirectory);
    }

    [Fact]
    public async Task UntilStoppedAsync_TokenCancelled_ReturnsWithoutThrowing()
    {
        using var cancel = new CancellationTokenSource();
        var waiting = LocalGraphStart.UntilStoppedAsync(cancel.Token);
        Assert.False(waiting.IsCompleted);

        await cancel.CancelAsync();
        await waiting.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(waiting.IsCompletedSuccessfully);
    }

    [Fact]
    public void PortOption_NotGiven_TheCommandsDefault()
    {
        var port = LocalGraphStart.PortOption(5366);
        var command = new System.CommandLine.RootCommand { port };

        Assert.Equal(5366, command.Parse([]).GetValue(port));
        Assert.Equal(0, command.Parse(["--port", "0"]).GetValue(port));
    }
}
