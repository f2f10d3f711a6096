namespace IgfLive.Core.Clock;

public enum ClockStatus
{
    NotStarted,
    Running,
    Paused,
    Ended,
}
