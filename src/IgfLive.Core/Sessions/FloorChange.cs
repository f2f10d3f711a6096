using IgfLive.Core.Questions;
using IgfLive.Core.Stage;

namespace IgfLive.Core.Sessions;

/// <summary>
/// What else changes, in the same decision, when the clock moves to another segment or speaker or
/// the session ends: a stage message that was not pinned was about the part that is over, so it goes
/// with it, and the end of the session closes questions. The extra events follow the clock's, in one append.
/// </summary>
internal static class FloorChange
{
    public static Decision Follow(SessionState state, SessionCommand command, Decision decided)
    {
        if (!decided.IsAccepted || decided.Events.Count == 0 || command is not (NextSegment or PreviousSegment or GoToSegment or GoToSpeakerSlot or EndSession))
        {
            return decided;
        }
        List<SessionEvent> events = [.. decided.Events];
        if (command is EndSession && state.QuestionsOpen)
        {
            events.Add(new QuestionsClosed());
        }
        if (state.StageMessage is { Pinned: false } shown)
        {
            events.Add(new StageMessageCleared(shown.Id));
        }
        return events.Count == decided.Events.Count ? decided : Decision.Accept([.. events]);
    }
}
