namespace IgfLive.Load;

/// <summary>A simulated participant: what they have received, and their current connection.</summary>
internal sealed class Person(ClientTracker tracker)
{
    public ClientTracker Tracker { get; } = tracker;

    public LoadClient? Connection { get; set; }

    public HashSet<string>? Voted { get; set; }
}
