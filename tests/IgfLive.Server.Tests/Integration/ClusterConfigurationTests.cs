using System.Net;
using IgfLive.Server.Tests.Infrastructure;

namespace IgfLive.Server.Tests.Integration;

/// <summary>
/// The Redis settings are checked when the server starts, as a separate process would be started
/// in production: a bad one stops it with a message naming the setting, before it takes traffic.
/// </summary>
public sealed class ClusterConfigurationTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("igflive-config-").FullName;

    public static TheoryData<string, string, string> BadSettings => new()
    {
        { "Redis__Configuration", "127.0.0.1:6379,connectTimeout=soon", "Redis:Configuration" },
        { "Redis__Configuration", "127.0.0.1:6379,colour=blue", "Redis:Configuration" },
        { "Redis__Configuration", "abortConnect=false", "names no server" },
        { "Redis__KeyPrefix", "two words", "Redis:KeyPrefix" },
        { "Redis__OperationTimeout", "00:00:00.010", "Redis:OperationTimeout" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task ABadRedisSettingStopsTheServerAtStartUpWithAMessageNamingIt(string variable, string value, string expected)
    {
        var environment = new Dictionary<string, string> { ["Redis__Configuration"] = "127.0.0.1:6379", [variable] = value };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ServerProcess.StartAsync(_data, environment));

        Assert.Contains("exited", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("OptionsValidationException", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANodeWhoseRedisIsDownStartsButIsNotReadyUntilRedisIsThere()
    {
        // Nothing listens on this port until the test starts redis-server there.
        await using var redis = await RedisServer.StartAsync();
        await redis.KillAsync();
        await using var server = await ServerProcess.StartAsync(_data, new Dictionary<string, string>
        {
            ["Redis__Configuration"] = redis.Configuration,
            ["Redis__KeyPrefix"] = "late",
        });
        using var http = server.CreateHttpClient();

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/live", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await http.GetAsync("/health/ready", TestContext.Current.CancellationToken)).StatusCode);

        await redis.RestartAsync();

        await Eventually.UntilAsync(
            async () => (await http.GetAsync("/health/ready", TestContext.Current.CancellationToken)).StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(30),
            "the node to connect to Redis and report ready");
        var session = await Seed.CreateAsync(server);
        Assert.False(string.IsNullOrEmpty(session.Id));
    }

    public void Dispose() => TestServer.TryDelete(_data);
}
