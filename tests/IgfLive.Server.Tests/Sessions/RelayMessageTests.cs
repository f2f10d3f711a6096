using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IgfLive.Server.Contracts;
using IgfLive.Server.Endpoints;
using IgfLive.Server.Hubs;
using IgfLive.Server.Sessions.Relay;

namespace IgfLive.Server.Tests.Sessions;

/// <summary>
/// A broadcast between nodes: what one node writes, another reads back unchanged; what no node
/// wrote (anything else on the channel) is refused with its reason, never delivered.
/// </summary>
public sealed class RelayMessageTests
{
    private const string SessionId = "s1";

    [Fact]
    public void WhatOneNodeWritesAnotherReadsAsTheSameSendsWithTheSameJson()
    {
        var events = new[] { new EventDto(7, DateTimeOffset.UnixEpoch, "ClockPaused", null) };
        var presence = new PresenceDto(12, 40);
        IReadOnlyList<SessionSend> sends =
        [
            new("session:s1:staff", nameof(ISessionClient.EventsRecorded), events),
            new("session:s1:participant:p9", nameof(ISessionClient.PresenceChanged), presence),
        ];

        var read = RelayMessage.Read(RelayMessage.Write(sends, HttpJson.Options), SessionId, out var problem);

        Assert.Null(problem);
        Assert.NotNull(read);
        Assert.Equal(sends.Select(s => (s.Group, s.Method)), read.Select(s => (s.Group, s.Method)));
        Assert.True(JsonNode.DeepEquals(JsonSerializer.SerializeToNode(events, HttpJson.Options), JsonSerializer.SerializeToNode(read[0].Argument, HttpJson.Options)));
        Assert.True(JsonNode.DeepEquals(JsonSerializer.SerializeToNode(presence, HttpJson.Options), JsonSerializer.SerializeToNode(read[1].Argument, HttpJson.Options)));
    }

    [Theory]
    [InlineData("not json at all", "not valid JSON")]
    [InlineData("{\"sends\":[{\"group\":\"session:s1:staff\"", "not valid JSON")]
    [InlineData("[]", "not valid JSON")]
    [InlineData("{}", "no sends")]
    [InlineData("{\"sends\":[]}", "no sends")]
    [InlineData("{\"sends\":[null]}", "not addressed to a group of session s1")]
    [InlineData("{\"sends\":[{\"group\":\"session:s2:staff\",\"method\":\"EventsRecorded\",\"argument\":[]}]}", "not addressed to a group of session s1")]
    [InlineData("{\"sends\":[{\"group\":\"session:s10:staff\",\"method\":\"EventsRecorded\",\"argument\":[]}]}", "not addressed to a group of session s1")]
    [InlineData("{\"sends\":[{\"method\":\"EventsRecorded\",\"argument\":[]}]}", "not addressed to a group of session s1")]
    [InlineData("{\"sends\":[{\"group\":\"session:s1:staff\",\"method\":\"Shutdown\",\"argument\":[]}]}", "calls 'Shutdown', which is not a client method")]
    [InlineData("{\"sends\":[{\"group\":\"session:s1:staff\",\"argument\":[]}]}", "which is not a client method")]
    [InlineData("{\"sends\":[{\"group\":\"session:s1:staff\",\"method\":\"EventsRecorded\"}]}", "has no argument")]
    [InlineData("{\"sends\":[{\"group\":\"session:s1:staff\",\"method\":\"EventsRecorded\",\"argument\":{\"seq\":1}}]}", "calls EventsRecorded with Object, not a list of events")]
    public void AnythingElseOnTheChannelIsRefusedWithItsReason(string message, string expected)
    {
        var read = RelayMessage.Read(Encoding.UTF8.GetBytes(message), SessionId, out var problem);

        Assert.Null(read);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void OneBadSendRefusesTheWholeMessage()
    {
        var message = "{\"sends\":[{\"group\":\"session:s1:staff\",\"method\":\"EventsRecorded\",\"argument\":[]},"
            + "{\"group\":\"session:other:participants\",\"method\":\"EventsRecorded\",\"argument\":[]}]}";

        Assert.Null(RelayMessage.Read(Encoding.UTF8.GetBytes(message), SessionId, out var problem));
        Assert.Contains("send 1", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void AnOversizedMessageIsRefusedBeforeItIsParsed()
    {
        var message = new byte[RelayMessage.MaxBytes + 1];

        Assert.Null(RelayMessage.Read(message, SessionId, out var problem));
        Assert.Contains("more than", problem, StringComparison.Ordinal);
    }
}
