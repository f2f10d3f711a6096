using IgfLive.Core.Programme;
using IgfLive.Server.Storage;

namespace IgfLive.Server.Programme;

/// <summary>One session's part in an import: what happens to it, the entry it will have, and its slot in the programme before.</summary>
/// <param name="Entry">The file's entry, or the stored one for a session the file leaves out or cannot change.</param>
public sealed record PlannedChange(ImportAction Action, ProgrammeEntry Entry, ProgrammeSlot? Before);

/// <summary>
/// What importing a file into an event's programme would do, decided before anything is written, so
/// the preview and the commit of one file can never differ. Sessions are matched by external id.
/// </summary>
public sealed record ImportPlan(IReadOnlyList<PlannedChange> Changes, IReadOnlyList<ProgrammeProblem> Warnings)
{
    /// <param name="started">Whether the session with this id has started (its clock ever ran).</param>
    public static ImportPlan Make(EventProgramme current, IReadOnlyList<ProgrammeEntry> entries, Func<string, bool> started)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(started);
        var stored = current.Slots.ToDictionary(s => s.Entry.ExternalId, StringComparer.Ordinal);
        var changes = new List<PlannedChange>();
        var warnings = new List<ProgrammeProblem>();
        foreach (var entry in entries)
        {
            if (!stored.Remove(entry.ExternalId, out var slot))
            {
                changes.Add(new PlannedChange(ImportAction.Create, entry, null));
            }
            else if (ProgrammeSessions.Same(slot.Entry, entry))
            {
                changes.Add(new PlannedChange(ImportAction.Unchanged, slot.Entry, slot));
            }
            else if (started(slot.SessionId))
            {
                changes.Add(new PlannedChange(ImportAction.KeptStarted, slot.Entry, slot));
                warnings.Add(new ProgrammeProblem(entry.Line, $"\"{slot.Entry.Title}\" has started, so the file's change to it was not applied; it keeps its time and room."));
            }
            else
            {
                changes.Add(new PlannedChange(ImportAction.Update, entry, slot));
            }
        }
        // What the file leaves out, in programme order.
        foreach (var slot in current.Slots.Where(s => stored.ContainsKey(s.Entry.ExternalId)))
        {
            if (started(slot.SessionId))
            {
                changes.Add(new PlannedChange(ImportAction.KeptMissing, slot.Entry, slot));
                warnings.Add(new ProgrammeProblem(0, $"\"{slot.Entry.Title}\" ({slot.Entry.ExternalId}) is not in the file but has started, so it stays in the programme."));
            }
            else
            {
                changes.Add(new PlannedChange(ImportAction.Remove, slot.Entry, slot));
            }
        }
        return new ImportPlan(changes, warnings);
    }

    /// <summary>The programme's entries once the plan is carried out: every session but the removed ones.</summary>
    public IReadOnlyList<ProgrammeEntry> Resulting => [.. Changes.Where(c => c.Action != ImportAction.Remove).Select(c => c.Entry)];

    public IEnumerable<PlannedChange> Of(ImportAction action) => Changes.Where(c => c.Action == action);
}
