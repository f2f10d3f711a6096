using IgfLive.Core.Sessions;

namespace IgfLive.Core.Clock;

/// <summary>The session's clock started. A <see cref="SegmentEntered"/> for the first segment follows in the same append.</summary>
public sealed record ClockStarted : SessionEvent;

public sealed record ClockPaused : SessionEvent;

public sealed record ClockResumed : SessionEvent;

/// <summary>The clock entered a segment (the first one at the start, then next, previous or go to); its first slot, if any, begins.</summary>
public sealed record SegmentEntered(int Segment) : SessionEvent;

/// <summary>The clock moved to another speaker slot within the current segment.</summary>
public sealed record SpeakerSlotEntered(int Slot) : SessionEvent;

/// <summary>A segment was given more (positive) or less (negative) time.</summary>
public sealed record SegmentAdjusted(int Segment, int Seconds) : SessionEvent;

public sealed record SessionEnded : SessionEvent;

/// <summary>A threshold cue fired. Recorded so that it fires once per segment across every node.</summary>
/// <param name="Segment">The segment it belongs to; for <see cref="CueKind.Takeaways"/> the segment current at the time.</param>
public sealed record CueRaised(CueKind Cue, int Segment) : SessionEvent;
