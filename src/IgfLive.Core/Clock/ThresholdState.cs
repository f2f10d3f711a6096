namespace IgfLive.Core.Clock;

public enum ThresholdState
{
    Normal,
    Warning,
    Critical,
    Overtime,
}
