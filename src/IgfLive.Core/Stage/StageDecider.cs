using IgfLive.Core.Sessions;

namespace IgfLive.Core.Stage;

/// <summary>Decides stage-message commands: one message on the stage display at a time.</summary>
internal static class StageDecider
{
    public static Decision Decide(SessionState state, SessionCommand command) => command switch
    {
        SendStageMessage c => TextRules.Check(c.Text, TextRules.StageMessageMax, "stage message", out var text)
            ?? Decision.Accept(new StageMessageSent($"m{state.StageMessagesSent + 1}", text, c.Pinned)),
        AcknowledgeStageMessage c => Current(state, c.MessageId) ?? (state.StageMessage!.AcknowledgedAt is null
            ? Decision.Accept(new StageMessageAcknowledged(c.MessageId))
            : Decision.Nothing),
        ClearStageMessage c => Current(state, c.MessageId) ?? Decision.Accept(new StageMessageCleared(c.MessageId)),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command, "Not a stage command."),
    };

    private static Rejection? Current(SessionState state, string messageId) => state.StageMessage?.Id == messageId
        ? null
        : new Rejection(RejectionCode.NotFound, $"Stage message {messageId} is not on the stage display.");
}
