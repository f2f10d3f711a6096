namespace IgfLive.Load;

/// <summary>One session under load: its keys, its board, its staff and its participants.</summary>
internal sealed class SessionRun(SessionKeys keys)
{
    public int FailedJoins;

    public SessionKeys Keys { get; } = keys;

    public SeqBoard Board { get; } = new();

    public LoadClient Onsite { get; set; } = null!;

    public LoadClient Online { get; set; } = null!;

    public List<Person> People { get; } = [];

    public IEnumerable<ClientTracker> Trackers()
    {
        if (Onsite is not null)
        {
            yield return Onsite.Tracker;
        }
        if (Online is not null)
        {
            yield return Online.Tracker;
        }
        Person[] people;
        lock (People)
        {
            people = [.. People];
        }
        foreach (var person in people)
        {
            yield return person.Tracker;
        }
    }
}
