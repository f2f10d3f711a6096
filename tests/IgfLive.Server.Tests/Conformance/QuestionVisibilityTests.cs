using System.Reflection;
using System.Text.Json.Serialization;
using IgfLive.Core.Sessions;
using IgfLive.Server.Contracts;
using IgfLive.Server.Tests.Infrastructure;

namespace IgfLive.Server.Tests.Conformance;

/// <summary>
/// protocol.md, "Who sees what", the table of question events by the question's state when sent:
/// for each row, events of questions in that state, live and replayed by Resync, and what every
/// audience received of them — full, public, blanked or Hidden.
/// </summary>
public sealed class QuestionVisibilityTests(ConformanceServer conformance) : IClassFixture<ConformanceServer>
{
    /// <summary>One event to look at: its type and sequence number, as sent live or as a Resync replays it now.</summary>
    private sealed record Case(string Type, long Seq, bool Replayed);

    private delegate Task<IReadOnlyList<Case>> Scenario(Roles cast);

    /// <summary>A scenario for each row, found by the words the row's first cell starts with.</summary>
    private static readonly Dictionary<string, Scenario> Scenarios = new(StringComparer.Ordinal)
    {
        ["public:"] = async cast =>
        {
            var a = await Ask(cast.Alice, "Who keeps the data?");
            var approved = await cast.Online.SendAsync("ApproveQuestion", a.Id);
            var voted = await cast.Bob.SendAsync("VoteQuestion", a.Id);
            var unvoted = await cast.Bob.SendAsync("UnvoteQuestion", a.Id);
            var b = await cast.Online.SendAsync("RecordQuestion", new RecordQuestionRequest("From the chat", "Chen", null, null, "Online", null));
            var moved = await cast.Online.SendAsync("MoveQuestion", b.Id, 0);
            var edited = await cast.Online.SendAsync("EditQuestion", a.Id, "Who keeps the data, and where?");
            var forwarded = await cast.Online.SendAsync("ForwardQuestion", a.Id);
            var live = await cast.Onsite.SendAsync("MakeQuestionLive", a.Id);
            var answered = await cast.Onsite.SendAsync("MarkQuestionAnswered", a.Id);
            return
            [
                new("QuestionApproved", approved.Version, false), new("QuestionVoted", voted.Version, false),
                new("QuestionUnvoted", unvoted.Version, false), new("QuestionMoved", moved.Version, false),
                new("QuestionEdited", edited.Version, false), new("QuestionForwarded", forwarded.Version, false),
                new("QuestionMadeLive", live.Version, false), new("QuestionAnswered", answered.Version, false),
                // A moderator's question is approved in the same append: public when sent.
                new("QuestionSubmitted", b.Version - 1, false),
                // Hidden when it was sent; replayed after the approval, the question is public.
                new("QuestionSubmitted", a.Version, true),
            ];
        },
        ["ended after it was public"] = async cast =>
        {
            var rejected = await Approved(cast, cast.Bob, "Off topic?");
            var rejection = await cast.Onsite.SendAsync("RejectQuestionFor", rejected, "off_topic");
            var withdrawn = await Approved(cast, cast.Alice, "Changed my mind?");
            var withdrawal = await cast.Alice.SendAsync("WithdrawQuestion", withdrawn);
            var (duplicate, kept) = (await Approved(cast, cast.Alice, "Who pays?"), await Approved(cast, cast.Bob, "Who funds it?"));
            var merge = await cast.Online.SendAsync("MergeQuestion", duplicate, kept);
            return
            [
                new("QuestionRejected", rejection.Version, false), new("QuestionWithdrawn", withdrawal.Version, false),
                new("QuestionMerged", merge.Version, false), new("QuestionRejected", rejection.Version, true),
            ];
        },
        ["any other:"] = async cast =>
        {
            var waiting = await Ask(cast.Alice, "Still in triage?");
            var edited = await Ask(cast.Bob, "speling?");
            var edit = await cast.Online.SendAsync("EditQuestion", edited.Id, "Spelling?");
            var rejection = await cast.Online.SendAsync("RejectQuestion", edited.Id, "Unclear");
            var withdrawn = await Ask(cast.Alice, "Never mind?");
            var withdrawal = await cast.Alice.SendAsync("WithdrawQuestion", withdrawn.Id);
            var (duplicate, kept) = (await Ask(cast.Alice, "Who pays?"), await Ask(cast.Bob, "Who funds it?"));
            var merge = await cast.Online.SendAsync("MergeQuestion", duplicate.Id, kept.Id);
            // Seen live once, then rejected: on a replay its approval is an earlier event of a question no longer public.
            var once = await Approved(cast, cast.Bob, "Seen once?");
            var approval = (await cast.Onsite.SendAsync("RejectQuestion", once, "Covered")).Version - 1;
            return
            [
                new("QuestionSubmitted", waiting.Version, false), new("QuestionEdited", edit.Version, false),
                new("QuestionRejected", rejection.Version, false), new("QuestionWithdrawn", withdrawal.Version, false),
                new("QuestionMerged", merge.Version, false), new("QuestionApproved", approval, true),
                new("QuestionSubmitted", waiting.Version, true),
            ];
        },
    };

