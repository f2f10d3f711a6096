using System.Net;
using System.Net.Http.Json;
using IgfLive.Server.Contracts;
using IgfLive.Server.Endpoints;
using IgfLive.Server.Tests.Infrastructure;

namespace IgfLive.Server.Tests.Events;

/// <summary>Importing a programme: preview first, commit writes it, and a re-import changes only what changed.</summary>
public sealed class ProgrammeImportTests : EventServerTests
{

    [Fact]
    public async Task ADryRunReportsWhatWouldBeCreatedAndWritesNothing()
    {
        var created = await Api.CreateAsync(rooms: "Main Hall");

        var preview = await Api.ImportAsync(created.Id, created.Key, SmallProgramme.Csv, dryRun: true);

        Assert.False(preview.Committed);
        Assert.Equal(["WS-3", "WS-1", "WS-2", "WS-4"], preview.Created.Select(s => s.ExternalId));
        Assert.All(preview.Created, s => Assert.Null(s.Id));
        Assert.Empty(preview.Updated);
        Assert.Empty(preview.Errors);
        var ws1 = preview.Created.Single(s => s.ExternalId == "WS-1");
        Assert.Equal(new DateTimeOffset(2026, 12, 15, 10, 0, 0, TimeSpan.FromHours(3)), ws1.StartsAt);
        Assert.Equal(new DateTimeOffset(2026, 12, 15, 11, 30, 0, TimeSpan.FromHours(3)), ws1.EndsAt);
        var view = await Api.GetAsync(created.Id);
        Assert.All(view.Rooms, r => Assert.Empty(r.Sessions));
        Assert.Empty(view.Days);
        using var http = Server.CreateHttpClient();
        Assert.Empty((await http.GetFromJsonAsync<SessionListItem[]>("/api/sessions", Endpoints.HttpJson.Options, TestContext.Current.CancellationToken))!);
    }

    [Fact]
    public async Task CommittingTheSameFileWritesThePreviewAndARepeatChangesNothing()
    {
        var created = await Api.CreateAsync(rooms: "Main Hall");
        var preview = await Api.ImportAsync(created.Id, created.Key, SmallProgramme.Csv, dryRun: true);

        var committed = await Api.ImportAsync(created.Id, created.Key, SmallProgramme.Csv);

        Assert.True(committed.Committed);
        Assert.Equal(preview.Created.Select(s => (s.ExternalId, s.Title, s.Room, s.StartsAt, s.EndsAt)), committed.Created.Select(s => (s.ExternalId, s.Title, s.Room, s.StartsAt, s.EndsAt)));
        Assert.All(committed.Created, s => Assert.NotNull(s.Id));
        var view = await Api.GetAsync(created.Id);
        Assert.Equal(["Main Hall", "Room XXIV"], view.Rooms.Select(r => r.Name));
        Assert.Equal(["room-xxiv"], view.Rooms.Skip(1).Select(r => r.Id));
        Assert.Equal(["WS-3", "WS-4"], view.Rooms[0].Sessions.Select(s => s.ExternalId));
        Assert.Equal(["2026-12-15", "2026-12-16"], view.Days);
        Assert.All(view.Rooms.SelectMany(r => r.Sessions), s => Assert.Equal("NotStarted", s.Status));

        var again = await Api.ImportAsync(created.Id, created.Key, SmallProgramme.Csv);

        Assert.Empty(again.Created);
        Assert.Empty(again.Updated);
        Assert.Empty(again.Removed);
        Assert.Equal(committed.Created.Select(s => s.Id).Order(), again.Unchanged.Select(s => s.Id).Order());
        using var http = Server.CreateHttpClient();
        Assert.Equal(4, (await http.GetFromJsonAsync<SessionListItem[]>("/api/sessions", Endpoints.HttpJson.Options, TestContext.Current.CancellationToken))!.Length);
    }

