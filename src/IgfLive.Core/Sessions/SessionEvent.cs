using System.Text.Json.Serialization;
using IgfLive.Core.Clock;
using IgfLive.Core.Notes;
using IgfLive.Core.Questions;
using IgfLive.Core.Stage;

namespace IgfLive.Core.Sessions;

/// <summary>
/// Something that happened to a session. The state of a session is the fold of its events
/// (<see cref="SessionState.Apply"/>); events are never changed once recorded.
/// The type discriminator is the wire and storage name, so renaming one is a breaking change.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(SessionCreated), nameof(SessionCreated))]
[JsonDerivedType(typeof(ClockStarted), nameof(ClockStarted))]
[JsonDerivedType(typeof(ClockPaused), nameof(ClockPaused))]
[JsonDerivedType(typeof(ClockResumed), nameof(ClockResumed))]
[JsonDerivedType(typeof(SegmentEntered), nameof(SegmentEntered))]
[JsonDerivedType(typeof(SpeakerSlotEntered), nameof(SpeakerSlotEntered))]
[JsonDerivedType(typeof(SegmentAdjusted), nameof(SegmentAdjusted))]
[JsonDerivedType(typeof(SessionEnded), nameof(SessionEnded))]
[JsonDerivedType(typeof(CueRaised), nameof(CueRaised))]
[JsonDerivedType(typeof(QuestionSubmitted), nameof(QuestionSubmitted))]
[JsonDerivedType(typeof(QuestionApproved), nameof(QuestionApproved))]
[JsonDerivedType(typeof(QuestionRejected), nameof(QuestionRejected))]
[JsonDerivedType(typeof(QuestionEdited), nameof(QuestionEdited))]
[JsonDerivedType(typeof(QuestionMerged), nameof(QuestionMerged))]
[JsonDerivedType(typeof(QuestionMoved), nameof(QuestionMoved))]
[JsonDerivedType(typeof(QuestionForwarded), nameof(QuestionForwarded))]
[JsonDerivedType(typeof(QuestionMadeLive), nameof(QuestionMadeLive))]
[JsonDerivedType(typeof(QuestionAnswered), nameof(QuestionAnswered))]
[JsonDerivedType(typeof(QuestionWithdrawn), nameof(QuestionWithdrawn))]
[JsonDerivedType(typeof(QuestionVoted), nameof(QuestionVoted))]
[JsonDerivedType(typeof(QuestionUnvoted), nameof(QuestionUnvoted))]
[JsonDerivedType(typeof(QuestionsClosed), nameof(QuestionsClosed))]
[JsonDerivedType(typeof(QuestionsOpened), nameof(QuestionsOpened))]
[JsonDerivedType(typeof(NoteAdded), nameof(NoteAdded))]
[JsonDerivedType(typeof(NoteEdited), nameof(NoteEdited))]
[JsonDerivedType(typeof(NoteDeleted), nameof(NoteDeleted))]
[JsonDerivedType(typeof(NoteRestored), nameof(NoteRestored))]
[JsonDerivedType(typeof(StageMessageSent), nameof(StageMessageSent))]
[JsonDerivedType(typeof(StageMessageAcknowledged), nameof(StageMessageAcknowledged))]
[JsonDerivedType(typeof(StageMessageCleared), nameof(StageMessageCleared))]
[JsonDerivedType(typeof(RoleKeyRotated), nameof(RoleKeyRotated))]
[JsonDerivedType(typeof(SessionDeleted), nameof(SessionDeleted))]
[JsonDerivedType(typeof(SessionRescheduled), nameof(SessionRescheduled))]
public abstract record SessionEvent;

/// <summary>An event with its place in the session's log and the server time it was decided at.</summary>
/// <param name="Sequence">1, 2, 3, … with no gaps, per session.</param>
public sealed record RecordedEvent(long Sequence, DateTimeOffset At, SessionEvent Event);
