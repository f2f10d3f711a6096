using System.Text.Json;
using System.Text.RegularExpressions;
using IgfLive.Server.Contracts;
using IgfLive.Server.Hosting;
using IgfLive.Server.Hubs;
using IgfLive.Server.Tests.Infrastructure;

namespace IgfLive.Server.Tests.Conformance;

/// <summary>protocol.md on the hub's transport: the largest message, and what a Resync answer holds.</summary>
public sealed partial class TransportTests(ConformanceServer conformance) : IClassFixture<ConformanceServer>
{
    [Fact]
    public async Task AMessageOverTheLimitClosesTheConnectionWithTheDocumentedCloseMessageAndRecordsNothing()
    {
        Assert.Equal(32 * 1024, IgfLiveServiceExtensions.MaxHubMessageBytes);
        Assert.Contains("Largest accepted message: 32 KiB", ProtocolDocument.Current.Text, StringComparison.Ordinal);
        await using var cast = await conformance.NewCastAsync();
        var before = (await cast.Online.ResyncAsync(0)).Events[^1].Seq;
        await using var socket = await RawHubSocket.ConnectAsync(conformance.Server.Address);
        await socket.SendAsync($$"""{"type":1,"invocationId":"1","target":"Join","arguments":[{"sessionId":"{{cast.Session.Id}}","key":"{{cast.Session.ParticipantCode}}"}]}""");
        Assert.StartsWith("""{"type":3,"invocationId":"1","result":{"value":{"role":"Participant""", await socket.NextAsync(SessionClient.Timeout), StringComparison.Ordinal);

        var text = new string('x', (int)IgfLiveServiceExtensions.MaxHubMessageBytes);
        await socket.SendAsync($$"""{"type":1,"invocationId":"2","target":"SubmitQuestion","arguments":[{"text":"{{text}}"}]}""");

        var received = await socket.UntilClosedAsync(SessionClient.Timeout);
        var close = Assert.Single(received, m => m.Contains("\"type\":7", StringComparison.Ordinal));
        Assert.Equal(DocumentedCloseMessage(), JsonSerializer.Deserialize<JsonElement>(close).GetRawText());
        Assert.DoesNotContain(received, m => m.Contains("\"invocationId\":\"2\"", StringComparison.Ordinal));
        Assert.Equal(before, (await cast.Online.ResyncAsync(0)).Events[^1].Seq);
    }

    [Fact]
    public async Task AResyncAnswersTheMissedEventsWithoutASnapshotAndNothingAtTheCurrentVersion()
    {
        await using var cast = await conformance.NewCastAsync();
        await cast.Onsite.SendAsync("StartClock");
        var last = await cast.Onsite.SendAsync("PauseClock");

        var missed = await cast.Bob.ResyncAsync(last.Version - 2);
        Assert.Equal([last.Version - 1, last.Version], missed.Events.Select(e => e.Seq));
        Assert.Null(missed.Snapshot);
        var current = await cast.Bob.ResyncAsync(last.Version);
        Assert.Empty(current.Events);
        Assert.Null(current.Snapshot);
        Assert.Equal(HubErrors.InvalidInput, await cast.Bob.RefusedAsync("Resync", -1L));
        Assert.Equal(HubErrors.InvalidInput, await cast.Bob.RefusedAsync("Resync", last.Version + 1));
    }

    [Fact]
    public async Task PastAThousandMissedEventsAResyncAnswersASnapshotInstead()
    {
        await using var cast = await conformance.NewCastAsync();
        var last = 0L;
        for (var i = 0; i <= SessionGateway.MaxResyncEvents; i++)
        {
            last = (await cast.Rapporteur.SendAsync("AddNote", new AddNoteRequest("Point", $"Point {i}", null, null, null))).Version;
        }
        Assert.Contains($"past {SessionGateway.MaxResyncEvents} missed events", ProtocolDocument.Current.Text, StringComparison.Ordinal);

        var resync = await cast.Bob.ResyncAsync(0);

        Assert.Empty(resync.Events);
        Assert.NotNull(resync.Snapshot);
        Assert.Equal((last, "Participant"), (resync.Snapshot.Version, resync.Snapshot.Role));
        Assert.Empty(resync.Snapshot.Notes);
    }

    /// <summary>The close message protocol.md quotes, as JSON.</summary>
    private static string DocumentedCloseMessage()
    {
        var quoted = CloseMessage().Match(ProtocolDocument.Current.Text);
        Assert.True(quoted.Success, "protocol.md quotes no close message.");
        return JsonSerializer.Deserialize<JsonElement>(quoted.Groups[1].Value).GetRawText();
    }

    [GeneratedRegex("close message `(\\{\"type\":7[^`]*\\})`")]
    private static partial Regex CloseMessage();
}
