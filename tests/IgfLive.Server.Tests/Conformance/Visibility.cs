using System.Text.Json;
using IgfLive.Server.Contracts;
using IgfLive.Server.Endpoints;
using IgfLive.Server.Tests.Infrastructure;

namespace IgfLive.Server.Tests.Conformance;

/// <summary>
/// The words of protocol.md's "Who sees what" tables, as checks of what one connection received of
/// an event against what staff received of it.
/// </summary>
public static class Visibility
{
    public const string Heading = "Who sees what";

    /// <summary>The connections standing for each column: every staff role, the stage display, two participants.</summary>
    public static IEnumerable<(string Column, SessionClient Client)> Audiences(Roles cast) =>
    [
        ("staff", cast.Online), ("staff", cast.Onsite), ("staff", cast.Rapporteur),
        ("stage", cast.Stage),
        ("participant", cast.Alice), ("participant", cast.Bob),
    ];

    /// <summary>The expectation a cell names: its first word ("full", "public", "blanked", "Hidden", "nothing").</summary>
    public static string Word(string cell) => cell.Split([' ', ','], 2)[0];

    /// <summary>Checks <paramref name="seen"/> against <paramref name="staff"/>, the staff copy of the same event of type <paramref name="type"/>.</summary>
    public static void Check(string word, EventDto staff, EventDto seen, string type, string who)
    {
        Assert.Equal(staff.Seq, seen.Seq);
        var what = $"{who}'s copy of {type} (seq {seen.Seq})";
        switch (word)
        {
            case "full":
                Assert.True(seen.Type == type, $"{what} is {seen.Type}, not {type}.");
                // The same for every staff role but the commands each may send (QuestionDto.actions, by role).
                Assert.True(WithoutActions(staff) == WithoutActions(seen), $"{what} differs from staff's: {Json(seen)} against {Json(staff)}.");
                break;
            case "public":
                Assert.True(seen.Type == type, $"{what} is {seen.Type}, not {type}.");
                var (mine, theirs) = (Question(seen), Question(staff));
                Assert.True(mine.Question is { } q && q.Text == theirs.Question!.Text && q.Text.Length > 0, $"{what} does not carry the question's words.");
                Assert.Equal((theirs.Votes, theirs.Question!.Status, theirs.LiveQuestionId), (mine.Votes, mine.Question!.Status, mine.LiveQuestionId));
                Assert.True(mine.OnlineQueue is null && mine.OnsiteQueue is null, $"{what} carries the queues.");
                Assert.True(mine.Question.OriginalText is null && mine.Question.RejectionReason is null && mine.Question.RejectionCode is null, $"{what} carries staff's fields.");
                break;
            case "blanked":
                Assert.True(seen.Type == type, $"{what} is {seen.Type}, not {type}.");
                var (blanked, full) = (Question(seen).Question!, Question(staff).Question!);
                Assert.Equal((full.Id, full.Status, full.Votes, full.MergedInto), (blanked.Id, blanked.Status, blanked.Votes, blanked.MergedInto));
                Assert.True(blanked is { Text: "", AuthorName: null, Organisation: null, StakeholderGroup: null, RejectionReason: null, RejectionCode: null, OriginalText: null },
                    $"{what} is not blanked: {JsonSerializer.Serialize(blanked, HttpJson.Options)}.");
                Assert.True(Question(seen).OnlineQueue is null && Question(seen).OnsiteQueue is null, $"{what} carries the queues.");
                break;
            case "Hidden":
                Assert.True(seen.Type == EventProjection.Hidden && seen.Data is null, $"{what} is {seen.Type} with {Json(seen)}, not Hidden.");
                break;
            default:
                Assert.Fail($"protocol.md's '{Heading}' uses '{word}', which the conformance tests do not know.");
                break;
        }
    }

    private static QuestionEventData Question(EventDto e) => SessionClient.Data<QuestionEventData>(e);

    private static string Json(EventDto e) => e.Data is JsonElement data ? data.GetRawText() : "null";

    private static string WithoutActions(EventDto e)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(Json(e));
        Strip(node);
        return node?.ToJsonString() ?? "null";

        static void Strip(System.Text.Json.Nodes.JsonNode? n)
        {
            if (n is System.Text.Json.Nodes.JsonObject o)
            {
                o.Remove("actions");
                foreach (var (_, child) in o)
                {
                    Strip(child);
                }
            }
        }
    }
}
