namespace IgfLive.Core.Agenda;

/// <summary>What a segment of the agenda is for; drives cues and the report's shape.</summary>
public enum SegmentKind
{
    Other = 0,
    Opening,
    Presentations,
    Discussion,
    QuestionsAndAnswers,
    Takeaways,
}
