using IgfLive.Core.Clock;
using IgfLive.Core.Notes;
using IgfLive.Core.Questions;
using IgfLive.Core.Stage;

namespace IgfLive.Core.Sessions;

/// <summary>
/// Decides what a command does to a session: a pure function of the state, the command and the
/// instant. The server appends the resulting events with the state's version as the expected
/// sequence, and decides again against fresh state if another command got there first.
/// </summary>
public static class SessionDecider
{
    /// <summary>The answer to every command once the session is deleted.</summary>
    public static Rejection Deleted { get; } = new(RejectionCode.NotFound, "This session was deleted by the organiser.");

    public static Decision Decide(SessionState state, SessionCommand command, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(command);
        if (state.Deleted)
        {
            return Deleted;
        }
        return command switch
        {
            StartClock or PauseClock or ResumeClock or NextSegment or PreviousSegment or GoToSegment
                or GoToSpeakerSlot or AdjustSegment or EndSession or RaiseDueCue => FloorChange.Follow(state, command, ClockDecider.Decide(state, command, now)),
            AddNote or EditNote or DeleteNote or RestoreNote or PromoteQuestion => NoteDecider.Decide(state, command, now),
            SendStageMessage or AcknowledgeStageMessage or ClearStageMessage => StageDecider.Decide(state, command),
            RotateRoleKey or DeleteSession or RescheduleSession => OrganiserDecider.Decide(state, command),
            _ => QuestionDecider.Decide(state, command),
        };
    }
}
