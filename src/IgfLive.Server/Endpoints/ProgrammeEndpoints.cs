using IgfLive.Core.Programme;
using IgfLive.Server.Access;
using IgfLive.Server.Hosting;
using IgfLive.Server.Programme;
using IgfLive.Server.Programme.Readers;
using IgfLive.Server.Storage;
using Microsoft.Extensions.Options;

namespace IgfLive.Server.Endpoints;

/// <summary>An event's managers' surface (event or organiser key): import the programme, its conflicts, the links of every session.</summary>
public static class ProgrammeEndpoints
{
    /// <summary>A programme of a thousand sessions with long agendas fits well inside this.</summary>
    public const int MaxProgrammeBytes = 4 * 1024 * 1024;

    public const int MaxSessions = 2000;

    public static RouteGroupBuilder MapProgrammeEndpoints(this RouteGroupBuilder group)
    {
        group.MapPost("/{id}/programme", ImportAsync).WithName("ImportProgramme");
        group.MapGet("/{id}/conflicts", ConflictsAsync).WithName("EventConflicts");
        group.MapGet("/{id}/links.csv", LinksAsync).WithName("EventLinks");
        return group;
    }

    public static async Task<IResult> ImportAsync(
        string id, HttpRequest request, bool? dryRun, bool? skipInvalid, EventAccess access, IProgrammeStore programmes, ProgrammeImport import, CancellationToken cancellationToken)
    {
        var (stored, denied) = await ManagedAsync(id, request, access, programmes, "Importing a programme", cancellationToken);
        if (denied is not null)
        {
            return denied;
        }
        if (ProgrammeReaders.For(request.ContentType) is not { } reader)
        {
            return Problems.Of(StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type",
                $"A programme is sent as text/csv, text/calendar or application/xml (frab schedule), not \"{request.ContentType}\".");
        }
        var text = await BodyReader.ReadTextAsync(request, MaxProgrammeBytes, cancellationToken);
        if (text is null)
        {
            return Problems.Of(StatusCodes.Status413PayloadTooLarge, "too_large", $"The file is larger than {MaxProgrammeBytes / (1024 * 1024)} MiB.");
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            return Malformed(new ProgrammeProblem(0, "The file is empty."));
        }
        var file = reader.Read(text, TimeZoneInfo.FindSystemTimeZoneById(stored!.Record.TimeZone));
        if (file.Malformed is { } malformed)
        {
            return Malformed(malformed);
        }
        if (file.Entries.Count > MaxSessions)
        {
            return Malformed(new ProgrammeProblem(0, $"The file has {file.Entries.Count} sessions; an event has at most {MaxSessions}."));
        }
        var (status, response) = await import.RunAsync(stored, file, commit: dryRun == false, skipInvalid ?? false, cancellationToken);
        return status switch
        {
            ImportStatus.HasErrors => Problems.Of(StatusCodes.Status422UnprocessableEntity, "programme_has_errors",
                $"The file has {response.Errors.Count} entries that cannot be read, so nothing was written. Fix them, or commit again with skipInvalid=true to import the rest.",
                new Dictionary<string, object?> { ["errors"] = response.Errors, ["preview"] = response }),
            ImportStatus.Changed => Problems.Of(StatusCodes.Status409Conflict, "programme_changed",
                "Another import changed the programme while this one ran, so nothing was written. Preview the file again and commit."),
            _ => TypedResults.Ok(response),
        };
    }

    /// <summary>The stored programme's conflicts, as the event pages show them.</summary>
    public static async Task<IResult> ConflictsAsync(string id, HttpRequest request, EventAccess access, IProgrammeStore programmes, CancellationToken cancellationToken)
    {
        var (stored, denied) = await ManagedAsync(id, request, access, programmes, "The programme's conflicts", cancellationToken);
        if (denied is not null)
        {
            return denied;
        }
        var slots = stored!.Programme.Slots;
        var conflicts = ProgrammeImport.Conflicts(
            [.. slots.Select(s => s.Entry)],
            TimeZoneInfo.FindSystemTimeZoneById(stored.Record.TimeZone),
            slots.ToDictionary(s => s.Entry.ExternalId, s => s.SessionId, StringComparer.Ordinal));
        return TypedResults.Ok(conflicts.ToArray());
    }

    /// <summary>links.csv: one row per session and role, ready for a mail merge.</summary>
    public static async Task<IResult> LinksAsync(
        string id, HttpRequest request, EventAccess access, IProgrammeStore programmes, EventLinksCsv links, IOptions<IgfLiveOptions> options, CancellationToken cancellationToken)
    {
        var (stored, denied) = await ManagedAsync(id, request, access, programmes, "Downloading the links", cancellationToken);
        if (denied is not null)
        {
            return denied;
        }
        var csv = await links.WriteAsync(stored!, EventEndpoints.BaseUrl(request, options.Value), cancellationToken);
        return TypedResults.Text(csv, "text/csv; charset=utf-8");
    }

    private static async Task<(StoredEvent? Stored, IResult? Denied)> ManagedAsync(
        string id, HttpRequest request, EventAccess access, IProgrammeStore programmes, string what, CancellationToken cancellationToken)
    {
        var stored = await programmes.FindAsync(id, cancellationToken);
        if (stored is null)
        {
            // The organiser learns the event is missing; anyone else learns nothing about which ids exist.
            return (null, access.IsOrganiser(request)
                ? EventEndpoints.NotFound(id)
                : Problems.Unauthorized($"{what} needs this event's key, or the organiser key, as \"Authorization: Bearer <key>\"."));
        }
        return access.CanManage(request, stored.Record)
            ? (stored, null)
            : (null, Problems.Unauthorized($"{what} needs this event's key, or the organiser key, as \"Authorization: Bearer <key>\"."));
    }

    private static IResult Malformed(ProgrammeProblem problem) =>
        Problems.Of(StatusCodes.Status400BadRequest, "invalid_programme",
            problem.Line > 0 ? $"The file cannot be read: {problem.Message} (at {problem.Line})." : $"The file cannot be read: {problem.Message}",
            new Dictionary<string, object?> { ["line"] = problem.Line });
}
