using IgfLive.Server.Endpoints;

namespace IgfLive.Server.Contracts;

/// <summary>
/// A room's current and next session, as its stage display or room desk shows them (WatchRoom's
/// result, and RoomChanged). A screen keeps the one with the latest <see cref="At"/>.
/// </summary>
/// <param name="Screen">"Stage" or "Desk": which of the room's links the watcher opened.</param>
/// <param name="Current">The session the room is in: one whose clock runs (or is paused), else the one whose slot holds the present; null between sessions.</param>
/// <param name="Next">The first later session not started yet; null when the room has no more.</param>
/// <param name="At">The server's time when this was worked out.</param>
public sealed record RoomStateDto(string EventId, string RoomId, string RoomName, string TimeZone, string Screen, RoomSessionDto? Current, RoomSessionDto? Next, DateTimeOffset At);

/// <summary>A session of a room's line-up.</summary>
/// <param name="Status">The clock's status: NotStarted, Running, Paused or Ended.</param>
/// <param name="Key">
/// The key the watching screen opens the session with: the stage display's for a stage, the onsite
/// moderator's for a desk; null on the dashboard, and when the key was replaced since the last import.
/// </param>
public sealed record RoomSessionDto(string SessionId, string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Status, string? Key);

/// <summary>One room as the secretariat's dashboard shows it (WatchEvent's result, and RoomsSummarised).</summary>
/// <param name="Overrun">Set when the current session is projected to end after the next one's start.</param>
/// <param name="Previous">The room's last ended session, for its report.</param>
/// <param name="At">The server's time when this was worked out; the dashboard keeps the latest per room.</param>
public sealed record RoomSummaryDto(
    string RoomId, string RoomName, RoomLiveDto? Current, RoomSessionDto? Next, RoomOverrunDto? Overrun, RoomReportDto? Previous, DateTimeOffset At);

/// <summary>The session a room is in, for the dashboard.</summary>
/// <param name="Clock">Its clock, as every view reads it.</param>
/// <param name="LateMs">Projected end minus scheduled end at <see cref="RoomSummaryDto.At"/>: positive when running late (a session not started after its start counts as late too).</param>
/// <param name="QuestionsWaiting">Questions asked and not yet moderated.</param>
/// <param name="Online">Participants connected now.</param>
/// <param name="Notes">The rapporteur's notes so far (the report is drawn from them).</param>
public sealed record RoomLiveDto(
    string SessionId, string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt, ClockDto Clock, int SegmentCount,
    long LateMs, DateTimeOffset ProjectedEnd, int QuestionsWaiting, int Online, int Notes);

/// <summary>"6 min late, next session at 16:30": the current session runs into the next one.</summary>
public sealed record RoomOverrunDto(int MinutesLate, string NextTitle, DateTimeOffset NextStartsAt);

/// <summary>An ended session and what its report holds.</summary>
public sealed record RoomReportDto(string SessionId, string Title, DateTimeOffset? EndedAt, int Notes);

/// <summary>What the dashboard opens with: the event, every room, and the programme's conflicts.</summary>
public sealed record DashboardDto(EventInfo Event, IReadOnlyList<RoomSummaryDto> Rooms, IReadOnlyList<ConflictView> Conflicts, DateTimeOffset At);
