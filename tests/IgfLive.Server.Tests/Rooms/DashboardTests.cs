using IgfLive.Server.Contracts;
using IgfLive.Server.Tests.Events;
using IgfLive.Server.Tests.Infrastructure;

namespace IgfLive.Server.Tests.Rooms;

/// <summary>The secretariat's dashboard: every room at once, live, with a warning when a session runs into the next.</summary>
public sealed class DashboardTests : RoomProgramme
{
    [Fact]
    public async Task ASessionStartedLateIsShownRunningIntoTheNextOneInItsRoom()
    {
        await using var dashboard = await WatchingAsync();
        var opened = (await dashboard.WatchEventAsync(Event.Id, Event.Key)).Value!;
        Assert.Equal(["Room XXIV", "Main Hall"], opened.Rooms.Select(r => r.RoomName));
        Assert.All(opened.Rooms, r => Assert.Null(r.Current));
        Assert.Equal(Sessions["A"], opened.Rooms[0].Next!.SessionId);
        Assert.Null(opened.Rooms[0].Next!.Key);

        Time.Advance(TimeSpan.FromMinutes(7));
        await using var onsite = await SessionClient.ConnectAsync(Server.Address, "onsite");
        await onsite.JoinAsync(Sessions["A"], EventApi.KeyOf(Links, Sessions["A"], "onsiteModerator"));
        await onsite.SendAsync("StartClock");
        Time.Advance(TimeSpan.FromSeconds(1));

        var late = await dashboard.WaitForSummaryAsync(r => r.RoomName == "Room XXIV" && r.Current?.Clock.Status == "Running", "Room XXIV to show its session running");
        Assert.Equal(Sessions["A"], late.Current!.SessionId);
        Assert.Equal((0, 2), (late.Current.Clock.Segment, late.Current.SegmentCount));
        Assert.Equal(TimeSpan.FromMinutes(6), TimeSpan.FromMilliseconds(late.Current.LateMs));
        Assert.Equal(SecondStarts + TimeSpan.FromMinutes(6), late.Current.ProjectedEnd);
        Assert.Equal((6, "AI and elections", SecondStarts), (late.Overrun!.MinutesLate, late.Overrun.NextTitle, late.Overrun.NextStartsAt));
        // The Main Hall's session has not begun: late too, but nothing follows it there.
        var hall = await dashboard.WaitForSummaryAsync(r => r.RoomName == "Main Hall" && r.At == late.At, "the Main Hall in the same round");
        Assert.Equal("NotStarted", hall.Current!.Clock.Status);
        Assert.Equal(late.At + TimeSpan.FromMinutes(60) - SecondStarts, TimeSpan.FromMilliseconds(hall.Current.LateMs));
        Assert.Null(hall.Overrun);
    }

    [Fact]
    public async Task QuestionsWaitingParticipantsOnlineAndNotesReachTheDashboard()
    {
        Time.Advance(TimeSpan.FromMinutes(1));
        await using var dashboard = await WatchingAsync();
        await dashboard.WatchEventAsync(Event.Id, Event.Key);
        await using var alice = await SessionClient.ConnectAsync(Server.Address, "alice");
        await alice.JoinAsync(Sessions["C"], Links.Single(r => r["session_id"] == Sessions["C"] && r["role"] == "participant")["link"].Split('/')[^1]);
        await alice.SendAsync("SubmitQuestion", new SubmitQuestionRequest("How do we reach the last billion?", "Alice", null, null, null));
        await using var rapporteur = await SessionClient.ConnectAsync(Server.Address, "rapporteur");
        await rapporteur.JoinAsync(Sessions["C"], EventApi.KeyOf(Links, Sessions["C"], "rapporteur"));
        await rapporteur.SendAsync("AddNote", new AddNoteRequest("Point", "Keynotes framed affordability as the first barrier.", null, null, null));

        Time.Advance(TimeSpan.FromSeconds(1));

        var hall = await dashboard.WaitForSummaryAsync(
            r => r.RoomName == "Main Hall" && r.Current is { QuestionsWaiting: 1, Notes: 1 }, "the Main Hall's question and note");
        Assert.True(hall.Current!.Online >= 1, $"{hall.Current.Online} online");
    }
}