    private static IReadOnlyList<IReadOnlyDictionary<string, string>> Table => ProtocolDocument.Current.Rows(Visibility.Heading, "the question when sent");

    public static TheoryData<string> Rows() => [.. Table.Select(r => r["the question when sent"])];

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task EachAudienceReceivesAQuestionsEventsAsTheTableSays(string state)
    {
        var scenario = Scenarios.Where(s => state.StartsWith(s.Key, StringComparison.Ordinal)).Select(s => s.Value).SingleOrDefault();
        Assert.True(scenario is not null, $"protocol.md's row '{state}' has no scenario in {nameof(QuestionVisibilityTests)}.");
        var row = Table.Single(r => r["the question when sent"] == state);
        await using var cast = await conformance.NewCastAsync();
        var cases = await scenario(cast);
        await cast.AllReachAsync(cases.Max(c => c.Seq));
        var replays = new Dictionary<SessionClient, IReadOnlyList<EventDto>>();

        foreach (var (type, seq, replayed) in cases)
        {
            var staff = await CopyAsync(cast.Online, seq, replayed, replays);
            Assert.Equal(type, staff.Type);
            var data = SessionClient.Data<QuestionEventData>(staff);
            Assert.True(data.OnlineQueue is not null && data.OnsiteQueue is not null, $"staff's {type} (seq {seq}) lacks the queues.");
            foreach (var (column, client) in Visibility.Audiences(cast))
            {
                var who = replayed ? $"{client.Name} (replayed)" : client.Name;
                Visibility.Check(Visibility.Word(row[column]), staff, await CopyAsync(client, seq, replayed, replays), type, who);
            }
        }
    }

    [Fact]
    public void TheTablesBetweenThemNameEveryEvent()
    {
        var questionEvents = ProtocolDocument.Names(ProtocolDocument.Current.Paragraph("Question events ("));
        var byEvent = ProtocolDocument.Current.Rows(Visibility.Heading, "events").SelectMany(r => ProtocolDocument.Names(r["events"]));
        var all = typeof(SessionEvent).GetCustomAttributes<JsonDerivedTypeAttribute>().Select(a => (string)a.TypeDiscriminator!);
        Assert.Equal(all.Order(StringComparer.Ordinal), questionEvents.Concat(byEvent).Except(["PresenceChanged", "MyQuestionChanged"]).Order(StringComparer.Ordinal));
    }

    private static async Task<EventDto> CopyAsync(SessionClient client, long seq, bool replayed, Dictionary<SessionClient, IReadOnlyList<EventDto>> replays)
    {
        if (!replayed)
        {
            return client.Events.Single(e => e.Seq == seq);
        }
        if (!replays.TryGetValue(client, out var events))
        {
            replays[client] = events = (await client.ResyncAsync(0)).Events;
        }
        return events.Single(e => e.Seq == seq);
    }

    private static Task<CommandResult> Ask(SessionClient participant, string text) =>
        participant.SendAsync("SubmitQuestion", new SubmitQuestionRequest(text, participant.Name, "Lab", "Civil Society", null));

    private static async Task<string> Approved(Roles cast, SessionClient asker, string text)
    {
        var asked = await Ask(asker, text);
        await cast.Online.SendAsync("ApproveQuestion", asked.Id);
        return asked.Id!;
    }
}
