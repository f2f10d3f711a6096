using System.Text.Json;
using IgfLive.Core.Reports;
using IgfLive.Core.Sessions;
using IgfLive.Server.Access;
using IgfLive.Server.Contracts;
using IgfLive.Server.Hosting;
using IgfLive.Server.Hubs;
using IgfLive.Server.Programme;
using IgfLive.Server.Sessions;
using IgfLive.Server.Storage;
using Microsoft.Extensions.Options;

namespace IgfLive.Server.Endpoints;

/// <summary>The organisers' HTTP surface: create and list sessions, summaries, report and question log.</summary>
public static class SessionEndpoints
{
    public const int MaxCreateBytes = 256 * 1024;

    public static IEndpointRouteBuilder MapSessionEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/sessions");
        group.MapPost("/", CreateAsync).WithName("CreateSession");
        group.MapGet("/", ListAsync).WithName("ListSessions");
        group.MapGet("/{id}", GetAsync).WithName("GetSession");
        group.MapDelete("/{id}", DeleteAsync).WithName("DeleteSession");
        group.MapGet("/by-code/{code}", GetByCodeAsync).WithName("GetSessionByCode");
        group.MapGet("/{id}/report.md", ReportAsync).WithName("SessionReport");
        group.MapGet("/{id}/questions.csv", QuestionLogAsync).WithName("QuestionLog");
        group.MapPost("/{id}/keys/{role}/rotate", RotateKeyAsync).WithName("RotateRoleKey");
        return app;
    }

    public static async Task<IResult> CreateAsync(HttpRequest request, OrganiserAccess access, SessionService sessions, IOptions<IgfLiveOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!access.IsOrganiser(request))
        {
            return Problems.Unauthorized("Creating a session needs the organiser key as \"Authorization: Bearer <key>\".");
        }
        var (body, refusal) = await BodyReader.ReadJsonAsync<CreateSessionRequest>(request, MaxCreateBytes, "a session", "title, startsAt, timeZone and agenda or agendaText", cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        var (definition, parsed, errors) = SessionDefinitionReader.Read(body!);
        if (definition is null)
        {
            return Problems.Of(StatusCodes.Status400BadRequest, "invalid_input", "The session could not be created; see errors.", errors);
        }

        var keys = RoleLinks.Keyed.ToDictionary(role => role, _ => SecretKeys.NewKey());
        SessionRecord? record = null;
        // A clash of random ids or codes is rare but possible; try a few times before giving up.
        for (var attempt = 0; attempt < 5 && record is null; attempt++)
        {
            var candidate = new SessionRecord(
                SecretKeys.NewSessionId(),
                SecretKeys.NewParticipantCode(),
                keys.ToDictionary(k => k.Key, k => SecretKeys.Hash(k.Value)),
                definition.Title,
                definition.StartsAt,
                definition.TimeZone,
                definition.Room,
                time.GetUtcNow());
            if (await sessions.CreateAsync(candidate, definition, cancellationToken))
            {
                record = candidate;
            }
        }
        if (record is null)
        {
            return Problems.Of(StatusCodes.Status503ServiceUnavailable, "conflict", "Could not allocate a session id; try again.");
        }
        var links = RoleLinks.For(BaseUrl(request, options.Value), record, keys);
        var created = new SessionCreatedResponse(
            record.Id,
            record.ParticipantCode,
            links,
            keys.ToDictionary(k => RoleLinks.Name(k.Key), k => k.Value),
            DtoMapper.Info(record, definition),
            parsed?.Unread ?? []);
        return TypedResults.Created($"/api/sessions/{record.Id}", created);
    }

    /// <summary>
    /// Replaces a role's key (organiser key, or the key of the session's event): the answer carries the new
    /// key and link once; the old key opens nothing from then on, on every node.
    /// </summary>
    public static async Task<IResult> RotateKeyAsync(
        string id, string role, HttpRequest request, EventAccess access, IProgrammeStore programmes, EventSessions eventSessions, SessionService sessions, IOptions<IgfLiveOptions> options, CancellationToken cancellationToken)
    {
        var (record, _, missing) = await FoundAsync(id, sessions, cancellationToken);
        if (record is null || !await access.CanManageAsync(request, record, programmes, cancellationToken))
        {
            return record is null && access.IsOrganiser(request)
                ? missing!
                : Problems.Unauthorized("Replacing a key needs the organiser key, or the key of the session's event, as \"Authorization: Bearer <key>\".");
        }
        if (RoleLinks.Parse(role) is not { } parsed || parsed == SessionRole.Participant)
        {
            return Problems.Of(StatusCodes.Status400BadRequest, HubErrors.InvalidInput, $"'{role}' is not a role with a key; use one of {string.Join(", ", RoleLinks.Keyed.Select(RoleLinks.Name))}.");
        }
        var key = SecretKeys.NewKey();
        var outcome = await sessions.ExecuteAsync(id, new RotateRoleKey(parsed, SecretKeys.Hash(key)), cancellationToken);
        if (outcome.Rejection is { } rejection)
        {
            return Problems.Refused(rejection);
        }
        if (record.EventId is { } eventId)
        {
            await eventSessions.RememberKeyAsync(eventId, id, parsed, key, cancellationToken);
        }
        return TypedResults.Ok(new RoleKeyResponse(RoleLinks.Name(parsed), key, RoleLinks.Link(BaseUrl(request, options.Value), record, parsed, key)));
    }

    /// <summary>Deletes a session that has not started: it is gone from every listing and lookup, and its links open nothing.</summary>
    public static async Task<IResult> DeleteAsync(string id, HttpRequest request, EventAccess access, IProgrammeStore programmes, SessionService sessions, CancellationToken cancellationToken)
    {
        var (record, _, missing) = await FoundAsync(id, sessions, cancellationToken);
        if (record is null || !await access.CanManageAsync(request, record, programmes, cancellationToken))
        {
            return record is null && access.IsOrganiser(request)
                ? missing!
                : Problems.Unauthorized("Deleting a session needs the organiser key, or the key of the session's event, as \"Authorization: Bearer <key>\".");
        }
        var outcome = await sessions.ExecuteAsync(id, new DeleteSession(), cancellationToken);
        return outcome.Rejection is { } rejection ? Problems.Refused(rejection) : TypedResults.NoContent();
    }

    public static async Task<IResult> ListAsync(HttpRequest request, OrganiserAccess access, SessionDirectory directory, CancellationToken cancellationToken)
    {
        if (!access.IsOrganiser(request))
        {
            return Problems.Unauthorized("Listing sessions needs the organiser key as \"Authorization: Bearer <key>\".");
        }
        var sessions = await directory.ListAsync(cancellationToken);
        return TypedResults.Ok(sessions
            .Where(s => !s.State.Deleted)
            .Select(s => new SessionListItem(s.Record.Id, s.Record.Title, s.Record.StartsAt, s.Record.TimeZone, s.Record.Room, s.Record.ParticipantCode, s.Record.CreatedAt, s.State.Clock.Status.ToString()))
            .ToArray());
    }

    public static async Task<IResult> GetAsync(string id, SessionService sessions, TimeProvider time, CancellationToken cancellationToken)
    {
        var (record, state, missing) = await FoundAsync(id, sessions, cancellationToken);
        return missing ?? TypedResults.Ok(new SessionSummary(DtoMapper.Info(record!, state!.Definition), DtoMapper.Clock(state, time.GetUtcNow())));
    }

    public static async Task<IResult> GetByCodeAsync(string code, ISessionCatalog catalog, SessionService sessions, TimeProvider time, CancellationToken cancellationToken)
    {
        var record = await catalog.FindByCodeAsync(code, cancellationToken);
        return record is null
            ? Problems.Of(StatusCodes.Status404NotFound, "not_found", $"No session has the code {code}.")
            : await GetAsync(record.Id, sessions, time, cancellationToken);
    }

    public static async Task<IResult> ReportAsync(string id, HttpRequest request, EventAccess access, IProgrammeStore programmes, SessionService sessions, PresenceTracker presence, TimeProvider time, CancellationToken cancellationToken)
    {
        var (state, denied) = await AuthorisedStateAsync(id, request, access, programmes, sessions, cancellationToken);
        if (denied is not null)
        {
            return denied;
        }
        var people = await presence.CurrentAsync(id, cancellationToken);
        var markdown = SessionReport.Write(state!, people.Peak, time.GetUtcNow());
        return TypedResults.Text(markdown, "text/markdown; charset=utf-8");
    }

    public static async Task<IResult> QuestionLogAsync(string id, HttpRequest request, EventAccess access, IProgrammeStore programmes, SessionService sessions, CancellationToken cancellationToken)
    {
        var (state, denied) = await AuthorisedStateAsync(id, request, access, programmes, sessions, cancellationToken);
        return denied ?? TypedResults.Text(QuestionLogCsv.Write(state!), "text/csv; charset=utf-8");
    }

    private static async Task<(SessionState? State, IResult? Denied)> AuthorisedStateAsync(string id, HttpRequest request, EventAccess access, IProgrammeStore programmes, SessionService sessions, CancellationToken cancellationToken)
    {
        // Caught up with the store: a key replaced on another node no longer opens the downloads here.
        var (record, state, missing) = await FoundAsync(id, sessions, cancellationToken);
        if (missing is not null)
        {
            return (null, missing);
        }
        if (!await access.CanReadReportsAsync(request, record!, state!, programmes, cancellationToken))
        {
            return (null, Problems.Unauthorized("Downloads need the organiser key, the key of the session's event, or a moderator's or the rapporteur's key, as \"Authorization: Bearer <key>\"."));
        }
        return (state, null);
    }

    /// <summary>The session with its state caught up with the store, or the 404 for one that does not exist or was deleted.</summary>
    private static async Task<(SessionRecord? Record, SessionState? State, IResult? Missing)> FoundAsync(string id, SessionService sessions, CancellationToken cancellationToken)
    {
        var record = await sessions.FindAsync(id, cancellationToken);
        var state = record is null ? null : await sessions.GetStateAsync(id, cancellationToken);
        if (record is null || state is null)
        {
            return (null, null, Problems.NotFound(id));
        }
        return state.Deleted
            ? (null, null, Problems.Of(StatusCodes.Status404NotFound, HubErrors.NotFound, SessionDecider.Deleted.Message))
            : (record, state, null);
    }

    private static string BaseUrl(HttpRequest request, IgfLiveOptions options) =>
        (options.PublicBaseUrl ?? $"{request.Scheme}://{request.Host}{request.PathBase}").TrimEnd('/');
}
