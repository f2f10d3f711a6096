using System.Globalization;
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
        ClearStageMessage c => Clear(state, c.MessageId),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command, "Not a stage command."),
    };

    /// <summary>Two moderators may clear the same message at once, or clear one already replaced: it is gone either way, and that is no error.</summary>
    private static Decision Clear(SessionState state, string messageId)
    {
        if (state.StageMessage?.Id == messageId)
        {
            return Decision.Accept(new StageMessageCleared(messageId));
        }
        return WasSent(state, messageId)
            ? Decision.Nothing
            : Decision.Reject(RejectionCode.NotFound, $"There is no stage message {messageId} in this session.");
    }

    /// <summary>Whether the id is one this session's messages had: they are numbered m1, m2, … as sent.</summary>
    private static bool WasSent(SessionState state, string? messageId) =>
        messageId is ['m', .. var number] && number is not ['0', ..]
        && int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
        && n <= state.StageMessagesSent;

    private static Rejection? Current(SessionState state, string messageId) => state.StageMessage?.Id == messageId
        ? null
        : new Rejection(RejectionCode.NotFound, $"Stage message {messageId} is not on the stage display.");
}
