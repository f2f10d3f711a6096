namespace IgfLive.Core.Notes;

public enum NoteKind
{
    KeyTakeaway,
    CallToAction,
    Point,
    Quote,
}
