using IgfLive.Core.Clock;
using IgfLive.Core.Programme;
using IgfLive.Server.Access;
using IgfLive.Server.Endpoints;
using IgfLive.Server.Storage;

namespace IgfLive.Server.Programme;

/// <summary>How an import ended.</summary>
public enum ImportStatus
{
    /// <summary>Previewed, or committed.</summary>
    Done,

    /// <summary>A commit of a file with bad entries, without asking to skip them: nothing was written.</summary>
    HasErrors,

    /// <summary>Another import saved the programme between this one's reading and writing it: nothing was written.</summary>
    Changed,
}

/// <summary>
/// Imports a programme file into an event: plans it against the stored programme (the preview is this
/// plan), and on commit saves the new programme, at the next version, before bringing the sessions in
/// line with it (see <see cref="EventSessions.ReconcileAsync"/>).
/// </summary>
public sealed class ProgrammeImport(IProgrammeStore programmes, EventSessions eventSessions, RoomKeys roomKeys)
{
    public async Task<(ImportStatus Status, ProgrammeImportResponse Response)> RunAsync(
        StoredEvent stored, ProgrammeFile file, bool commit, bool skipInvalid, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(file);
        var (record, current) = stored;
        var states = await eventSessions.StatesAsync(current.Slots.Select(s => s.SessionId), cancellationToken);
        var plan = ImportPlan.Make(current, file.Entries, id => states.GetValueOrDefault(id) is { Clock.Status: not ClockStatus.NotStarted });
        var rooms = RoomNames.With(current.Rooms, plan.Resulting.Select(e => e.Room));

        if (!commit || (file.Errors.Count > 0 && !skipInvalid))
        {
            var status = commit ? ImportStatus.HasErrors : ImportStatus.Done;
            return (status, Respond(false, record, plan, file, current.Slots.ToDictionary(s => s.Entry.ExternalId, s => s.SessionId, StringComparer.Ordinal)));
        }

        var slots = new List<ProgrammeSlot>();
        foreach (var change in plan.Changes)
        {
            var roomId = RoomNames.Find(rooms, change.Entry.Room)!.Id;
            switch (change.Action)
            {
                case ImportAction.Create:
                    slots.Add(eventSessions.NewSlot(change.Entry, roomId));
                    break;
                case ImportAction.Update:
                    slots.Add(change.Before! with { Entry = change.Entry, RoomId = roomId });
                    break;
                case ImportAction.Remove:
                    break;
                default:
                    slots.Add(change.Before!);
                    break;
            }
        }
        var next = new EventProgramme(current.Version + 1, roomKeys.WithKeys(record.Id, rooms), Ordered(slots));
        var ids = next.Slots.ToDictionary(s => s.Entry.ExternalId, s => s.SessionId, StringComparer.Ordinal);
        if (!await programmes.SaveAsync(record.Id, next, cancellationToken))
        {
            return (ImportStatus.Changed, Respond(false, record, plan, file, ids));
        }
        await eventSessions.ReconcileAsync(record, next, plan.Of(ImportAction.Remove).Select(c => c.Before!), cancellationToken);
        foreach (var removed in plan.Of(ImportAction.Remove))
        {
            ids[removed.Entry.ExternalId] = removed.Before!.SessionId;
        }
        return (ImportStatus.Done, Respond(true, record, plan, file, ids));
    }

    /// <summary>A programme's slots in the order pages list them: by start, then room, then external id.</summary>
    public static IReadOnlyList<ProgrammeSlot> Ordered(IEnumerable<ProgrammeSlot> slots) =>
        [.. slots.OrderBy(s => s.Entry.StartsAt).ThenBy(s => RoomNames.Key(s.Entry.Room), StringComparer.Ordinal).ThenBy(s => s.Entry.ExternalId, StringComparer.Ordinal)];

    /// <summary>The conflicts of a programme's entries, each session named as an import names it.</summary>
    public static IReadOnlyList<ConflictView> Conflicts(IReadOnlyList<ProgrammeEntry> entries, TimeZoneInfo zone, IReadOnlyDictionary<string, string> ids)
    {
        var byId = entries.ToDictionary(e => e.ExternalId, StringComparer.Ordinal);
        return [.. ProgrammeConflicts.Find(entries, zone).Select(c => new ConflictView(
            WireName(c.Kind), [.. c.Sessions.Select(id => Session(byId[id], ids))], c.Detail))];
    }

    public static string WireName(ConflictKind kind) => kind switch
    {
        ConflictKind.RoomOverlap => "room_overlap",
        ConflictKind.PersonOverlap => "person_overlap",
        ConflictKind.AgendaOverflow => "agenda_overflow",
        _ => "agenda_short",
    };

    private static ProgrammeImportResponse Respond(
        bool committed, EventRecord record, ImportPlan plan, ProgrammeFile file, IReadOnlyDictionary<string, string> ids)
    {
        IReadOnlyList<ImportedSession> Of(params ImportAction[] actions) =>
            [.. plan.Changes.Where(c => actions.Contains(c.Action)).Select(c => c.Entry)
                .OrderBy(e => e.StartsAt).ThenBy(e => RoomNames.Key(e.Room), StringComparer.Ordinal).ThenBy(e => e.ExternalId, StringComparer.Ordinal)
                .Select(e => Session(e, ids))];
        var zone = TimeZoneInfo.FindSystemTimeZoneById(record.TimeZone);
        return new ProgrammeImportResponse(
            committed,
            Of(ImportAction.Create),
            Of(ImportAction.Update),
            Of(ImportAction.Unchanged, ImportAction.KeptStarted, ImportAction.KeptMissing),
            Of(ImportAction.Remove),
            [.. file.Errors.Select(e => new LineProblem(e.Line, e.Message))],
            [.. plan.Warnings.Select(w => new LineProblem(w.Line, w.Message))],
            Conflicts(plan.Resulting, zone, ids),
            file.IgnoredColumns);
    }

    private static ImportedSession Session(ProgrammeEntry entry, IReadOnlyDictionary<string, string> ids) =>
        new(entry.ExternalId, ids.GetValueOrDefault(entry.ExternalId), entry.Title, entry.Room, entry.StartsAt, entry.EndsAt);
}