    [Fact]
    public async Task AReimportMovesRenamesRemovesAndAddsKeepingEachSessionsIdKeysAndQuestions()
    {
        var created = await Api.CreateAsync();
        var first = await Api.ImportAsync(created.Id, created.Key, SmallProgramme.Csv);
        var ids = first.Created.ToDictionary(s => s.ExternalId, s => s.Id!);
        var links = await Api.LinksAsync(created.Id, created.Key);
        // Someone asks a question in WS-1 before the programme changes.
        await using var participant = await SessionClient.ConnectAsync(Server.Address, "participant");
        var code = links.Single(r => r["session_id"] == ids["WS-1"] && r["role"] == "participant")["link"].Split('/')[^1];
        await participant.JoinAsync(ids["WS-1"], code);
        await participant.SendAsync("SubmitQuestion", new SubmitQuestionRequest("Who funds the data trusts?", "Ama", null, null, null));

        var changed = await Api.ImportAsync(created.Id, created.Key, SmallProgramme.Changed);

        Assert.Equal(["WS-5"], changed.Created.Select(s => s.ExternalId));
        Assert.Equal(["WS-2", "WS-1"], changed.Updated.Select(s => s.ExternalId));
        Assert.Equal(["WS-4"], changed.Unchanged.Select(s => s.ExternalId));
        Assert.Equal(["WS-3"], changed.Removed.Select(s => s.ExternalId));
        Assert.Equal(ids["WS-1"], changed.Updated.Single(s => s.ExternalId == "WS-1").Id);
        var view = await Api.GetAsync(created.Id);
        var sessions = view.Rooms.SelectMany(r => r.Sessions).ToDictionary(s => s.ExternalId);
        Assert.Equal(["WS-1", "WS-2", "WS-4", "WS-5"], sessions.Keys.Order());
        Assert.Equal(new DateTimeOffset(2026, 12, 15, 14, 0, 0, TimeSpan.FromHours(3)), sessions["WS-1"].StartsAt);
        Assert.Equal("AI and elections: what 2026 taught us", sessions["WS-2"].Title);

        // The moved session keeps its question, and its moderator's link still opens it.
        var online = EventApi.KeyOf(links, ids["WS-1"], "onlineModerator");
        await using var moderator = await SessionClient.ConnectAsync(Server.Address, "online moderator");
        var joined = await moderator.JoinAsync(ids["WS-1"], online);
        Assert.Single(joined.Snapshot.Questions);
        Assert.Equal(new DateTimeOffset(2026, 12, 15, 14, 0, 0, TimeSpan.FromHours(3)), joined.Snapshot.Session.StartsAt);
        // The participant already in it heard of the move.
        var moved = await participant.WaitForEventAsync("SessionRescheduled");
        Assert.Equal(new DateTimeOffset(2026, 12, 15, 14, 0, 0, TimeSpan.FromHours(3)), SessionClient.Data<RescheduledData>(moved).StartsAt);
        // The removed session is deleted: its links open nothing.
        await using var late = await SessionClient.ConnectAsync(Server.Address, "late");
        Assert.Equal("not_found", await late.RefusedAsync("Join", new JoinRequest(ids["WS-3"], EventApi.KeyOf(links, ids["WS-3"], "onsiteModerator"), null)));
    }

    [Fact]
    public async Task ASessionThatHasStartedIsNotMovedButReported()
    {
        var created = await Api.CreateAsync();
        var first = await Api.ImportAsync(created.Id, created.Key, SmallProgramme.Csv);
        var ws1 = first.Created.Single(s => s.ExternalId == "WS-1").Id!;
        var links = await Api.LinksAsync(created.Id, created.Key);
        await using var onsite = await SessionClient.ConnectAsync(Server.Address, "onsite");
        await onsite.JoinAsync(ws1, EventApi.KeyOf(links, ws1, "onsiteModerator"));
        await onsite.SendAsync("StartClock");

        var changed = await Api.ImportAsync(created.Id, created.Key, SmallProgramme.Changed);

        Assert.DoesNotContain(changed.Updated, s => s.ExternalId == "WS-1");
        Assert.Contains(changed.Unchanged, s => s.ExternalId == "WS-1" && s.StartsAt == new DateTimeOffset(2026, 12, 15, 10, 0, 0, TimeSpan.FromHours(3)));
        var warning = Assert.Single(changed.Warnings);
        Assert.Equal(2, warning.Line);
        Assert.Contains("has started", warning.Message, StringComparison.Ordinal);
        var view = await Api.GetAsync(created.Id);
        var session = view.Rooms.SelectMany(r => r.Sessions).Single(s => s.ExternalId == "WS-1");
        Assert.Equal(new DateTimeOffset(2026, 12, 15, 10, 0, 0, TimeSpan.FromHours(3)), session.StartsAt);
        Assert.Equal("Running", session.Status);
    }

    [Fact]
    public async Task AFileWithBadRowsCommitsNothingUnlessAskedToSkipThem()
    {
        var created = await Api.CreateAsync();
        var broken = SmallProgramme.Csv + "WS-9,A session on the thirty-second,2026-12-32,10:00,11:00,Main Hall,,,,,,\r\n";

        var refused = await Api.PostProgrammeAsync(created.Id, created.Key, broken);

        var (status, code, body) = await EventApi.ProblemAsync(refused);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("programme_has_errors", code);
        Assert.Equal(6, body.GetProperty("errors")[0].GetProperty("line").GetInt32());
        Assert.All((await Api.GetAsync(created.Id)).Rooms, r => Assert.Empty(r.Sessions));

        var skipped = await Api.PostProgrammeAsync(created.Id, created.Key, broken, query: "dryRun=false&skipInvalid=true");

        Assert.Equal(HttpStatusCode.OK, skipped.StatusCode);
        Assert.Equal(4, (await Api.GetAsync(created.Id)).Rooms.Sum(r => r.Sessions.Count));
    }
}
