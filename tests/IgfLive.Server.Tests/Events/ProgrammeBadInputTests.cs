using System.Net;
using IgfLive.Server.Tests.Infrastructure;

namespace IgfLive.Server.Tests.Events;

/// <summary>Every kind of bad programme file is refused with its code, and nothing is written.</summary>
public sealed class ProgrammeBadInputTests : EventServerTests
{
    private Endpoints.EventCreatedResponse _event = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _event = await Api.CreateAsync();
    }

    [Fact]
    public async Task AWrongContentTypeIsUnsupported()
    {
        var response = await Api.PostProgrammeAsync(_event.Id, _event.Key, SmallProgramme.Csv, "application/json");

        await AssertRefusedAsync(response, HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
    }

    [Fact]
    public async Task AHugeFileIsTooLarge()
    {
        var huge = SmallProgramme.Header + "\r\n" + string.Concat(Enumerable.Repeat("WS-1,A title,2026-12-15,10:00,11:00,Main Hall,,,,,,\"" + new string('x', 1000) + "\"\r\n", 5000));

        var response = await Api.PostProgrammeAsync(_event.Id, _event.Key, huge);

        await AssertRefusedAsync(response, HttpStatusCode.RequestEntityTooLarge, "too_large");
    }

    [Theory]
    [InlineData("text/csv", "")]
    [InlineData("text/csv", "   \r\n")]
    [InlineData("text/csv", "nothing,we,know\r\n1,2,3\r\n")]
    [InlineData("text/calendar", "this is not a calendar")]
    [InlineData("application/xml", "<schedule><conference>")]
    [InlineData("application/xml", "{\"not\": \"xml\"}")]
    public async Task AMalformedOrEmptyFileIsInvalidAndSaysWhere(string contentType, string body)
    {
        var response = await Api.PostProgrammeAsync(_event.Id, _event.Key, body, contentType);

        var problem = await AssertRefusedAsync(response, HttpStatusCode.BadRequest, "invalid_programme");
        Assert.True(problem.GetProperty("line").GetInt32() >= 0);
    }

    [Fact]
    public async Task InvalidDatesAndTimesAreErrorsAtTheirLines()
    {
        var file = SmallProgramme.Header + "\r\n"
            + "A,Good,2026-12-15,10:00,11:00,Main Hall,,,,,,\r\n"
            + "B,Bad date,2026-02-30,10:00,11:00,Main Hall,,,,,,\r\n"
            + "C,Bad time,2026-12-15,25:00,26:00,Main Hall,,,,,,\r\n"
            + "D,Ends before it starts,2026-12-15,11:00,10:00,Main Hall,,,,,,\r\n";

        var preview = await Api.ImportAsync(_event.Id, _event.Key, file, dryRun: true);

        Assert.Equal([3, 4, 5], preview.Errors.Select(e => e.Line));
        Assert.Equal(["A"], preview.Created.Select(s => s.ExternalId));
        var refused = await Api.PostProgrammeAsync(_event.Id, _event.Key, file);
        await AssertRefusedAsync(refused, HttpStatusCode.UnprocessableEntity, "programme_has_errors");
    }

    [Fact]
    public async Task AnUnknownEventOrNoKeyIsRefused()
    {
        await AssertRefusedAsync(await Api.PostProgrammeAsync("no-such-event", Infrastructure.TestServer.OrganiserKey, SmallProgramme.Csv), HttpStatusCode.NotFound, "not_found");
        await AssertRefusedAsync(await Api.PostProgrammeAsync("no-such-event", _event.Key, SmallProgramme.Csv), HttpStatusCode.Unauthorized, "unauthorized");
        await AssertRefusedAsync(await Api.PostProgrammeAsync(_event.Id, "a-guess", SmallProgramme.Csv), HttpStatusCode.Unauthorized, "unauthorized");
    }

    private async Task<System.Text.Json.JsonElement> AssertRefusedAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var problem = await EventApi.ProblemAsync(response);
        Assert.Equal((status, code), (problem.Status, problem.Code));
        // Nothing was written: the event has no session and its programme no new room.
        var view = await Api.GetAsync(_event.Id);
        Assert.Empty(view.Rooms);
        return problem.Body;
    }
}
