using IgfLive.Core.Sessions;
using IgfLive.Server.Contracts;
using IgfLive.Server.Storage;

namespace IgfLive.Server.Sessions;

/// <summary>Builds what a client in a role sees of a session, from the same rules as the event projection.</summary>
public static class SnapshotBuilder
{
    public static SnapshotDto Build(SessionRecord record, SessionState state, SessionRole role, string? participantId, PresenceDto presence, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(state);
        var audience = AudienceOf.Role(role);
        var staff = audience == Audience.Staff;
        var questions = state.Questions.Values
            .Where(q => staff || DtoMapper.IsPublic(q, participantId))
            .OrderBy(q => q.SubmittedAt)
            .ThenBy(q => q.Id.Length)
            .ThenBy(q => q.Id, StringComparer.Ordinal)
            .Select(q => DtoMapper.Question(q, role, participantId))
            .ToArray();
        var notes = staff
            ? state.Notes.Values.OrderBy(n => n.CreatedAt).ThenBy(n => n.Id.Length).ThenBy(n => n.Id, StringComparer.Ordinal).Select(DtoMapper.Note).ToArray()
            : [];
        var myVotes = participantId is null
            ? []
            : state.Questions.Values.Where(q => q.Voters.Contains(participantId)).Select(q => q.Id).ToArray();
        return new SnapshotDto(
            state.Version,
            role.ToString(),
            DtoMapper.Info(record, state.Definition),
            DtoMapper.Clock(state, now),
            questions,
            staff ? state.OnlineQueue : [],
            staff ? state.OnsiteQueue : [],
            state.LiveQuestionId,
            notes,
            audience == Audience.Participant ? null : DtoMapper.Stage(state.StageMessage),
            [.. state.RaisedCues.Select(DtoMapper.Cue)],
            myVotes,
            staff ? presence : new PresenceDto(0, 0),
            state.QuestionsOpen);
    }
}
