using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using IgfLive.Server.Contracts;
using IgfLive.Server.Endpoints;
using IgfLive.Server.Hubs;
using IgfLive.Server.Sessions.Relay;

namespace IgfLive.Server.Tests.Sessions;

/// <summary>
/// Broadcasts that queued up for a session are written with each group's events of a run as one
/// call: every connection hears exactly what it would have heard call by call, in the same order.
/// </summary>
public sealed class EventCoalescingTests
{
    private const string EventsRecorded = nameof(ISessionClient.EventsRecorded);
    private const string Staff = "session:s1:staff";
    private const string Participants = "session:s1:participants";
    private const string Stage = "session:s1:stage";

    // What a connection belongs to: its audience's group, and a participant's own group once they ask.
    private static readonly string[][] Connections =
    [
        [Staff], [Stage], [Participants], [Participants, "session:s1:participant:p1"], [Participants, "session:s1:participant:p2"],
    ];

    [Fact]
    public void EachGroupsEventsOfARunBecomeOneCallAtTheGroupsFirstPlace()
    {
        IReadOnlyList<SessionSend> sends =
        [
            Events(Staff, 1), Events(Participants, 1), Events(Staff, 2), Events(Participants, 2), Events(Stage, 2), Events(Staff, 3),
        ];

        var coalesced = LocalDelivery.Coalesce(sends);

        Assert.Equal([(Staff, "1,2,3"), (Participants, "1,2"), (Stage, "2")], coalesced.Select(s => (s.Group, Seqs(s))));
        Assert.True(JsonNode.DeepEquals(
            JsonSerializer.SerializeToNode(new[] { Event(1), Event(2), Event(3) }, HttpJson.Options),
            JsonSerializer.SerializeToNode(coalesced[0].Argument, HttpJson.Options)));
    }

    [Fact]
    public void AnotherCallBetweenBroadcastsKeepsItsPlaceAndEndsTheRun()
    {
        var news = new SessionSend("session:s1:participant:p1", nameof(ISessionClient.MyQuestionChanged), "q1");
        var presence = new SessionSend(Staff, nameof(ISessionClient.PresenceChanged), new PresenceDto(2, 2));
        IReadOnlyList<SessionSend> sends = [Events(Participants, 1), Events(Participants, 2), news, Events(Participants, 3), presence, Events(Participants, 4)];

        var coalesced = LocalDelivery.Coalesce(sends);

        Assert.Equal(
            [(EventsRecorded, "1,2"), (news.Method, ""), (EventsRecorded, "3"), (presence.Method, ""), (EventsRecorded, "4")],
            coalesced.Select(s => (s.Method, s.Method == EventsRecorded ? Seqs(s) : "")));
    }

    [Fact]
    public void RelayedEventsAndThisNodesJoinIntoOneArray()
    {
        var relayed = JsonSerializer.SerializeToElement(new[] { Event(1), Event(2) }, HttpJson.Options);
        IReadOnlyList<SessionSend> sends = [new(Staff, EventsRecorded, relayed), Events(Staff, 3)];

        var only = Assert.Single(LocalDelivery.Coalesce(sends));

        Assert.True(JsonNode.DeepEquals(
            JsonSerializer.SerializeToNode(new[] { Event(1), Event(2), Event(3) }, HttpJson.Options),
            JsonSerializer.SerializeToNode(only.Argument, HttpJson.Options)));
    }

    [Fact]
    public void AnArgumentThatIsNotAListOfEventsIsLeftAloneAndEndsTheRun()
    {
        var odd = new SessionSend(Staff, EventsRecorded, JsonSerializer.SerializeToElement(new { seq = 2 }));
        IReadOnlyList<SessionSend> sends = [Events(Staff, 1), odd, Events(Staff, 3), Events(Staff, 4)];

        var coalesced = LocalDelivery.Coalesce(sends);

        Assert.Equal(3, coalesced.Count);
        Assert.Same(odd, coalesced[1]);
        Assert.Equal("3,4", Seqs(coalesced[2]));
        Assert.Throws<ArgumentException>(() => EventBatch.Combine(odd.Argument, Events(Staff, 5).Argument));
    }

