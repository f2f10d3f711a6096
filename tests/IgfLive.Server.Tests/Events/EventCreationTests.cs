using System.Net;
using System.Net.Http.Json;
using System.Text;
using IgfLive.Server.Endpoints;
using IgfLive.Server.Tests.Infrastructure;

namespace IgfLive.Server.Tests.Events;

/// <summary>POST /api/events: the organiser creates an event and gets its key and pages once; bad input changes nothing.</summary>
public sealed class EventCreationTests : EventServerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheOrganiserCreatesAnEventWithItsRoomsAndGetsItsKeyAndPages()
    {
        var created = await Api.CreateAsync("IGF 2026", "Asia/Riyadh", "Main Hall", "Room XXIV");

        Assert.False(string.IsNullOrWhiteSpace(created.Key));
        var origin = Server.Address.ToString().TrimEnd('/');
        Assert.Equal($"{origin}/e/{created.Id}", created.Links.Programme);
        Assert.Equal($"{origin}/e/{created.Id}/dashboard#key={Uri.EscapeDataString(created.Key)}", created.Links.Dashboard);
        var view = await Api.GetAsync(created.Id);
        Assert.Equal(new EventInfo(created.Id, "IGF 2026", "Asia/Riyadh"), view.Event);
        Assert.Equal([("main-hall", "Main Hall"), ("room-xxiv", "Room XXIV")], view.Rooms.Select(r => (r.Id, r.Name)));
        using var http = Server.CreateHttpClient();
        Assert.Equal([created.Id], (await http.GetFromJsonAsync<EventInfo[]>("/api/events", HttpJson.Options, Ct))!.Select(e => e.Id));
    }

    [Theory]
    [InlineData("{\"title\":\"\",\"timeZone\":\"Asia/Riyadh\"}", "invalid_input")]
    [InlineData("{\"title\":\"IGF\",\"timeZone\":\"Mars/Olympus_Mons\"}", "invalid_input")]
    [InlineData("{\"title\":\"IGF\"}", "invalid_input")]
    [InlineData("{\"title\":\"IGF\",\"timeZone\":\"Asia/Riyadh\",\"rooms\":[\"Main Hall\",\"main  hall\"]}", "invalid_input")]
    [InlineData("{\"title\":\"IGF\",\"timeZone\":\"Asia/Riyadh\",\"rooms\":[\"\"]}", "invalid_input")]
    [InlineData("{\"title\":42", "invalid_json")]
    [InlineData("", "invalid_json")]
    public async Task BadInputIsRefusedWithItsCodeAndCreatesNothing(string body, string code)
    {
        using var http = Server.CreateHttpClient();
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        var response = await http.PostAsync("/api/events", content, Ct);

        var (status, actual, _) = await EventApi.ProblemAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(code, actual);
        Assert.Empty((await http.GetFromJsonAsync<EventInfo[]>("/api/events", HttpJson.Options, Ct))!);
    }

    [Fact]
    public async Task WithoutTheOrganiserKeyNothingIsCreated()
    {
        using var anonymous = Server.CreateHttpClient(bearer: null);
        using var wrong = Server.CreateHttpClient("not-the-key");
        foreach (var http in new[] { anonymous, wrong })
        {
            var response = await http.PostAsJsonAsync("/api/events", new CreateEventRequest("IGF", "Asia/Riyadh", null), HttpJson.Options, Ct);
            var problem = await EventApi.ProblemAsync(response);
            Assert.Equal((HttpStatusCode.Unauthorized, "unauthorized"), (problem.Status, problem.Code));
        }
        using var organiser = Server.CreateHttpClient();
        Assert.Empty((await organiser.GetFromJsonAsync<EventInfo[]>("/api/events", HttpJson.Options, Ct))!);
    }

    [Fact]
    public async Task AnUnknownEventIsNotFound()
    {
        using var http = Server.CreateHttpClient(bearer: null);
        var response = await http.GetAsync("/api/events/nope", Ct);
        var problem = await EventApi.ProblemAsync(response);
        Assert.Equal((HttpStatusCode.NotFound, "not_found"), (problem.Status, problem.Code));
    }
}
