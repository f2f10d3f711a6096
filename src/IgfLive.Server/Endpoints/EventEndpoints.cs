using System.Text.Json;
using IgfLive.Core.Sessions;
using IgfLive.Server.Access;
using IgfLive.Server.Hosting;
using IgfLive.Server.Hubs;
using IgfLive.Server.Programme;
using IgfLive.Server.Sessions;
using IgfLive.Server.Storage;
using Microsoft.Extensions.Options;

namespace IgfLive.Server.Endpoints;

/// <summary>Events: create one (organiser key), list them, and the public view of one with its rooms and sessions.</summary>
public static class EventEndpoints
{
    public const int MaxCreateBytes = 64 * 1024;

    public static IEndpointRouteBuilder MapEventEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/events");
        group.MapPost("/", CreateAsync).WithName("CreateEvent");
        group.MapGet("/", ListAsync).WithName("ListEvents");
        group.MapGet("/{id}", GetAsync).WithName("GetEvent");
        group.MapProgrammeEndpoints();
        return app;
    }

    public static async Task<IResult> CreateAsync(HttpRequest request, EventAccess access, RoomKeys roomKeys, IProgrammeStore programmes, IOptions<IgfLiveOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!access.IsOrganiser(request))
        {
            return Problems.Unauthorized("Creating an event needs the organiser key as \"Authorization: Bearer <key>\".");
        }
        var (body, refusal) = await BodyReader.ReadJsonAsync<CreateEventRequest>(request, MaxCreateBytes, "an event", "title and timeZone", cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        var (title, zone, rooms, errors) = Read(body!);
        if (errors.Count > 0)
        {
            return Problems.Of(StatusCodes.Status400BadRequest, HubErrors.InvalidInput, "The event could not be created; see errors.", errors);
        }

        var key = SecretKeys.NewKey();
        EventRecord? record = null;
        for (var attempt = 0; attempt < 5 && record is null; attempt++)
        {
            var candidate = new EventRecord(SecretKeys.NewSessionId(), title!, zone!, SecretKeys.Hash(key), time.GetUtcNow());
            if (await programmes.CreateAsync(candidate, new EventProgramme(0, roomKeys.WithKeys(candidate.Id, RoomNames.With([], rooms)), []), cancellationToken))
            {
                record = candidate;
            }
        }
        if (record is null)
        {
            return Problems.Of(StatusCodes.Status503ServiceUnavailable, "conflict", "Could not allocate an event id; try again.");
        }
        var baseUrl = BaseUrl(request, options.Value);
        var links = new EventLinks($"{baseUrl}/e/{record.Id}", $"{baseUrl}/e/{record.Id}/dashboard#key={Uri.EscapeDataString(key)}");
        return TypedResults.Created($"/api/events/{record.Id}", new EventCreatedResponse(record.Id, key, links));
    }

    public static async Task<IResult> ListAsync(HttpRequest request, EventAccess access, IProgrammeStore programmes, CancellationToken cancellationToken)
    {
        if (!access.IsOrganiser(request))
        {
            return Problems.Unauthorized("Listing events needs the organiser key as \"Authorization: Bearer <key>\".");
        }
        var records = await programmes.ListAsync(cancellationToken);
        return TypedResults.Ok(records.Select(r => new EventInfo(r.Id, r.Title, r.TimeZone)).ToArray());
    }

    /// <summary>The public programme: every room with its sessions, by start; deleted sessions left out.</summary>
    public static async Task<IResult> GetAsync(string id, IProgrammeStore programmes, EventSessions eventSessions, SessionService sessions, CancellationToken cancellationToken)
    {
        var stored = await programmes.FindAsync(id, cancellationToken);
        if (stored is null)
        {
            return NotFound(id);
        }
        var (record, programme) = stored;
        var states = await eventSessions.StatesAsync(programme.Slots.Select(s => s.SessionId), cancellationToken);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(record.TimeZone);
        var rooms = new List<RoomView>();
        foreach (var room in programme.Rooms)
        {
            var views = new List<EventSessionView>();
            foreach (var slot in programme.Slots.Where(s => s.RoomId == room.Id))
            {
                if (states[slot.SessionId] is not { Deleted: false } state || await sessions.FindAsync(slot.SessionId, cancellationToken) is not { } session)
                {
                    continue;
                }
                views.Add(new EventSessionView(
                    session.Id, slot.Entry.ExternalId, state.Definition.Title, state.Definition.StartsAt, state.Definition.ScheduledEnd,
                    session.ParticipantCode, state.Clock.Status.ToString(), state.Definition.Format));
            }
            rooms.Add(new RoomView(room.Id, room.Name, views));
        }
        var days = programme.Slots
            .Select(s => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(s.Entry.StartsAt, zone).DateTime))
            .Distinct()
            .Order()
            .Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
            .ToArray();
        return TypedResults.Ok(new EventView(new EventInfo(record.Id, record.Title, record.TimeZone), rooms, days));
    }

    internal static IResult NotFound(string eventId) => Problems.Of(StatusCodes.Status404NotFound, HubErrors.NotFound, $"There is no event {eventId}.");

    internal static string BaseUrl(HttpRequest request, IgfLiveOptions options) =>
        (options.PublicBaseUrl ?? $"{request.Scheme}://{request.Host}{request.PathBase}").TrimEnd('/');

    private static (string? Title, string? Zone, List<string> Rooms, List<string> Errors) Read(CreateEventRequest body)
    {
        var errors = new List<string>();
        var title = TextRules.Check(body.Title, TextRules.TitleMax, "title", out var cleanTitle) is { } badTitle ? Add(errors, badTitle.Message) : cleanTitle;
        string? zone = null;
        if (string.IsNullOrWhiteSpace(body.TimeZone))
        {
            errors.Add("timeZone is required: the venue's IANA time zone, such as \"Asia/Riyadh\".");
        }
        else if (!TimeZoneInfo.TryFindSystemTimeZoneById(body.TimeZone.Trim(), out var found) || !found.HasIanaId)
        {
            errors.Add($"timeZone \"{body.TimeZone}\" is not a known IANA time zone (such as \"Asia/Riyadh\").");
        }
        else
        {
            zone = found.Id;
        }
        var rooms = new List<string>();
        var given = body.Rooms ?? [];
        if (given.Count > RoomNames.MaxRooms)
        {
            errors.Add($"There are {given.Count} rooms; an event has at most {RoomNames.MaxRooms}.");
            given = [];
        }
        for (var i = 0; i < given.Count; i++)
        {
            if (TextRules.Check(given[i], TextRules.RoomMax, $"rooms[{i}]", out var room) is { } bad)
            {
                errors.Add(bad.Message);
            }
            else if (rooms.Any(r => RoomNames.Key(r) == RoomNames.Key(room)))
            {
                errors.Add($"rooms[{i}] \"{room}\" is named twice.");
            }
            else
            {
                rooms.Add(room);
            }
        }
        return (title, zone, rooms, errors);
    }

    private static string? Add(List<string> errors, string message)
    {
        errors.Add(message);
        return null;
    }
}