    [Fact]
    public void EveryConnectionHearsTheSameThingsInTheSameOrderAsCallByCall()
    {
        var audience = Gen.OneOfConst(Staff, Participants, Stage);
        var send = Gen.Frequency(
            (6, Gen.Select(audience, Gen.Int[1, 3], Gen.Bool).Select(x => (Group: x.Item1, Kind: 0, Events: x.Item2, Relayed: x.Item3))),
            (1, Gen.OneOfConst("session:s1:participant:p1", "session:s1:participant:p2").Select(g => (Group: g, Kind: 1, Events: 0, Relayed: false))),
            (1, Gen.Const((Group: Staff, Kind: 2, Events: 0, Relayed: false))));
        send.Array[0, 40].Sample(shape =>
        {
            var sends = Build(shape);

            var coalesced = LocalDelivery.Coalesce(sends);

            foreach (var groups in Connections)
            {
                Assert.Equal(Heard(sends, groups), Heard(coalesced, groups));
            }
            // Nothing left to merge: between two other calls, a group has at most one EventsRecorded.
            var run = new HashSet<string>();
            foreach (var s in coalesced)
            {
                if (s.Method != EventsRecorded)
                {
                    run.Clear();
                }
                else
                {
                    Assert.True(run.Add(s.Group), $"{s.Group} has two EventsRecorded in one run");
                }
            }
        });
    }

    private static List<SessionSend> Build((string Group, int Kind, int Events, bool Relayed)[] shape)
    {
        var sends = new List<SessionSend>();
        var seq = 0L;
        foreach (var (group, kind, count, relayed) in shape)
        {
            switch (kind)
            {
                case 0:
                    var events = Enumerable.Range(0, count).Select(_ => Event(++seq)).ToArray();
                    sends.Add(new SessionSend(group, EventsRecorded, relayed ? JsonSerializer.SerializeToElement(events, HttpJson.Options) : events));
                    break;
                case 1:
                    sends.Add(new SessionSend(group, nameof(ISessionClient.MyQuestionChanged), $"q{++seq}"));
                    break;
                default:
                    sends.Add(new SessionSend(group, nameof(ISessionClient.PresenceChanged), new PresenceDto((int)++seq, 99)));
                    break;
            }
        }
        return sends;
    }

    /// <summary>What a connection in <paramref name="groups"/> hears: each event, and each other call, as JSON.</summary>
    private static List<string> Heard(IEnumerable<SessionSend> sends, string[] groups)
    {
        var heard = new List<string>();
        foreach (var send in sends.Where(s => groups.Contains(s.Group)))
        {
            var json = JsonSerializer.SerializeToNode(send.Argument, send.Argument.GetType(), HttpJson.Options)!;
            if (send.Method == EventsRecorded)
            {
                heard.AddRange(json.AsArray().Select(e => $"event {e!.ToJsonString()}"));
            }
            else
            {
                heard.Add($"{send.Method} {json.ToJsonString()}");
            }
        }
        return heard;
    }

    // Data of a real contract (the wire carries nothing else), holding text that looks like a sequence number.
    private static EventDto Event(long seq) => new(seq, DateTimeOffset.UnixEpoch.AddSeconds(seq), "StageMessageCleared", new StageEventData($"\"seq\":{seq}", null));

    private static SessionSend Events(string group, long seq) => new(group, EventsRecorded, new[] { Event(seq) });

    private static string Seqs(SessionSend send) =>
        string.Join(',', JsonSerializer.SerializeToNode(send.Argument, send.Argument.GetType(), HttpJson.Options)!.AsArray().Select(e => e!["seq"]!.GetValue<long>()));
}
